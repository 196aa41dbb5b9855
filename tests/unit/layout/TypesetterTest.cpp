// Line breaking and spacing on fixture text: Han/Latin gaps, clreq justification, missing glyphs, code wrapping.
#include <catch2/catch.hpp>

#include <glib.h>

#include <cmath>

#include "LayoutFixture.h"

using testing::LayoutFixture;

namespace {

// Advance between the starts of two neighbouring characters `a` then `b` on a line.
double gapBetween(const layout::LineBox& line, const std::string& a, const std::string& b) {
    auto chars = testing::placedChars(line);
    for (size_t i = 0; i + 1 < chars.size(); ++i)
        if (chars[i].text == a && chars[i + 1].text == b) return chars[i + 1].x - chars[i].x;
    return -1;
}

}  // namespace

TEST_CASE("Han next to Latin gets a quarter em; a typed space becomes the same gap", "[layout][spacing]") {
    LayoutFixture fx;
    auto f = fx.body(0);
    f.justify = false;
    const double em = f.base.size;
    auto tight = fx.ts.text("使用Python語言", f);
    auto spaced = fx.ts.text("使用 Python 語言", f);
    REQUIRE(tight.size() == 1);
    REQUIRE(spaced.size() == 1);
    // 用 is one em wide; the gap adds a quarter em before P.
    CHECK(gapBetween(tight[0], "用", "P") == Approx(em * 1.25).margin(0.05));
    CHECK(gapBetween(tight[0], "n", "語") > 0);
    CHECK(tight[0].width == Approx(spaced[0].width).margin(0.05));
    // The gap is not a character: extraction gives back the source text.
    CHECK(testing::lineText(tight[0]) == "使用Python語言");
    CHECK(testing::lineText(spaced[0]) == "使用Python語言");
    // No gap between two Han characters.
    CHECK(gapBetween(tight[0], "使", "用") == Approx(em).margin(0.01));
}

TEST_CASE("No Han/Latin gap at line edges", "[layout][spacing]") {
    LayoutFixture fx;
    auto f = fx.body(fx.style.bodySize * 10);  // ten Han per line
    std::string text = "一二三四五六七八九十Python一二三四五六七八九十";
    auto lines = fx.ts.text(text, f);
    REQUIRE(lines.size() >= 2);
    for (const auto& line : lines) {
        auto chars = testing::placedChars(line);
        REQUIRE_FALSE(chars.empty());
        CHECK(chars.front().x == Approx(0).margin(0.01));
    }
}

TEST_CASE("Justified lines fill the measure; gaps between Han stay below a tenth of an em", "[layout][justify]") {
    LayoutFixture fx;
    const double width = 300;
    auto f = fx.body(width);
    std::string text;
    for (int i = 0; i < 6; ++i) text += "事件迴圈一次只執行一個coroutine，遇到await時切換到其他已就緒的工作。";
    auto lines = fx.ts.text(text, f);
    REQUIRE(lines.size() >= 4);
    for (size_t k = 0; k + 1 < lines.size(); ++k) {
        CHECK(lines[k].width == Approx(width).margin(0.6));
        auto chars = testing::placedChars(lines[k]);
        for (size_t i = 0; i + 1 < chars.size(); ++i) {
            gunichar a = g_utf8_get_char(chars[i].text.c_str()), b = g_utf8_get_char(chars[i + 1].text.c_str());
            if (layout::isHan(a) && layout::isHan(b))
                CHECK(chars[i + 1].x - chars[i].x - f.base.size < f.base.size * 0.1);
        }
    }
    CHECK(lines.back().width < width);  // the last line is not stretched
}

TEST_CASE("Pango's prohibition rules: no closing punctuation at a line start", "[layout][breaking]") {
    LayoutFixture fx;
    auto f = fx.body(fx.style.bodySize * 8);
    auto lines = fx.ts.text("一二三四五六七八，「九十」一二三四五六七。一二三四五六七八）九十", f);
    for (const auto& line : lines) {
        std::string t = testing::lineText(line);
        REQUIRE_FALSE(t.empty());
        CHECK(t.rfind("，", 0) != 0);
        CHECK(t.rfind("。", 0) != 0);
        CHECK(t.rfind("）", 0) != 0);
        CHECK(t.rfind("」", 0) != 0);
        CHECK((t.size() < 3 || t.substr(t.size() - 3) != "「"));
    }
}

