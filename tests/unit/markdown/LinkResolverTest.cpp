// Links resolved as Hugo publishes pages: in-book, other paths, outside the tree, broken.
#include <catch2/catch.hpp>

#include "../TestTree.h"
#include "markdown/LinkResolver.h"
#include "pipeline/Project.h"

using testing::TestTree;

namespace {

std::vector<model::LinkTarget> targets(const model::Chapter& ch) {
    std::vector<model::LinkTarget> out;
    std::function<void(const std::vector<model::Inline>&)> walk = [&](const std::vector<model::Inline>& ins) {
        for (auto& in : ins) {
            if (in.kind == model::Inline::Kind::Link) out.push_back(in.target);
            walk(in.children);
        }
    };
    for (auto& b : ch.blocks) walk(b.inlines);
    return out;
}

const model::Chapter& chapter(const model::Book& b, const std::string& url) {
    for (auto& c : b.chapters)
        if (c.url == url) return c;
    throw std::runtime_error("no chapter " + url);
}

}  // namespace

TEST_CASE("site paths resolve against the page URL", "[links]") {
    CHECK(markdown::resolveSitePath("/a/b/", "../c/") == "/a/c/");
    CHECK(markdown::resolveSitePath("/a/b/", "../../x/y/") == "/x/y/");
    CHECK(markdown::resolveSitePath("/", "01-asyncio/") == "/01-asyncio/");
    CHECK(markdown::resolveSitePath("/", "../python/") == "");
    CHECK(markdown::resolveSitePath("/a/b/", "/abs/") == "/abs/");
}

TEST_CASE("links inside the book become internal links with anchors", "[links]") {
    TestTree tree(testing::smallSeries());
    diag::Diagnostics d;
    auto project = pipeline::loadProject({tree.content()}, d);
    auto book = pipeline::makeBook(project, project.index.paths[1], {}, d);
    INFO(testing::printed(d));
    CHECK_FALSE(d.hasErrors());
    auto t = targets(chapter(book, "/b/one/"));
    REQUIRE(t.size() == 1);
    CHECK(t[0].kind == model::LinkTarget::Kind::Internal);
    CHECK(t[0].chapterId == "ch-a-one");
    CHECK(t[0].anchor == "原理層");
}

TEST_CASE("links to pages outside the path use the base URL, or stay text with a warning", "[links]") {
    TestTree tree(testing::smallSeries());
    diag::Diagnostics d;
    auto project = pipeline::loadProject({tree.content()}, d);
    pipeline::BookOptions withBase;
    withBase.baseUrl = "https://example.org/series/";
    auto book = pipeline::makeBook(project, project.index.paths[0], withBase, d);
    auto t = targets(chapter(book, "/a/one/"));
    REQUIRE(t.size() == 1);
    CHECK(t[0].kind == model::LinkTarget::Kind::External);
    CHECK(t[0].url == "https://example.org/series/b/one/");

    diag::Diagnostics noBase;
    auto plain = pipeline::makeBook(project, project.index.paths[0], {}, noBase);
    CHECK(targets(chapter(plain, "/a/one/"))[0].kind == model::LinkTarget::Kind::None);
    CHECK(testing::printed(noBase).find("content/a/one/index.md:8:7: warning: 1 link(s)") != std::string::npos);
    CHECK_FALSE(noBase.hasErrors());
}

TEST_CASE("a link to a missing page or anchor is an error at its line", "[links]") {
    auto files = testing::smallSeries();
    files["content/a/one/index.md"] =
        "---\ntitle: \"甲一\"\n---\n\n見[沒有](../nothing/)。\n\n見[錯錨](../../b/one/#沒有這節)。\n\n## 原理層\n";
    TestTree tree(files);
    diag::Diagnostics d;
    auto project = pipeline::loadProject({tree.content()}, d);
    pipeline::makeBook(project, project.index.paths[1], {}, d);
    std::string out = testing::printed(d);
    INFO(out);
    CHECK(out.find("content/a/one/index.md:5:2: error: link to a missing page '../nothing/'") != std::string::npos);
    CHECK(out.find("content/a/one/index.md:7:2: error: link to a missing anchor '#沒有這節'") != std::string::npos);
}

TEST_CASE("chapter ids are ASCII names that never collide", "[links]") {
    CHECK(pipeline::chapterIdFor("/") == "introduction");
    CHECK(pipeline::chapterIdFor("/01-asyncio/fundamentals/") == "ch-01-asyncio-fundamentals");
    std::string a = pipeline::chapterIdFor("/文件/甲/");
    std::string b = pipeline::chapterIdFor("/文件/乙/");
    CHECK(a != b);
    for (char c : a) CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'));
}
