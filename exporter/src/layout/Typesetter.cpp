// Pango shaping and line breaking; clreq-style justification and Han/Latin spacing done on the glyphs.
#include "layout/Typesetter.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace layout {

namespace {

struct GObjectDeleter {
    void operator()(void* p) const {
        if (p) g_object_unref(p);
    }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter>;
struct AttrListDeleter {
    void operator()(PangoAttrList* a) const {
        if (a) pango_attr_list_unref(a);
    }
};
struct FontDescriptionDeleter {
    void operator()(PangoFontDescription* d) const {
        if (d) pango_font_description_free(d);
    }
};
struct LayoutIterDeleter {
    void operator()(PangoLayoutIter* i) const {
        if (i) pango_layout_iter_free(i);
    }
};

constexpr char kLineSeparator[] = "\u2028";
constexpr char kGap[] = "\u2005";  // FOUR-PER-EM SPACE, drawn as a ¼ em shape, never as a glyph

// A stretch of text set in one style.
struct Segment {
    size_t start = 0, end = 0;
    TextStyle style;
    double rise = 0;
    int link = -1;
    bool code = false;
    bool gap = false;
    bool strike = false;
};

struct StyledText {
    std::string text;
    std::vector<Segment> segments;
    std::vector<LinkArea> links;  // targets only; rects are filled per line

    void append(const std::string& s, const TextStyle& style, double rise, int link, bool code, bool strike = false) {
        if (s.empty()) return;
        size_t start = text.size();
        text += s;
        if (!segments.empty()) {
            Segment& b = segments.back();
            if (b.end == start && !b.gap && b.rise == rise && b.link == link && b.code == code && b.strike == strike &&
                b.style.family == style.family && b.style.size == style.size && b.style.bold == style.bold &&
                b.style.italic == style.italic && b.style.color == style.color) {
                b.end = text.size();
                return;
            }
        }
        segments.push_back({start, text.size(), style, rise, link, code, false, strike});
    }

