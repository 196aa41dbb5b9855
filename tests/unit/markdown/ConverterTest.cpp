// Transformer: CJK line breaks, heading ids, GFM, raw HTML, code, images.
#include <catch2/catch.hpp>

#include "../TestTree.h"
#include "markdown/MarkdownConverter.h"

using testing::TestTree;

namespace {

markdown::ConvertedPage convert(const std::string& body, diag::Diagnostics& d, const std::string& dir = "/tmp") {
    collect::Page page;
    page.file = "content/p.md";
    page.dir = dir;
    page.url = "/p/";
    page.title = "標題";
    page.body = body;
    page.bodyLine = 5;
    return markdown::convertPage(page, dir, d);
}

std::string text(const std::vector<model::Inline>& inlines) {
    std::string s;
    for (auto& in : inlines) {
        if (in.kind == model::Inline::Kind::Text || in.kind == model::Inline::Kind::Code) s += in.text;
        s += text(in.children);
    }
    return s;
}

}  // namespace

TEST_CASE("a soft break between two CJK characters vanishes", "[markdown]") {
    diag::Diagnostics d;
    auto p = convert("第一行的結尾\n第二行開頭，\n接著 English\nwords and\n中文。\n", d);
    REQUIRE(p.chapter.blocks.size() == 1);
    CHECK(text(p.chapter.blocks[0].inlines) == "第一行的結尾第二行開頭，接著 English words and 中文。");
}

TEST_CASE("soft breaks around inline markup look through to the characters", "[markdown]") {
    diag::Diagnostics d;
    auto p = convert("這是**粗體**\n文字與 `code`\n後續\n", d);
    CHECK(text(p.chapter.blocks[0].inlines) == "這是粗體文字與 code 後續");
}

TEST_CASE("heading ids follow Hugo's github style", "[markdown]") {
    CHECK(markdown::headingId("原理層：為什麼需要事件迴圈") == "原理層為什麼需要事件迴圈");
    CHECK(markdown::headingId("Hello World!") == "hello-world");
    CHECK(markdown::headingId("C10k 問題：一條連線") == "c10k-問題一條連線");
    CHECK(markdown::headingId("snake_case and-dash") == "snake_case-and-dash");
    CHECK(markdown::headingId("!!!") == "heading");
    diag::Diagnostics d;
    auto p = convert("## 重點\n\n## 重點\n\n## 重點\n\n## 自訂 {#custom}\n", d);
    std::vector<std::string> ids;
    for (auto& b : p.chapter.blocks) ids.push_back(b.id);
    CHECK(ids == std::vector<std::string>{"重點", "重點-1", "重點-2", "custom"});
    CHECK(text(p.chapter.blocks[3].inlines) == "自訂");
}

TEST_CASE("a leading h1 repeating the title is not shown twice", "[markdown]") {
    diag::Diagnostics d;
    auto p = convert("# 標題\n\n內文\n", d);
    REQUIRE(p.chapter.blocks.size() == 2);
    CHECK(p.chapter.blocks[0].kind == model::Block::Kind::Anchor);
    CHECK(p.chapter.blocks[0].id == "標題");
}

TEST_CASE("GFM tables, strikethrough, task lists, autolinks and footnotes", "[markdown]") {
    diag::Diagnostics d;
    auto p = convert("| 名稱 | 值 |\n|:---|---:|\n| 甲 | 1 |\n\n~~刪除~~\n\n- [x] 完成\n- [ ] 未完\n\n"
                     "見 https://docs.python.org/3/ 。\n\n正文[^n]。\n\n[^n]: 註解內容。\n",
                     d);
    auto& b = p.chapter.blocks;
    REQUIRE(b.size() == 5);  // the footnote definition is not a block of the text
    CHECK(b[0].kind == model::Block::Kind::Table);
    CHECK(b[0].headerRows == 1);
    CHECK(b[0].aligns == std::vector<model::Align>{model::Align::Left, model::Align::Right});
    CHECK(b[0].rows.size() == 2);
    CHECK(b[1].inlines[0].kind == model::Inline::Kind::Strike);
    REQUIRE(b[2].children.size() == 2);
    CHECK(b[2].children[0].task == 2);
    CHECK(b[2].children[1].task == 1);
    bool autolink = false;
    for (auto& in : b[3].inlines) autolink = autolink || in.kind == model::Inline::Kind::Link;
    CHECK(autolink);
    REQUIRE(p.chapter.footnotes.size() == 1);
    CHECK(p.chapter.footnotes[0].id == "fn-1");
}