TEST_CASE("A character no font has is an error at the block's file and line", "[layout][fonts]") {
    LayoutFixture fx;
    model::SourcePos pos{"content/x/index.md", 42, 1};
    fx.ts.text("文字\U0010FFFD文字", fx.body(200), pos);
    auto entries = fx.diags.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].severity == diag::Severity::Error);
    CHECK(entries[0].pos.file == "content/x/index.md");
    CHECK(entries[0].pos.line == 42);
    CHECK(entries[0].message.find("U+10FFFD") != std::string::npos);
}

TEST_CASE("Code lines wrap with a hanging continuation and report the code line of a missing glyph",
          "[layout][code]") {
    LayoutFixture fx;
    layout::TextStyle cs{fx.style.codeFamily, 9, false, false, {}};
    std::vector<model::CodeLine> code = {
        {{model::TokenStyle::Keyword, "def"}, {model::TokenStyle::Normal, " f():"}},
        {{model::TokenStyle::Normal, "    return " + std::string(120, 'x')}},
        {{model::TokenStyle::Comment, "# \U0010FFFD"}},
    };
    auto lines = fx.ts.code(code, cs, 250, 12, {"content/a.md", 10, 1});
    REQUIRE(lines.size() >= 4);
    CHECK_FALSE(lines[0].continuation);
    CHECK_FALSE(lines[1].continuation);
    CHECK(lines[2].continuation);
    CHECK(lines[2].x == Approx(12));
    for (const auto& l : lines) CHECK(l.x + l.width <= 250.5);
    auto entries = fx.diags.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].pos.line == 13);  // fence on 10, third code line on 13
    // Highlighting colours come through as separate runs.
    REQUIRE(lines[0].runs.size() >= 2);
    CHECK(lines[0].runs[0].color == layout::tokenColor(model::TokenStyle::Keyword));
}

TEST_CASE("Links become areas on each line they cover", "[layout][links]") {
    LayoutFixture fx;
    model::Inline link;
    link.kind = model::Inline::Kind::Link;
    link.target.kind = model::LinkTarget::Kind::External;
    link.target.url = "https://example.org/";
    link.children = {testing::textInline("官方文件")};
    auto f = fx.body(400);
    auto lines = fx.ts.paragraph({testing::textInline("請見"), link, testing::textInline("。")}, f, {});
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].links.size() == 1);
    CHECK(lines[0].links[0].url == "https://example.org/");
    CHECK(lines[0].links[0].rect.x == Approx(f.base.size * 2).margin(0.5));
    CHECK(lines[0].links[0].rect.w == Approx(f.base.size * 4).margin(0.5));
}

TEST_CASE("A Han/Latin gap at a line end takes no room", "[layout][spacing]") {
    LayoutFixture fx;
    auto f = fx.body(fx.style.bodySize * 9.6);
    f.justify = false;
    auto lines = fx.ts.text("一二三四五六七八九Python一二三", f);
    REQUIRE(lines.size() == 2);
    CHECK(testing::lineText(lines[0]) == "一二三四五六七八九");
    CHECK(lines[0].width == Approx(fx.style.bodySize * 9).margin(0.05));
    CHECK(testing::placedChars(lines[1]).front().x == Approx(0).margin(0.01));
}

TEST_CASE("Hard line breaks end a line without stretching it; strike-through draws a rule", "[layout][breaking]") {
    LayoutFixture fx;
    model::Inline br;
    br.kind = model::Inline::Kind::LineBreak;
    model::Inline strike;
    strike.kind = model::Inline::Kind::Strike;
    strike.children = {testing::textInline("舊的寫法")};
    auto lines = fx.ts.paragraph({testing::textInline("第一行"), br, strike, testing::textInline("第二行")},
                                 fx.body(300), {});
    REQUIRE(lines.size() == 2);
    CHECK(testing::lineText(lines[0]) == "第一行");
    CHECK(lines[0].width < 100);
    REQUIRE(lines[1].rules.size() == 1);
    CHECK(lines[1].rules[0].points[1].x - lines[1].rules[0].points[0].x == Approx(fx.style.bodySize * 4).margin(0.1));
}