    const Segment& segmentAt(size_t byte) const {
        auto it = std::upper_bound(segments.begin(), segments.end(), byte,
                                   [](size_t b, const Segment& s) { return b < s.start; });
        return *(it == segments.begin() ? it : it - 1);
    }
};

void walk(StyledText& st, const std::vector<model::Inline>& inlines, TextStyle style, double rise, int link,
          const ParagraphFormat& f, const std::string& chapterId, bool strike = false) {
    using K = model::Inline::Kind;
    for (const model::Inline& in : inlines) {
        switch (in.kind) {
        case K::Text: st.append(in.text, style, rise, link, false, strike); break;
        case K::Code: {
            TextStyle cs = f.code;
            cs.size = style.size * (f.code.size / f.base.size);
            cs.bold = style.bold;
            if (link < 0) cs.color = f.code.color;
            else cs.color = style.color;
            st.append(in.text, cs, rise, link, true, strike);
            break;
        }
        case K::Emph: {
            TextStyle s = style;
            if (s.family != f.emphasisFamily) s.family = f.emphasisFamily;
            else s.italic = true;
            walk(st, in.children, s, rise, link, f, chapterId, strike);
            break;
        }
        case K::Strong: {
            TextStyle s = style;
            s.bold = true;
            walk(st, in.children, s, rise, link, f, chapterId, strike);
            break;
        }
        case K::Strike: walk(st, in.children, style, rise, link, f, chapterId, true); break;
        case K::Link: {
            using LK = model::LinkTarget::Kind;
            if (in.target.kind == LK::None) {
                walk(st, in.children, style, rise, link, f, chapterId, strike);
                break;
            }
            LinkArea area;
            if (in.target.kind == LK::External) area.url = in.target.url;
            else area.anchor = in.target.chapterId + "#" + in.target.anchor;
            st.links.push_back(area);
            TextStyle s = style;
            s.color = f.linkColor;
            walk(st, in.children, s, rise, int(st.links.size()) - 1, f, chapterId, strike);
            break;
        }
        case K::Image: st.append(in.text, style, rise, link, false); break;
        case K::LineBreak: st.append(kLineSeparator, style, rise, link, false); break;
        case K::FootnoteRef: {
            LinkArea area;
            area.anchor = chapterId + "#" + in.anchor;
            st.links.push_back(area);
            TextStyle s = style;
            s.size = style.size * 0.68;
            s.color = f.linkColor;
            st.append(in.text, s, rise - style.size * 0.36, int(st.links.size()) - 1, false);
            break;
        }
        case K::Superscript:
        case K::Subscript: {
            TextStyle s = style;
            s.size = style.size * 0.7;
            double r = in.kind == K::Superscript ? -style.size * 0.35 : style.size * 0.15;
            walk(st, in.children, s, rise + r, link, f, chapterId, strike);
            break;
        }
        }
    }
}

char32_t decode(const std::string& s, size_t& i) {
    gunichar c = g_utf8_get_char_validated(s.data() + i, gssize(s.size() - i));
    if (c == gunichar(-1) || c == gunichar(-2)) {
        ++i;
        return 0xFFFD;
    }
    i = size_t(g_utf8_next_char(s.data() + i) - s.data());
    return c;
}

// Inserts a ¼ em gap between Han and Latin letters/digits, and turns a typed
// space between them into the same gap (clreq: not a stretchable hole).
// Also adds zero-width break opportunities inside long names (never drawn).
StyledText spaceHanLatin(const StyledText& in, double gapWidthEm) {
    struct Char {
        char32_t c;
        size_t start, end;
        int seg;
    };
    std::vector<Char> chars;
    chars.reserve(in.text.size());
    for (size_t s = 0; s < in.segments.size(); ++s) {
        const Segment& seg = in.segments[s];
        for (size_t i = seg.start; i < seg.end;) {
            size_t b = i;
            char32_t c = decode(in.text, i);
            chars.push_back({c, b, i, int(s)});
        }
    }
    auto kind = [&](size_t k) -> int {  // 1 Han, 2 Latin, 0 other
        if (in.segments[chars[k].seg].rise != 0) return 0;
        if (isHan(chars[k].c)) return 1;
        if (isLatinAlnum(chars[k].c)) return 2;
        return 0;
    };
    auto sameCode = [&](size_t a, size_t b) {
        return chars[a].seg == chars[b].seg && in.segments[chars[a].seg].code;
    };
    StyledText out;
    out.links = in.links;
    out.text.reserve(in.text.size() + 64);
    auto emit = [&](size_t k) {
        const Segment& seg = in.segments[chars[k].seg];
        std::string piece = in.text.substr(chars[k].start, chars[k].end - chars[k].start);
        out.append(piece, seg.style, seg.rise, seg.link, seg.code, seg.strike);
    };
    auto emitGap = [&](size_t k) {
        const Segment& seg = in.segments[chars[k].seg];
        size_t start = out.text.size();
        out.text += kGap;
        Segment g = seg;
        g.start = start;
        g.end = out.text.size();
        g.gap = true;
        g.style.size = seg.style.size * gapWidthEm * 4;  // gap width = size/4
        out.segments.push_back(g);
    };
    for (size_t k = 0; k < chars.size(); ++k) {
        if (k > 0 && chars[k].c == U' ' && k + 1 < chars.size()) {
            int a = kind(k - 1), b = kind(k + 1);
            if (a && b && a != b && !sameCode(k - 1, k + 1)) {
                emitGap(k - 1);
                continue;
            }
        }
        if (k > 0) {
            int a = kind(k - 1), b = kind(k);
            if (a && b && a != b && !sameCode(k - 1, k)) emitGap(k - 1);
        }
        emit(k);
        // Let long paths and names in code spans and links break after '.', '/', '_' or '-'
        // inside a word, so they do not leave a gaping line behind them.
        const Segment& seg = in.segments[chars[k].seg];
        const char32_t c = chars[k].c;
        if ((seg.code || seg.link >= 0) && (c == U'.' || c == U'/' || c == U'_' || c == U'-') && k > 0 &&
            k + 1 < chars.size() && chars[k + 1].seg == chars[k].seg && isLatinAlnum(chars[k + 1].c) &&
            (isLatinAlnum(chars[k - 1].c) || c == U'/' || c == U'.'))
            out.append("\u200B", seg.style, seg.rise, seg.link, seg.code);
    }
    return out;
}

struct ClusterInfo {
    PangoLayoutRun* run;
    int font;
    int startGlyph, endGlyph;
    int startByte, endByte;
    double width;
    char32_t ch;
    bool empty;  // no visible glyph (gap, separator)
};

}  // namespace

bool isHan(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x312F) ||
           (c >= 0x3190 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool isWideCjk(char32_t c) {
    return isHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFE30 && c <= 0xFE4F) || c == 0x2014 || c == 0x2026;
}

bool isLatinAlnum(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF);
}

