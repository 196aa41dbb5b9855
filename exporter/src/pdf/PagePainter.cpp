// Cairo painting of layout pages. Never shapes text: glyph ids and positions come from the layout.
#include "pdf/PagePainter.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace pdf {

namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct FontFaceDeleter {
    void operator()(cairo_font_face_t* f) const { cairo_font_face_destroy(f); }
};
struct ScaledFontDeleter {
    void operator()(cairo_scaled_font_t* f) const { cairo_scaled_font_destroy(f); }
};
struct GObjectDeleter {
    void operator()(void* p) const {
        if (p) g_object_unref(p);
    }
};
struct FontOptionsDeleter {
    void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};
struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;
using FontFacePtr = std::unique_ptr<cairo_font_face_t, FontFaceDeleter>;
using ScaledFontPtr = std::unique_ptr<cairo_scaled_font_t, ScaledFontDeleter>;

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Faces opened from the same files the layout measured, one scaled font per table entry.
class FontCache {
public:
    explicit FontCache(const layout::FontTable& table) : table_(table), options_(cairo_font_options_create()) {
        cairo_font_options_set_hint_style(options_.get(), CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options_.get(), CAIRO_HINT_METRICS_OFF);
    }
    FontCache(const FontCache&) = delete;
    FontCache& operator=(const FontCache&) = delete;

    cairo_scaled_font_t* get(int id) {
        if (auto it = scaled_.find(id); it != scaled_.end()) return it->second.get();
        const layout::FontFace& f = table_.face(id);
        std::string key = f.file + "|" + std::to_string(f.index) + "|" + std::to_string(f.embolden);
        auto fit = faces_.find(key);
        if (fit == faces_.end()) {
            std::unique_ptr<FcPattern, PatternDeleter> pattern(FcPatternCreate());
            FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(f.file.c_str()));
            FcPatternAddInteger(pattern.get(), FC_INDEX, f.index);
            FcPatternAddBool(pattern.get(), FC_HINTING, FcFalse);
            FcPatternAddBool(pattern.get(), FC_EMBOLDEN, f.embolden ? FcTrue : FcFalse);
            FontFacePtr face(cairo_ft_font_face_create_for_pattern(pattern.get()));
            fit = faces_.emplace(key, std::move(face)).first;
        }
        cairo_matrix_t fm, ctm;
        // Fontconfig's matrix is y-up; Cairo's font space is y-down, so the shear changes sign.
        cairo_matrix_init(&fm, f.size * f.matrix[0], -f.size * f.matrix[2], -f.size * f.matrix[1],
                          f.size * f.matrix[3], 0, 0);
        cairo_matrix_init_identity(&ctm);
        ScaledFontPtr sf(cairo_scaled_font_create(fit->second.get(), &fm, &ctm, options_.get()));
        if (cairo_scaled_font_status(sf.get()) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error("cannot open font " + f.file);
        return scaled_.emplace(id, std::move(sf)).first->second.get();
    }

private:
    const layout::FontTable& table_;
    std::unique_ptr<cairo_font_options_t, FontOptionsDeleter> options_;
    std::map<std::string, FontFacePtr> faces_;
    std::map<int, ScaledFontPtr> scaled_;
};

// Decoded images, each embedded once however often it is drawn.
class ImageCache {
public:
    explicit ImageCache(std::string& problems) : problems_(problems) {}