TEST_CASE("code blocks are highlighted and info strings understood", "[markdown]") {
    diag::Diagnostics d;
    auto p = convert("```python {norun}\ndef f():\n    return 1  # 註解\n```\n\n```rust,ignore\nfn main() {}\n```\n\n"
                     "```python title=\"app.py\"\nx = 1\n```\n",
                     d);
    auto& b = p.chapter.blocks;
    REQUIRE(b.size() == 3);
    CHECK(b[0].lang == "python");
    REQUIRE(b[0].lines.size() == 2);
    bool keyword = false, comment = false;
    for (auto& line : b[0].lines)
        for (auto& t : line) {
            keyword = keyword || (t.style == model::TokenStyle::Keyword && t.text == "def");
            comment = comment || (t.style == model::TokenStyle::Comment && t.text.find("註解") != std::string::npos);
        }
    CHECK(keyword);
    CHECK(comment);
    std::string joined;
    for (auto& t : b[0].lines[1]) joined += t.text;
    CHECK(joined == "    return 1  # 註解");
    CHECK(b[1].lang == "rust");
    CHECK(b[2].title == "app.py");
}

TEST_CASE("hostile raw HTML never passes", "[markdown]") {
    diag::Diagnostics d;
    auto p = convert("<script>alert(1)</script>\n\n"
                     "段落 <span onclick=\"x()\">文字</span> 與 <a href=\"javascript:alert(1)\">連結</a>。\n\n"
                     "[壞連結](javascript:alert(2))\n\n<!-- 註解 -- 內含 -->\n\n<iframe src=\"https://x\"></iframe>\n",
                     d);
    std::string all;
    for (auto& b : p.chapter.blocks) all += text(b.inlines) + "\n";
    CHECK(all.find("alert") == std::string::npos);
    CHECK(all.find("段落 文字 與 連結。") != std::string::npos);
    CHECK(all.find("壞連結") != std::string::npos);
    for (auto& b : p.chapter.blocks)
        for (auto& in : b.inlines) CHECK(in.kind != model::Inline::Kind::Link);
    std::string out = testing::printed(d);
    CHECK(out.find("content/p.md:5:1: warning: raw HTML <script> dropped") != std::string::npos);
    CHECK(out.find("iframe") != std::string::npos);
    CHECK(out.find("javascript:") != std::string::npos);
}

TEST_CASE("inline HTML that the model can say is kept", "[markdown]") {
    diag::Diagnostics d;
    auto p = convert("H<sub>2</sub>O 與 x<sup>2</sup><br>換行 <a id=\"here\"></a>錨點\n", d);
    auto& b = p.chapter.blocks;
    REQUIRE_FALSE(b.empty());
    CHECK(b[0].kind == model::Block::Kind::Anchor);
    CHECK(b[0].id == "here");
    auto& ins = b.back().inlines;
    bool sub = false, sup = false, br = false;
    for (auto& in : ins) {
        sub = sub || in.kind == model::Inline::Kind::Subscript;
        sup = sup || in.kind == model::Inline::Kind::Superscript;
        br = br || in.kind == model::Inline::Kind::LineBreak;
    }
    CHECK(sub);
    CHECK(sup);
    CHECK(br);
    CHECK(p.ids.count("here"));
}

TEST_CASE("images come from the page bundle; missing or escaping ones are errors", "[markdown]") {
    TestTree tree(std::map<std::string, std::string>{{"content/p/pic.png", "\x89PNG\r\n\x1a\n"}, {"secret.png", "x"}});
    diag::Diagnostics d;
    auto p = convert("![圖一](pic.png \"說明\")\n\n![缺](missing.png)\n\n![外](../../secret.png)\n", d,
                     tree.content() + "/p");
    REQUIRE(!p.chapter.blocks.empty());
    CHECK(p.chapter.blocks[0].kind == model::Block::Kind::Figure);
    REQUIRE(p.chapter.assets.size() == 1);
    CHECK(p.chapter.assets[0].mediaType == "image/png");
    std::string out = testing::printed(d);
    CHECK(out.find("content/p.md:7:1: error: image 'missing.png' not found") != std::string::npos);
    CHECK(out.find("content/p.md:9:1: error: image '../../secret.png' is outside the content tree") != std::string::npos);
}

TEST_CASE("Hugo shortcodes: figure, highlight, ref; unknown ones warn", "[markdown]") {
    TestTree tree(std::map<std::string, std::string>{{"content/p/a.png", "\x89PNG\r\n\x1a\n"}});
    diag::Diagnostics d;
    auto p = convert("{{< figure src=\"a.png\" caption=\"圖說\" >}}\n\n{{< highlight python >}}\nx = 1\n{{< /highlight >}}\n\n"
                     "{{< youtube abc >}}\n",
                     d, tree.content() + "/p");
    auto& b = p.chapter.blocks;
    REQUIRE(b.size() >= 2);
    CHECK(b[0].kind == model::Block::Kind::Figure);
    CHECK(text(b[0].caption) == "圖說");
    CHECK(b[1].kind == model::Block::Kind::CodeBlock);
    CHECK(b[1].code == "x = 1\n");
    CHECK(testing::printed(d).find("content/p.md:11:1: warning: unknown Hugo shortcode 'youtube'") != std::string::npos);
}
