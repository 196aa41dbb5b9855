// Page breaking on fixture flows: widows/orphans, keep-with-next, code blocks, repeated table headers.
#include <catch2/catch.hpp>

#include <map>

#include "LayoutFixture.h"

using layout::Flow;
using layout::FlowBox;
using testing::LayoutFixture;

namespace {

FlowBox box(double h, bool keep = false) {
    FlowBox b;
    b.height = h;
    b.keepWithNext = keep;
    return b;
}

FlowBox glue(double h) {
    FlowBox b;
    b.glue = true;
    b.height = h;
    return b;
}

// Adds an n-line paragraph through FlowBuilder::textLines (the real keep rules).
void paragraph(layout::FlowBuilder& fb, int n) {
    std::vector<layout::LineBox> lines(static_cast<size_t>(n));
    fb.textLines(lines, 0, 10, 10, false);
    fb.glue(5);
}

std::vector<int> pageOf(const Flow& flow, const std::vector<layout::PagePlan>& pages) {
    std::vector<int> page(flow.boxes.size(), -1);
    for (size_t p = 0; p < pages.size(); ++p)
        for (const auto& pb : pages[p]) page[size_t(pb.box)] = int(p);
    return page;
}

}  // namespace

TEST_CASE("No single line of a paragraph is left at a page bottom or top", "[layout][pages]") {
    LayoutFixture fx;
    layout::FlowBuilder fb(fx.ts, fx.style, fx.diags);
    for (int n : {5, 2, 3, 7, 4, 6, 1, 8, 3})  // many page-height offsets
        paragraph(fb, n);
    Flow flow = fb.take();
    for (double height : {45.0, 55.0, 65.0, 75.0, 95.0, 125.0}) {  // at least four lines a page
        auto pages = layout::breakPages(flow, height);
        auto page = pageOf(flow, pages);
        // Walk each paragraph (runs of non-glue boxes) and count lines per page.
        size_t i = 0;
        while (i < flow.boxes.size()) {
            if (flow.boxes[i].glue) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < flow.boxes.size() && !flow.boxes[j].glue) ++j;
            std::map<int, int> perPage;
            for (size_t k = i; k < j; ++k) perPage[page[k]]++;
            // Orphan: the part on the first page; widow: the part on the last one.
            if (j - i >= 2) {
                CHECK(perPage.begin()->second >= 2);
                CHECK(perPage.rbegin()->second >= 2);
            }
            i = j;
        }
        for (const auto& plan : pages) REQUIRE_FALSE(plan.empty());
    }
}

TEST_CASE("A heading is kept with what follows; glue is dropped at a page top", "[layout][pages]") {
    Flow flow;
    flow.boxes = {box(10), box(10), box(10), glue(8), box(12, true), glue(3), box(10, true), box(10)};
    auto pages = layout::breakPages(flow, 45);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].size() == 3);
    REQUIRE(pages[1].size() == 3);
    CHECK(pages[1][0].box == 4);           // the heading moved over with its paragraph
    CHECK(pages[1][0].y == Approx(0));     // glue before it vanished at the page top
    CHECK(pages[1][1].y == Approx(15));    // glue inside the page is kept
}

TEST_CASE("Short code blocks are not split; long ones are, and a wrapped line stays whole", "[layout][code]") {
    LayoutFixture fx;
    layout::FlowBuilder fb(fx.ts, fx.style, fx.diags);
    model::Block para;
    para.inlines = {testing::textInline("前文")};
    model::Block shortCode;
    shortCode.kind = model::Block::Kind::CodeBlock;
    for (int i = 0; i < 8; ++i) shortCode.code += "print(" + std::to_string(i) + ")\n";
    for (int i = 0; i < 30; ++i) fb.block(para, 0, 400);
    fb.block(shortCode, 0, 400);
    Flow flow = fb.take();
    const double height = fx.style.contentHeight();
    auto pages = layout::breakPages(flow, height);
    auto page = pageOf(flow, pages);
    int codePage = -1;
    for (size_t i = 0; i < flow.boxes.size(); ++i)
        if (!flow.boxes[i].decorations.empty()) {
            if (codePage < 0) codePage = page[i];
            CHECK(page[i] == codePage);
        }
    CHECK(codePage >= 0);

    model::Block longCode;
    longCode.kind = model::Block::Kind::CodeBlock;
    for (int i = 0; i < 120; ++i)
        longCode.code += (i % 10 == 3 ? "x = '" + std::string(150, 'y') + "'" : "pass  # line " + std::to_string(i)) + "\n";
    fb.block(longCode, 0, 400);
    flow = fb.take();
    pages = layout::breakPages(flow, height);
    CHECK(pages.size() >= 2);
    page = pageOf(flow, pages);
    bool sawContinuation = false;
    for (size_t i = 1; i < flow.boxes.size(); ++i) {
        bool continuation = false;
        for (auto& item : flow.boxes[i].items)
            if (std::holds_alternative<layout::StrokedPath>(item)) continuation = true;  // the ↪ mark
        if (continuation) {
            sawContinuation = true;
            size_t prev = i - 1;
            CHECK(page[prev] == page[i]);
        }
    }
    CHECK(sawContinuation);
}

TEST_CASE("Table header rows repeat on every page the table continues on", "[layout][table]") {
    LayoutFixture fx;
    layout::FlowBuilder fb(fx.ts, fx.style, fx.diags);
    model::Block table;
    table.kind = model::Block::Kind::Table;
    table.headerRows = 1;
    auto row = [](std::string a, std::string b) {
        model::TableRow r;
        r.cells.push_back({{testing::textInline(std::move(a))}});
        r.cells.push_back({{testing::textInline(std::move(b))}});
        return r;
    };
    table.rows.push_back(row("方式", "適用情境"));
    for (int i = 0; i < 60; ++i)
        table.rows.push_back(row("asyncio " + std::to_string(i), "大量網路 I/O、WebSocket、爬蟲；單執行緒即可處理上千連線"));
    fb.block(table, 0, 300);
    Flow flow = fb.take();
    REQUIRE(flow.tableHeaders.size() == 1);
    REQUIRE(flow.tableHeaders[0].size() == 1);
    const int header = flow.tableHeaders[0][0];
    auto pages = layout::breakPages(flow, 200);
    REQUIRE(pages.size() >= 3);
    for (const auto& plan : pages) {
        REQUIRE_FALSE(plan.empty());
        CHECK(plan[0].box == header);
        CHECK(plan[0].y == Approx(0));
    }
    // Every body row is placed exactly once.
    std::map<int, int> placed;
    for (const auto& plan : pages)
        for (const auto& pb : plan) placed[pb.box]++;
    for (auto [b, n] : placed)
        if (b != header) CHECK(n == 1);
}
