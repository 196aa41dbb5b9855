// The floor of the PDF benchmark: bare Pango + Cairo setting the same text as
// plain paragraphs (no structure, one thread, no highlighting or links).
// Usage: bench_floor --content DIR [--path D]   (the PDF is discarded)
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "fonts/FontMap.h"
#include "layout/Style.h"
#include "pipeline/Project.h"

namespace {

void plain(const std::vector<model::Inline>& in, std::string& out) {
    for (const auto& i : in) {
        out += i.text;
        plain(i.children, out);
    }
}

// Every block's text as one plain paragraph (code and tables included), in reading order.
void paragraphs(const std::vector<model::Block>& blocks, std::vector<std::string>& out) {
    for (const auto& b : blocks) {
        std::string s;
        plain(b.inlines, s);
        if (b.kind == model::Block::Kind::CodeBlock) s = b.code;
        for (const auto& r : b.rows)
            for (const auto& c : r.cells) plain(c.inlines, s), s += ' ';
        if (!s.empty()) out.push_back(std::move(s));
        paragraphs(b.children, out);
    }
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

int layOutFloor(const model::Book& book, const layout::Style& st) {
    auto map = fonts::createFontMap(fonts::dataDir());
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map.get()), 72);
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(discard, nullptr, st.pageWidth, st.pageHeight);
    cairo_t* cr = cairo_create(surface);
    PangoContext* ctx = pango_font_map_create_context(map.get());
    pango_context_set_language(ctx, pango_language_from_string("zh-hant"));
    PangoFontDescription* desc = pango_font_description_from_string("Noto Serif CJK TC 10.5");
    double y = st.marginTop;
    int pages = 1;
    for (const auto& ch : book.chapters) {
        std::vector<std::string> paras;
        paragraphs(ch.blocks, paras);
        for (const auto& p : paras) {
            PangoLayout* l = pango_layout_new(ctx);
            pango_layout_set_font_description(l, desc);
            pango_layout_set_width(l, int(st.contentWidth() * PANGO_SCALE));
            pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
            pango_layout_set_justify(l, TRUE);
            pango_layout_set_text(l, p.data(), int(p.size()));
            int w, h;
            pango_layout_get_size(l, &w, &h);
            if (y + h / double(PANGO_SCALE) > st.pageHeight - st.marginBottom) {
                cairo_show_page(cr);
                y = st.marginTop;
                ++pages;
            }
            cairo_move_to(cr, st.marginInner, y);
            pango_cairo_show_layout(cr, l);
            y += h / double(PANGO_SCALE) + 6;
            g_object_unref(l);
        }
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    pango_font_description_free(desc);
    g_object_unref(ctx);
    return pages;
}

}  // namespace

int main(int argc, char** argv) {
    std::string content = "content", pathId = "D";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--content") content = argv[i + 1];
        else if (a == "--path") pathId = argv[i + 1];
    }
    diag::Diagnostics diags;
    pipeline::ProjectOptions po;
    po.contentDir = content;
    auto project = pipeline::loadProject(po, diags);
    const auto* path = pipeline::findPath(project, pathId);
    if (!path) {
        diags.print(std::cerr);
        return 2;
    }
    model::Book book = pipeline::makeBook(project, *path, {}, diags);
    int pages = layOutFloor(book, *layout::styleForPaper("A4"));
    std::fprintf(stderr, "floor: %d pages\n", pages);
    return 0;
}
