// Benchmark: the PDF backend against the floor (bare Pango + Cairo setting the same text as plain paragraphs).
// Usage: pdf_bench [--content DIR] [--path D] [--scale N]   (N copies of the book's chapters, e.g. 3 for ~1 MB)
// Build: tools/build_pdf_bench.sh (links against a CMake build's libexporter_core.a).
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include "fonts/FontMap.h"
#include "layout/Style.h"
#include "pdf/PdfWriter.h"
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

double floorSeconds(const model::Book& book, const layout::Style& st) {
    auto t0 = std::chrono::steady_clock::now();
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
    std::fprintf(stderr, "floor: %d pages\n", pages);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::string content = "content", pathId = "D";
    int scale = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--content") content = argv[i + 1];
        else if (a == "--path") pathId = argv[i + 1];
        else if (a == "--scale") scale = std::stoi(argv[i + 1]);
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
    const size_t n = book.chapters.size();
    size_t bytes = 0;
    for (int copy = 1; copy < scale; ++copy)
        for (size_t i = 0; i < n; ++i) {
            model::Chapter c = book.chapters[i];
            c.id += "-copy" + std::to_string(copy);  // links still point at the first copy
            book.chapters.push_back(std::move(c));
        }
    for (const auto& c : book.chapters) {
        std::vector<std::string> paras;
        paragraphs(c.blocks, paras);
        for (auto& p : paras) bytes += p.size();
    }
    std::fprintf(stderr, "book: %zu chapters, %.2f MB of text\n", book.chapters.size(), bytes / 1e6);
    double floor = floorSeconds(book, *layout::styleForPaper("A4"));
    auto t0 = std::chrono::steady_clock::now();
    diag::Diagnostics pdfDiags;
    pdf::writePdf(book, {}, pdfDiags, "/tmp/pdf_bench.pdf");
    double ours = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("floor %.2f s, pdf backend %.2f s, ratio %.2f\n", floor, ours, ours / floor);
    return 0;
}