Color tokenColor(model::TokenStyle style) {
    using T = model::TokenStyle;
    switch (style) {
    case T::Keyword:
    case T::ControlFlow: return {0.60f, 0.10f, 0.55f};
    case T::Function: return {0.10f, 0.30f, 0.62f};
    case T::Variable:
    case T::Attribute: return {0.55f, 0.30f, 0.05f};
    case T::Operator: return {0.30f, 0.30f, 0.30f};
    case T::BuiltIn:
    case T::Extension:
    case T::DataType: return {0.05f, 0.45f, 0.50f};
    case T::Preprocessor:
    case T::Annotation: return {0.45f, 0.35f, 0.10f};
    case T::String:
    case T::Char:
    case T::SpecialString: return {0.10f, 0.45f, 0.15f};
    case T::Number:
    case T::Constant: return {0.70f, 0.30f, 0.05f};
    case T::Comment:
    case T::Documentation: return {0.45f, 0.47f, 0.50f};
    case T::Error:
    case T::Warning: return {0.80f, 0.10f, 0.10f};
    default: return {0.12f, 0.12f, 0.12f};
    }
}

struct Typesetter::Impl {
    GObjectPtr<PangoContext> context;
    FontTable& fonts;
    diag::Diagnostics& diags;

    Impl(PangoFontMap* map, FontTable& f, diag::Diagnostics& d) : fonts(f), diags(d) {
        pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
        context.reset(pango_font_map_create_context(map));
        pango_context_set_language(context.get(), pango_language_from_string("zh-hant"));
        pango_context_set_round_glyph_positions(context.get(), FALSE);
        pango_cairo_context_set_resolution(context.get(), 72.0);
        // Unhinted outlines and metrics: PDF positions are exact, not snapped to a pixel grid.
        std::unique_ptr<cairo_font_options_t, decltype(&cairo_font_options_destroy)> opts(
            cairo_font_options_create(), &cairo_font_options_destroy);
        cairo_font_options_set_hint_style(opts.get(), CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(opts.get(), CAIRO_HINT_METRICS_OFF);
        pango_cairo_context_set_font_options(context.get(), opts.get());
    }

    static std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> describe(const TextStyle& s) {
        std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> d(pango_font_description_new());
        pango_font_description_set_family(d.get(), s.family.c_str());
        pango_font_description_set_absolute_size(d.get(), s.size * PANGO_SCALE);
        pango_font_description_set_weight(d.get(), s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(d.get(), s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
        return d;
    }

    GObjectPtr<PangoLayout> makeLayout(const StyledText& st, const TextStyle& base, double width) {
        GObjectPtr<PangoLayout> layout(pango_layout_new(context.get()));
        pango_layout_set_text(layout.get(), st.text.data(), int(st.text.size()));
        auto baseDesc = describe(base);
        pango_layout_set_font_description(layout.get(), baseDesc.get());
        std::unique_ptr<PangoAttrList, AttrListDeleter> attrs(pango_attr_list_new());
        for (const Segment& seg : st.segments) {
            PangoAttribute* a;
            if (seg.gap) {
                double w = seg.style.size / 4;
                PangoRectangle r{0, int(-0.88 * seg.style.size * PANGO_SCALE), int(w * PANGO_SCALE),
                                 int(seg.style.size * PANGO_SCALE)};
                a = pango_attr_shape_new(&r, &r);
            } else {
                auto d = describe(seg.style);
                a = pango_attr_font_desc_new(d.get());
            }
            a->start_index = guint(seg.start);
            a->end_index = guint(seg.end);
            pango_attr_list_insert(attrs.get(), a);
        }
        pango_layout_set_attributes(layout.get(), attrs.get());
        if (width > 0) {
            pango_layout_set_width(layout.get(), int(width * PANGO_SCALE));
            pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        }
        return layout;
    }

    // In code blocks the position is refined to the code line (the fence is pos.line).
    void reportMissing(char32_t c, model::SourcePos pos, std::set<char32_t>& seen, bool codeLines, const char* txt,
                       int byte) {
        if (!seen.insert(c).second) return;
        if (codeLines && pos.line > 0) {
            pos.line += 1 + int(std::count(txt, txt + byte, '\n'));
            pos.col = 0;
        }
        char buf[64];
        char utf8[8] = {0};
        g_unichar_to_utf8(gunichar(c), utf8);
        std::snprintf(buf, sizeof buf, "no configured font has U+%04X '%s'", unsigned(c), utf8);
        diags.error(pos, buf);
    }

    std::vector<LineBox> extract(PangoLayout* layout, const StyledText& st, const TextStyle& base, double width,
                                 bool justify, ParagraphFormat::Align align, const model::SourcePos& pos,
                                 bool codeLines = false) {
        std::vector<LineBox> lines;
        const char* txt = pango_layout_get_text(layout);
        std::unique_ptr<PangoLayoutIter, LayoutIterDeleter> iter(pango_layout_get_iter(layout));
        std::vector<ClusterInfo> clusters;
        std::set<char32_t> missing;
        do {
            PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
            LineBox box;
            box.x = double(logical.x) / PANGO_SCALE;
            box.continuation = !line->is_paragraph_start;
            clusters.clear();
            for (GSList* l = line->runs; l; l = l->next) {
                auto* run = static_cast<PangoLayoutRun*>(l->data);
                int font = fonts.intern(run->item->analysis.font);
                PangoGlyphItemIter ci;
                for (gboolean more = pango_glyph_item_iter_init_start(&ci, run, txt); more;
                     more = pango_glyph_item_iter_next_cluster(&ci)) {
                    ClusterInfo c{run, font, ci.start_glyph, ci.end_glyph, ci.start_index, ci.end_index, 0, 0, true};
                    c.ch = g_utf8_get_char(txt + ci.start_index);
                    int lo = std::min(ci.start_glyph, ci.end_glyph), hi = std::max(ci.start_glyph, ci.end_glyph);
                    if (ci.start_glyph > ci.end_glyph) ++lo, ++hi;  // right-to-left cluster
                    c.startGlyph = lo, c.endGlyph = hi;
                    for (int g = lo; g < hi; ++g) {
                        const PangoGlyphInfo& gi = run->glyphs->glyphs[g];
                        c.width += double(gi.geometry.width) / PANGO_SCALE;
                        if (gi.glyph == PANGO_GLYPH_EMPTY || gi.glyph == PANGO_GLYPH_INVALID_INPUT) continue;
                        if (gi.glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
                            reportMissing(gi.glyph & ~PANGO_GLYPH_UNKNOWN_FLAG, pos, missing, codeLines, txt, ci.start_index);
                            continue;
                        }
                        c.empty = false;
                    }
                    if (st.segmentAt(size_t(c.startByte)).gap) c.empty = true;
                    clusters.push_back(c);
                }
            }
            // Slack goes to every gap next to a CJK character or a space (clreq), not only to spaces.
            double natural = 0;
            for (const ClusterInfo& c : clusters) natural += c.width;
            int lastVisible = int(clusters.size()) - 1;
            while (lastVisible >= 0 && (clusters[lastVisible].width <= 0 || clusters[lastVisible].ch == U' '))
                --lastVisible;
            // Extra space per gap: 0 none, 1 a gap inside CJK text, 2 a gap at a space or a Han/Latin boundary.
            std::vector<char> stretch(clusters.size(), 0);
            double perCjk = 0, perBoundary = 0;
            bool lastLine = pango_layout_iter_at_last_line(iter.get());
            bool hardBreak = line->length >= 3 &&
                             std::string_view(txt + line->start_index + line->length - 3, 3) == kLineSeparator;
            double available = width - box.x;
            if (justify && !lastLine && !hardBreak && lastVisible > 0 && width > 0) {
                int cjkGaps = 0, boundaryGaps = 0;
                for (int i = 0; i < lastVisible; ++i) {
                    const ClusterInfo &a = clusters[i], &b = clusters[i + 1];
                    bool boundary = a.ch == U' ' || b.ch == U' ' || (a.empty && a.width > 0) || (b.empty && b.width > 0);
                    bool cjk = isWideCjk(a.ch) || isWideCjk(b.ch);
                    stretch[i] = boundary ? 2 : cjk ? 1 : 0;
                    cjkGaps += stretch[i] == 1;
                    boundaryGaps += stretch[i] == 2;
                }
                // clreq spreads slack over every gap. Gaps between Han stay under a tenth of an em
                // so text extraction never sees a word space there; what is left goes to the
                // spaces and Han/Latin gaps.
                const double slack = available - natural, cjkCap = base.size * 0.09;
                const int gaps = cjkGaps + boundaryGaps;
                if (gaps > 0 && slack > 0) {
                    double even = slack / gaps;
                    if (even <= cjkCap) {
                        perCjk = perBoundary = even;
                    } else if (boundaryGaps == 0) {
                        perCjk = cjkCap;  // nearly full; the rest stays at the line end
                    } else {
                        // Wider holes than half an em around one word read worse than a short line.
                        perCjk = cjkCap;
                        perBoundary = std::min((slack - cjkCap * cjkGaps) / boundaryGaps, base.size * 0.5);
                    }
                }
            }
            double shift = 0;
            if (align != ParagraphFormat::Align::Left && width > 0) {
                double used = 0;
                for (int i = 0; i <= lastVisible; ++i) used += clusters[i].width;
                shift = align == ParagraphFormat::Align::Center ? (available - used) / 2 : available - used;
            }
            double pen = shift;
            std::map<int, std::pair<double, double>> linkSpans;
            double strikeFrom = -1, strikeTo = -1, strikeSize = 0;
            Color strikeColor;
            auto flushStrike = [&] {
                if (strikeFrom < 0) return;
                const double y = -strikeSize * 0.32;
                box.rules.push_back(strokedPath({{strikeFrom, y}, {strikeTo, y}}, strikeSize * 0.06, strikeColor));
                strikeFrom = -1;
            };
            GlyphRun* current = nullptr;
            double currentRise = 0;
            for (size_t i = 0; i < clusters.size(); ++i) {
                const ClusterInfo& c = clusters[i];
                const Segment& seg = st.segmentAt(size_t(c.startByte));
                if (seg.link >= 0) {
                    auto [it, fresh] = linkSpans.try_emplace(seg.link, pen, pen + c.width);
                    if (!fresh) it->second.second = pen + c.width;
                }
                if (seg.strike && !c.empty) {
                    if (strikeFrom < 0) strikeFrom = pen, strikeSize = seg.style.size, strikeColor = seg.style.color;
                    strikeTo = pen + c.width;
                } else if (!seg.strike) {
                    flushStrike();
                }
                if (!c.empty) {
                    if (!current || current->font != c.font || !(current->color == seg.style.color) ||
                        currentRise != seg.rise) {
                        box.runs.emplace_back();
                        current = &box.runs.back();
                        current->font = c.font;
                        current->color = seg.style.color;
                        current->x = pen;
                        current->y = seg.rise;
                        currentRise = seg.rise;
                    }
                    double gx = pen;
                    int n = 0;
                    for (int g = c.startGlyph; g < c.endGlyph; ++g) {
                        const PangoGlyphInfo& gi = c.run->glyphs->glyphs[g];
                        if (gi.glyph == PANGO_GLYPH_EMPTY || (gi.glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
                            gx += double(gi.geometry.width) / PANGO_SCALE;
                            continue;
                        }
                        current->glyphs.push_back({gi.glyph,
                                                   float(gx - current->x + double(gi.geometry.x_offset) / PANGO_SCALE),
                                                   float(double(gi.geometry.y_offset) / PANGO_SCALE)});
                        gx += double(gi.geometry.width) / PANGO_SCALE;
                        ++n;
                    }
                    if (n > 0) {
                        current->text.append(txt + c.startByte, size_t(c.endByte - c.startByte));
                        current->clusters.push_back({c.endByte - c.startByte, n});
                    }
                }
                pen += c.width;
                if (stretch[i] == 1) pen += perCjk;
                else if (stretch[i] == 2) pen += perBoundary;
            }
            flushStrike();
            box.width = pen;
            for (auto& [id, span] : linkSpans) {
                LinkArea a = st.links[size_t(id)];
                a.rect = {span.first, -base.size * 0.95, span.second - span.first, base.size * 1.25};
                box.links.push_back(a);
            }
            std::erase_if(box.runs, [](const GlyphRun& r) { return r.glyphs.empty(); });
            lines.push_back(std::move(box));
        } while (pango_layout_iter_next_line(iter.get()));
        return lines;
    }
};

Typesetter::Typesetter(PangoFontMap* fontMap, FontTable& fonts, diag::Diagnostics& diags)
    : impl_(std::make_unique<Impl>(fontMap, fonts, diags)) {}

Typesetter::~Typesetter() = default;

std::vector<LineBox> Typesetter::paragraph(const std::vector<model::Inline>& inlines, const ParagraphFormat& format,
                                           const model::SourcePos& pos) {
    StyledText st;
    walk(st, inlines, format.base, 0, -1, format, format.chapterId);
    if (st.text.empty()) return {};
    if (format.hanSpacing) st = spaceHanLatin(st, 0.25);
    auto layout = impl_->makeLayout(st, format.base, format.width);
    return impl_->extract(layout.get(), st, format.base, format.width, format.justify, format.align, pos);
}

std::vector<LineBox> Typesetter::text(const std::string& text, const ParagraphFormat& format,
                                      const model::SourcePos& pos) {
    model::Inline in;
    in.text = text;
    return paragraph({in}, format, pos);
}

std::vector<LineBox> Typesetter::code(const std::vector<model::CodeLine>& lines, const TextStyle& style, double width,
                                      double markWidth, const model::SourcePos& pos) {
    StyledText st;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) st.append("\n", style, 0, -1, true);
        for (const model::CodeToken& tok : lines[i]) {
            TextStyle s = style;
            s.color = tokenColor(tok.style);
            std::string text;
            text.reserve(tok.text.size());
            for (char ch : tok.text) {
                if (ch == '\t') text += "    ";
                else text += ch;
            }
            st.append(text, s, 0, -1, true);
        }
    }
    if (st.text.empty()) st.append(" ", style, 0, -1, true);
    auto layout = impl_->makeLayout(st, style, width);
    pango_layout_set_indent(layout.get(), -int(markWidth * PANGO_SCALE));
    return impl_->extract(layout.get(), st, style, width, false, ParagraphFormat::Align::Left, pos, true);
}

double Typesetter::measure(const std::string& text, const TextStyle& style) {
    ParagraphFormat f;
    f.base = style;
    f.width = 0;
    f.justify = false;
    auto lines = this->text(text, f);
    double w = 0;
    for (auto& l : lines) w = std::max(w, l.width);
    return w;
}

}  // namespace layout
