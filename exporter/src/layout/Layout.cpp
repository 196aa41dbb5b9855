// The font table behind glyph runs, and the text dump of a laid-out document.
#include "layout/Layout.h"

#include <pango/pangofc-font.h>

#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <ostream>
#include <unordered_map>

namespace layout {

struct FontTable::Impl {
    mutable std::mutex mutex;
    std::deque<FontFace> faces;  // stable addresses for face()
    std::unordered_map<PangoFont*, int> byFont;
    std::map<std::string, int> byKey;
    ~Impl() {
        for (auto& [font, id] : byFont) g_object_unref(font);
    }
};

FontTable::FontTable() : impl_(std::make_unique<Impl>()) {}
FontTable::~FontTable() = default;
FontTable::FontTable(FontTable&&) noexcept = default;
FontTable& FontTable::operator=(FontTable&&) noexcept = default;

int FontTable::intern(void* pangoFont) {
    auto* font = static_cast<PangoFont*>(pangoFont);
    std::lock_guard lock(impl_->mutex);
    if (auto it = impl_->byFont.find(font); it != impl_->byFont.end()) return it->second;
    FontFace face;
    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8* file = nullptr;
    if (FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch) face.file = reinterpret_cast<char*>(file);
    FcPatternGetInteger(pattern, FC_INDEX, 0, &face.index);
    FcMatrix* m = nullptr;
    if (FcPatternGetMatrix(pattern, FC_MATRIX, 0, &m) == FcResultMatch && m) {
        face.matrix[0] = m->xx, face.matrix[1] = m->xy, face.matrix[2] = m->yx, face.matrix[3] = m->yy;
    }
    FcBool embolden = FcFalse;
    if (FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden) == FcResultMatch) face.embolden = embolden;
    double pixels = 0;
    if (FcPatternGetDouble(pattern, FC_PIXEL_SIZE, 0, &pixels) == FcResultMatch) face.size = pixels;
    PangoFontDescription* d = pango_font_describe(font);
    if (face.size <= 0) face.size = double(pango_font_description_get_size(d)) / PANGO_SCALE;
    pango_font_description_unset_fields(d, PANGO_FONT_MASK_SIZE);
    char* s = pango_font_description_to_string(d);
    char size[32];
    std::snprintf(size, sizeof size, " %.2f", face.size);
    face.description = std::string(s) + size;
    g_free(s);
    pango_font_description_free(d);
    char key[64];
    std::snprintf(key, sizeof key, "|%d|%.4f|%.3f|%.3f|%d", face.index, face.size, face.matrix[1], face.matrix[2],
                  int(face.embolden));
    std::string k = face.file + key;
    g_object_ref(font);
    int id;
    if (auto it = impl_->byKey.find(k); it != impl_->byKey.end()) {
        id = it->second;
    } else {
        id = int(impl_->faces.size());
        impl_->faces.push_back(std::move(face));
        impl_->byKey.emplace(k, id);
    }
    impl_->byFont.emplace(font, id);
    return id;
}

const FontFace& FontTable::face(int id) const {
    std::lock_guard lock(impl_->mutex);
    return impl_->faces.at(size_t(id));
}

size_t FontTable::size() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->faces.size();
}

namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    return s == "-0.0" ? "0.0" : s;
}

std::string color(const Color& c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", int(c.r * 255 + 0.5), int(c.g * 255 + 0.5), int(c.b * 255 + 0.5));
    return buf;
}

std::string rect(const Rect& r) { return num(r.x) + " " + num(r.y) + " " + num(r.w) + "x" + num(r.h); }

}  // namespace

void dump(const Document& doc, std::ostream& out) {
    out << "document " << num(doc.width) << "x" << num(doc.height) << " pages=" << doc.pages.size()
        << " front=" << doc.frontMatterPages << "\n";
    for (size_t i = 0; i < doc.pages.size(); ++i) {
        const Page& p = doc.pages[i];
        out << "page " << i + 1 << " label=" << p.label << (p.frontMatter ? " front" : "") << "\n";
        for (const PageItem& item : p.items) {
            if (auto* g = std::get_if<GlyphRun>(&item)) {
                out << "  text " << num(g->x) << " " << num(g->y) << " " << color(g->color) << " ["
                    << doc.fonts.description(g->font) << "] \"" << g->text << "\"\n";
            } else if (auto* f = std::get_if<FilledRect>(&item)) {
                out << "  fill " << rect(f->rect) << " " << color(f->color) << "\n";
            } else if (auto* s = std::get_if<StrokedPath>(&item)) {
                out << "  path";
                for (const Point& pt : s->points) out << " " << num(pt.x) << "," << num(pt.y);
                out << (s->dash.empty() ? "" : " dashed") << "\n";
            } else if (auto* im = std::get_if<PlacedImage>(&item)) {
                out << "  image " << rect(im->rect) << " " << im->mediaType << "\n";
            }
        }
        for (const LinkArea& l : p.links)
            out << "  link " << rect(l.rect) << " " << (l.url.empty() ? "#" + l.anchor : l.url) << "\n";
        for (const AnchorMark& a : p.anchors) out << "  anchor " << a.key << " " << num(a.y) << "\n";
    }
    for (const OutlineEntry& o : doc.outline)
        out << "outline " << o.parent << " p" << o.page + 1 << " " << num(o.y) << " " << o.title << "\n";
}

}  // namespace layout