    void draw(cairo_t* cr, const layout::PlacedImage& im) {
        if (im.mediaType == "image/svg+xml") {
            RsvgHandle* h = svg(im.path);
            if (!h) return;
            RsvgRectangle viewport{im.rect.x, im.rect.y, im.rect.w, im.rect.h};
            GError* error = nullptr;
            if (!rsvg_handle_render_document(h, cr, &viewport, &error)) {
                problems_ += im.path + ": " + (error ? error->message : "cannot render SVG") + "\n";
                if (error) g_error_free(error);
            }
            return;
        }
        cairo_surface_t* s = raster(im.path, im.mediaType);
        if (!s) return;
        int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
        if (w <= 0 || h <= 0) return;
        cairo_save(cr);
        cairo_translate(cr, im.rect.x, im.rect.y);
        cairo_scale(cr, im.rect.w / w, im.rect.h / h);
        cairo_set_source_surface(cr, s, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
    }

private:
    RsvgHandle* svg(const std::string& path) {
        if (auto it = svgs_.find(path); it != svgs_.end()) return static_cast<RsvgHandle*>(it->second.get());
        GError* error = nullptr;
        RsvgHandle* h = rsvg_handle_new_from_file(path.c_str(), &error);
        if (!h) {
            problems_ += path + ": " + (error ? error->message : "cannot read SVG") + "\n";
            if (error) g_error_free(error);
        } else {
            rsvg_handle_set_dpi(h, 96);
        }
        svgs_.emplace(path, std::unique_ptr<void, GObjectDeleter>(h));
        return h;
    }

    cairo_surface_t* raster(const std::string& path, const std::string& mediaType) {
        if (auto it = rasters_.find(path); it != rasters_.end()) return it->second.get();
        SurfacePtr s;
        if (mediaType == "image/png") {
            s.reset(cairo_image_surface_create_from_png(path.c_str()));
            if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) s.reset();
        } else {
            s = fromPixbuf(path);
            // Keep JPEG data as it is (DCTDecode) instead of re-encoding the decoded pixels.
            if (s && mediaType == "image/jpeg") {
                std::ifstream in(path, std::ios::binary);
                std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
                auto* data = static_cast<unsigned char*>(malloc(bytes.size()));
                std::memcpy(data, bytes.data(), bytes.size());
                cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_JPEG, data, bytes.size(), free, data);
            }
        }
        if (!s) problems_ += path + ": cannot decode image\n";
        return rasters_.emplace(path, std::move(s)).first->second.get();
    }

    static SurfacePtr fromPixbuf(const std::string& path) {
        GError* error = nullptr;
        std::unique_ptr<GdkPixbuf, GObjectDeleter> pb(gdk_pixbuf_new_from_file(path.c_str(), &error));
        if (!pb) {
            if (error) g_error_free(error);
            return nullptr;
        }
        const int w = gdk_pixbuf_get_width(pb.get()), h = gdk_pixbuf_get_height(pb.get());
        const int channels = gdk_pixbuf_get_n_channels(pb.get()), stride = gdk_pixbuf_get_rowstride(pb.get());
        const bool alpha = gdk_pixbuf_get_has_alpha(pb.get());
        const guchar* src = gdk_pixbuf_read_pixels(pb.get());
        SurfacePtr s(cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h));
        cairo_surface_flush(s.get());
        unsigned char* dst = cairo_image_surface_get_data(s.get());
        const int dstride = cairo_image_surface_get_stride(s.get());
        for (int y = 0; y < h; ++y) {
            const guchar* p = src + y * stride;
            auto* q = reinterpret_cast<uint32_t*>(dst + y * dstride);
            for (int x = 0; x < w; ++x, p += channels) {
                uint32_t a = alpha ? p[3] : 255;
                uint32_t r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;  // premultiplied
                q[x] = (a << 24) | (r << 16) | (g << 8) | b;
            }
        }
        cairo_surface_mark_dirty(s.get());
        return s;
    }

    std::string& problems_;
    std::map<std::string, SurfacePtr> rasters_;
    std::map<std::string, std::unique_ptr<void, GObjectDeleter>> svgs_;
};

