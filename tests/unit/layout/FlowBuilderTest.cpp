// Blocks to flow boxes: list nesting, image problems reported with file:line, anchors, keep rules of headings.
#include <catch2/catch.hpp>

#include "LayoutFixture.h"

using testing::LayoutFixture;

namespace {

model::Block paragraph(const std::string& text) {
    model::Block b;
    b.inlines = {testing::textInline(text)};
    return b;
}

double firstGlyphX(const layout::FlowBox& box) {
    double x = 1e9;
    for (const auto& item : box.items)
        if (auto* r = std::get_if<layout::GlyphRun>(&item)) x = std::min(x, r->x + r->glyphs[0].x);
    return x;
}

}  // namespace

TEST_CASE("Nested list items are indented one step per level, markers in the gutter", "[layout][list]") {
    LayoutFixture fx;
    layout::FlowBuilder fb(fx.ts, fx.style, fx.diags);
    model::Block inner;
    inner.kind = model::Block::Kind::List;
    inner.ordered = true;
    model::Block innerItem;
    innerItem.kind = model::Block::Kind::ListItem;
    innerItem.children = {paragraph("內層")};
    inner.children = {innerItem};
    model::Block outer;
    outer.kind = model::Block::Kind::List;
    model::Block outerItem;
    outerItem.kind = model::Block::Kind::ListItem;
    outerItem.children = {paragraph("外層"), inner};
    outer.children = {outerItem};
    fb.block(outer, 0, 400);
    auto flow = fb.take();
    std::vector<const layout::FlowBox*> lines;
    for (const auto& b : flow.boxes)
        if (!b.glue) lines.push_back(&b);
    REQUIRE(lines.size() == 2);
    const double indent = fx.style.listIndent * fx.style.bodySize;
    // Each line holds its marker (left of the indent) and its text (at the indent).
    for (size_t level = 0; level < 2; ++level) {
        std::vector<double> xs;
        for (const auto& item : lines[level]->items)
            if (auto* r = std::get_if<layout::GlyphRun>(&item)) xs.push_back(r->x);
        REQUIRE(xs.size() >= 2);
        CHECK(*std::min_element(xs.begin(), xs.end()) < indent * double(level + 1));
        CHECK(*std::max_element(xs.begin(), xs.end()) == Approx(indent * double(level + 1)).margin(0.01));
    }
    CHECK(firstGlyphX(*lines[1]) > firstGlyphX(*lines[0]));
}

TEST_CASE("A figure whose image is missing is an error at its file and line", "[layout][image]") {
    LayoutFixture fx;
    layout::FlowBuilder fb(fx.ts, fx.style, fx.diags);
    model::Chapter ch;
    ch.id = "c";
    ch.title = "圖";
    ch.sourceFile = "content/c/index.md";
    model::Block fig;
    fig.kind = model::Block::Kind::Figure;
    fig.pos = {"content/c/index.md", 7, 1};
    model::Inline img;
    img.kind = model::Inline::Kind::Image;
    img.src = "images/nothing.png";
    fig.inlines = {img};
    ch.assets.push_back({"/nonexistent/nothing.png", "images/nothing.png", "image/png"});
    ch.blocks = {fig};
    fb.chapter(ch);
    auto entries = fx.diags.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].pos.file == "content/c/index.md");
    CHECK(entries[0].pos.line == 7);
}

TEST_CASE("Headings carry their anchor, enter the outline at level 2, and keep with the next line",
          "[layout][heading]") {
    LayoutFixture fx;
    layout::FlowBuilder fb(fx.ts, fx.style, fx.diags);
    model::Chapter ch;
    ch.id = "ch";
    ch.title = "章";
    model::Block h;
    h.kind = model::Block::Kind::Heading;
    h.level = 2;
    h.id = "小節";
    h.inlines = {testing::textInline("小節")};
    ch.blocks = {h, paragraph("內文")};
    auto flow = fb.chapter(ch);
    const layout::FlowBox* head = nullptr;
    for (const auto& b : flow.boxes)
        if (!b.anchors.empty() && b.anchors[0].key == "ch#小節") head = &b;
    REQUIRE(head);
    CHECK(head->outlineTitle == "小節");
    CHECK(head->keepWithNext);
}
