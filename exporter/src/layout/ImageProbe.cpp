// Reads an image's natural size (PNG/JPEG/GIF via gdk-pixbuf, SVG via librsvg) without decoding it for drawing.
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include <memory>

#include "layout/Flow.h"

namespace layout {

bool imageSize(const std::string& path, const std::string& mediaType, double& w, double& h) {
    constexpr double kPixel = 0.75;  // CSS px to points, as a browser shows the image
    if (mediaType == "image/svg+xml") {
        GError* error = nullptr;
        std::unique_ptr<RsvgHandle, decltype(&g_object_unref)> handle(rsvg_handle_new_from_file(path.c_str(), &error),
                                                                      &g_object_unref);
        if (!handle) {
            if (error) g_error_free(error);
            return false;
        }
        rsvg_handle_set_dpi(handle.get(), 96);
        gdouble pw = 0, ph = 0;
        if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &pw, &ph)) {
            gboolean hasW, hasH, hasViewBox;
            RsvgLength lw, lh;
            RsvgRectangle vb;
            rsvg_handle_get_intrinsic_dimensions(handle.get(), &hasW, &lw, &hasH, &lh, &hasViewBox, &vb);
            if (!hasViewBox) return false;
            pw = vb.width, ph = vb.height;
        }
        w = pw * kPixel, h = ph * kPixel;
        return w > 0 && h > 0;
    }
    int pw = 0, ph = 0;
    if (!gdk_pixbuf_get_file_info(path.c_str(), &pw, &ph)) return false;
    w = pw * kPixel, h = ph * kPixel;
    return w > 0 && h > 0;
}

}  // namespace layout