void setColor(cairo_t* cr, const layout::Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void paintRun(cairo_t* cr, FontCache& fonts, const layout::GlyphRun& run, std::vector<cairo_glyph_t>& glyphs,
              std::vector<cairo_text_cluster_t>& clusters) {
    cairo_set_scaled_font(cr, fonts.get(run.font));
    setColor(cr, run.color);
    glyphs.resize(run.glyphs.size());
    for (size_t i = 0; i < run.glyphs.size(); ++i)
        glyphs[i] = {run.glyphs[i].id, run.x + run.glyphs[i].x, run.y + run.glyphs[i].y};
    clusters.resize(run.clusters.size());
    size_t bytes = 0, count = 0;
    for (size_t i = 0; i < run.clusters.size(); ++i) {
        clusters[i] = {run.clusters[i].bytes, run.clusters[i].glyphs};
        bytes += size_t(run.clusters[i].bytes);
        count += size_t(run.clusters[i].glyphs);
    }
    if (bytes == run.text.size() && count == glyphs.size())
        cairo_show_text_glyphs(cr, run.text.data(), int(run.text.size()), glyphs.data(), int(glyphs.size()),
                               clusters.data(), int(clusters.size()), cairo_text_cluster_flags_t(0));
    else
        cairo_show_glyphs(cr, glyphs.data(), int(glyphs.size()));
}

void paintPath(cairo_t* cr, const layout::StrokedPath& p) {
    if (p.points.empty()) return;
    cairo_new_path(cr);
    cairo_move_to(cr, p.points[0].x, p.points[0].y);
    for (size_t i = 1; i < p.points.size(); ++i) cairo_line_to(cr, p.points[i].x, p.points[i].y);
    if (p.closed) cairo_close_path(cr);
    cairo_set_line_width(cr, p.width);
    cairo_set_line_cap(cr, p.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_dash(cr, p.dash.data(), int(p.dash.size()), 0);
    setColor(cr, p.color);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
}

}  // namespace

std::string paintPages(const layout::Document& doc, const PdfMetadata& meta, std::string& problems) {
    std::string out;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(appendToString, &out, doc.width, doc.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot create a PDF surface");
    cairo_surface_t* s = surface.get();
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, meta.creator.c_str());
    // Without these Cairo stamps the wall clock into the file.
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, meta.date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, meta.date.c_str());
    {
        ContextPtr cr(cairo_create(s));
        FontCache fonts(doc.fonts);
        ImageCache images(problems);
        std::vector<cairo_glyph_t> glyphs;
        std::vector<cairo_text_cluster_t> clusters;
        for (const layout::Page& page : doc.pages) {
            for (const layout::PageItem& item : page.items) {
                if (auto* run = std::get_if<layout::GlyphRun>(&item)) {
                    paintRun(cr.get(), fonts, *run, glyphs, clusters);
                } else if (auto* f = std::get_if<layout::FilledRect>(&item)) {
                    cairo_rectangle(cr.get(), f->rect.x, f->rect.y, f->rect.w, f->rect.h);
                    setColor(cr.get(), f->color);
                    cairo_fill(cr.get());
                } else if (auto* p = std::get_if<layout::StrokedPath>(&item)) {
                    paintPath(cr.get(), *p);
                } else if (auto* im = std::get_if<layout::PlacedImage>(&item)) {
                    images.draw(cr.get(), *im);
                }
            }
            cairo_show_page(cr.get());
        }
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())));
        std::vector<int> ids(doc.outline.size(), CAIRO_PDF_OUTLINE_ROOT);
        for (size_t i = 0; i < doc.outline.size(); ++i) {
            const layout::OutlineEntry& e = doc.outline[i];
            char dest[96];
            std::snprintf(dest, sizeof dest, "page=%d pos=[0 %.2f]", e.page + 1, e.y);
            int parent = e.parent >= 0 ? ids[size_t(e.parent)] : CAIRO_PDF_OUTLINE_ROOT;
            // Top-level entries (modules) open, so a reader sees the chapters at once.
            auto flags = e.parent < 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0);
            ids[i] = cairo_pdf_surface_add_outline(s, parent, e.title.c_str(), dest, flags);
        }
    }
    auto tFinish = std::chrono::steady_clock::now();
    cairo_surface_finish(s);
    if (std::getenv("EXPORTER_PDF_TIMING"))
        std::fprintf(stderr, "pdf:  (cairo finish, font subsetting %.1f ms)\n",
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - tFinish).count());
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(s)));
    return out;
}

}  // namespace pdf
