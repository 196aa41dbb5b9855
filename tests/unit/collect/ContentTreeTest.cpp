// Collector: front matter, Hugo page kinds and URLs, ordering, drafts.
#include <catch2/catch.hpp>

#include "../TestTree.h"
#include "collect/ContentTree.h"

using testing::TestTree;

namespace {

std::vector<std::string> childTitles(const collect::ContentTree& t, const std::string& url) {
    std::vector<std::string> out;
    for (size_t c : t.find(url)->children) out.push_back(t.pages[c].title);
    return out;
}

}  // namespace

TEST_CASE("YAML and TOML front matter give the same fields", "[collect]") {
    TestTree tree({
        {"content/_index.md", "---\ntitle: Home\n---\n"},
        {"content/y.md", "---\ntitle: \"Y 頁\"\ndescription: d\nweight: 3\ndate: 2026-01-20\ndraft: false\n---\nbody\n"},
        {"content/t.md", "+++\ntitle = \"T 頁\"\ndescription = \"d\"\nweight = 3\ndate = 2026-01-20\n+++\nbody\n"},
    });
    diag::Diagnostics d;
    auto t = collect::loadContentTree(tree.content(), {}, d);
    INFO(testing::printed(d));
    REQUIRE_FALSE(d.hasErrors());
    const auto* y = t.find("/y/");
    const auto* toml = t.find("/t/");
    REQUIRE(y);
    REQUIRE(toml);
    CHECK(y->title == "Y 頁");
    CHECK(toml->title == "T 頁");
    CHECK(y->weight == toml->weight);
    CHECK(y->date == toml->date);
    CHECK(y->body == "body\n");
    CHECK(y->bodyLine == 8);
}

TEST_CASE("bundles and leaf pages publish at the same kind of URL", "[collect]") {
    TestTree tree({
        {"content/_index.md", "---\ntitle: Home\n---\n"},
        {"content/sec/_index.md", "---\ntitle: Sec\n---\n"},
        {"content/sec/leaf.md", "---\ntitle: Leaf\n---\n"},
        {"content/sec/bundle/index.md", "---\ntitle: Bundle\n---\n"},
        {"content/sec/bundle/sub/not-a-page.md", "---\ntitle: resource\n---\n"},
    });
    diag::Diagnostics d;
    auto t = collect::loadContentTree(tree.content(), {}, d);
    REQUIRE_FALSE(d.hasErrors());
    REQUIRE(t.find("/sec/leaf/"));
    REQUIRE(t.find("/sec/bundle/"));
    CHECK(t.find("/sec/leaf/")->kind == collect::Page::Kind::Leaf);
    CHECK(t.find("/sec/bundle/")->kind == collect::Page::Kind::Bundle);
    CHECK(t.find("/sec/bundle/sub/not-a-page/") == nullptr);  // inside a leaf bundle: a resource
    CHECK(t.pages.size() == 4);
}

TEST_CASE("pages are ordered as Hugo orders them", "[collect]") {
    TestTree tree({
        {"content/_index.md", "---\ntitle: Home\n---\n"},
        {"content/s/_index.md", "---\ntitle: S\n---\n"},
        {"content/s/unweighted.md", "---\ntitle: 無權重\n---\n"},
        {"content/s/w2.md", "---\ntitle: W2\nweight: 2\n---\n"},
        {"content/s/w1.md", "---\ntitle: W1\nweight: 1\n---\n"},
        {"content/s/old.md", "---\ntitle: Old\nweight: 5\ndate: 2020-01-01\n---\n"},
        {"content/s/new.md", "---\ntitle: New\nweight: 5\ndate: 2024-01-01\n---\n"},
        {"content/s/b.md", "---\ntitle: B\nweight: 7\n---\n"},
        {"content/s/a.md", "---\ntitle: A\nweight: 7\n---\n"},
    });
    diag::Diagnostics d;
    auto t = collect::loadContentTree(tree.content(), {}, d);
    REQUIRE_FALSE(d.hasErrors());
    // weight ascending (0 = none, last), then newest date first, then title.
    CHECK(childTitles(t, "/s/") == std::vector<std::string>{"W1", "W2", "New", "Old", "A", "B", "無權重"});
}

TEST_CASE("drafts are left out unless asked for", "[collect]") {
    TestTree tree({
        {"content/_index.md", "---\ntitle: Home\n---\n"},
        {"content/d.md", "---\ntitle: Draft\ndraft: true\n---\n"},
    });
    diag::Diagnostics d;
    CHECK(collect::loadContentTree(tree.content(), {}, d).find("/d/") == nullptr);
    CHECK(collect::loadContentTree(tree.content(), {true}, d).find("/d/") != nullptr);
}

TEST_CASE("front matter errors name the file and the line", "[collect]") {
    TestTree tree({
        {"content/_index.md", "---\ntitle: Home\n---\n"},
        {"content/bad-yaml.md", "---\ntitle: ok\nweight: [1, 2\n---\nbody\n"},
        {"content/bad-toml.md", "+++\ntitle = \"ok\"\nweight = = 3\n+++\n"},
        {"content/no-title.md", "---\ndescription: x\n---\n"},
        {"content/unclosed.md", "---\ntitle: x\n"},
        {"content/weight.md", "---\ntitle: w\nweight: heavy\n---\n"},
    });
    diag::Diagnostics d;
    collect::loadContentTree(tree.content(), {}, d);
    std::string out = testing::printed(d);
    INFO(out);
    CHECK(out.find("content/bad-yaml.md:") != std::string::npos);
    CHECK(out.find("invalid YAML front matter") != std::string::npos);
    CHECK(out.find("content/bad-toml.md:3:") != std::string::npos);
    CHECK(out.find("content/no-title.md:1:1: error: page has no title") != std::string::npos);
    CHECK(out.find("content/unclosed.md:1:1: error: front matter opened with '---' is never closed") != std::string::npos);
    CHECK(out.find("content/weight.md:3:") != std::string::npos);
}

TEST_CASE("BOM, CRLF and invalid UTF-8", "[collect]") {
    collect::Page page;
    page.file = "x.md";
    diag::Diagnostics d;
    collect::parsePageText("\xEF\xBB\xBF---\r\ntitle: 標題\r\n---\r\n第一行\r\n第二行\r\n", page, d);
    CHECK_FALSE(d.hasErrors());
    CHECK(page.title == "標題");
    CHECK(page.body == "第一行\n第二行\n");

    collect::Page bad;
    bad.file = "bad.md";
    diag::Diagnostics d2;
    collect::parsePageText("---\ntitle: t\n---\nok\n\xC3\x28 broken\n", bad, d2);
    std::string out = testing::printed(d2);
    CHECK(out.find("bad.md:5:") != std::string::npos);
    CHECK(out.find("invalid UTF-8") != std::string::npos);
}
