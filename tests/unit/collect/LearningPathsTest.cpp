// Learning paths parsed from the index page: numerals, alternatives, fallbacks.
#include <catch2/catch.hpp>

#include "../TestTree.h"
#include "collect/LearningPaths.h"
#include "pipeline/Project.h"

using testing::TestTree;

namespace {

std::vector<std::vector<int>> steps(const std::string& text) {
    diag::Diagnostics d;
    std::vector<std::vector<int>> out;
    for (auto& s : collect::parsePathExpression(text, {"x.md", 1, 1}, d)) out.push_back(s.alternatives);
    return out;
}

std::vector<std::string> titles(const model::Book& book) {
    std::vector<std::string> out;
    for (auto& c : book.chapters) out.push_back(c.title);
    return out;
}

}  // namespace

TEST_CASE("Chinese numerals up to 99", "[paths]") {
    CHECK(collect::parseNumeral(U"一") == 1);
    CHECK(collect::parseNumeral(U"九") == 9);
    CHECK(collect::parseNumeral(U"十") == 10);
    CHECK(collect::parseNumeral(U"十一") == 11);
    CHECK(collect::parseNumeral(U"二十") == 20);
    CHECK(collect::parseNumeral(U"二十三") == 23);
    CHECK(collect::parseNumeral(U"九十九") == 99);
    CHECK(collect::parseNumeral(U"12") == 12);
    CHECK(collect::parseNumeral(U"") == -1);
    CHECK(collect::parseNumeral(U"十十") == -1);
    CHECK(collect::parseNumeral(U"甲") == -1);
}

TEST_CASE("path expressions as the index page writes them", "[paths]") {
    CHECK(steps("模組一（asyncio）→ 模組三（設計模式）→ 模組七（打包）") ==
          std::vector<std::vector<int>>{{1}, {3}, {7}});
    CHECK(steps("模組四（CPython）→ 模組五（C 擴展）或 模組六（Rust 擴展）") ==
          std::vector<std::vector<int>>{{4}, {5, 6}});
    CHECK(steps("模組一 → 模組二 → 模組三 → 模組四 → 模組五/六 → 模組七") ==
          std::vector<std::vector<int>>{{1}, {2}, {3}, {4}, {5, 6}, {7}});
    CHECK(steps("模組十二 -> 模組 3") == std::vector<std::vector<int>>{{12}, {3}});
}

TEST_CASE("a step that names no module is an error with the file and line", "[paths]") {
    diag::Diagnostics d;
    collect::parsePathExpression("模組一 → 附錄", {"content/_index.md", 120, 1}, d);
    std::string out = testing::printed(d);
    CHECK(out.find("content/_index.md:120:1: error: learning path step '附錄'") != std::string::npos);
}

TEST_CASE("paths come from the index page, with focus and version", "[paths]") {
    TestTree tree(testing::smallSeries());
    diag::Diagnostics d;
    auto project = pipeline::loadProject({tree.content()}, d);
    INFO(testing::printed(d));
    REQUIRE_FALSE(d.hasErrors());
    REQUIRE(project.index.paths.size() == 2);
    CHECK(project.index.paths[0].id == "A");
    CHECK(project.index.paths[0].name == "只學甲");
    CHECK(project.index.paths[0].focus == "甲");
    CHECK(project.index.version == "v1.2.3");
    auto book = pipeline::makeBook(project, project.index.paths[1], {}, d);
    CHECK(titles(book) == std::vector<std::string>{"測試系列", "模組一：甲", "甲一", "模組二：乙", "乙一"});
    CHECK(book.chapters[0].role == model::Chapter::Role::Introduction);
    CHECK(book.chapters[1].role == model::Chapter::Role::Module);
    CHECK(book.chapters[2].depth == 1);
}

TEST_CASE("alternatives are all included unless narrowed", "[paths]") {
    auto files = testing::smallSeries();
    files["content/_index.md"] =
        "---\ntitle: 系列\n---\n\n## 教學模組\n\n### [模組一：甲](a/)\n\n### [模組二：乙](b/)\n\n"
        "## 學習路徑\n\n### 路徑 C：擇一\n\n```text\n模組一 或 模組二\n```\n";
    TestTree tree(files);
    diag::Diagnostics d;
    auto project = pipeline::loadProject({tree.content()}, d);
    REQUIRE(project.index.paths.size() == 1);
    auto both = pipeline::makeBook(project, project.index.paths[0], {}, d);
    CHECK(both.chapters.size() == 5);
    pipeline::BookOptions narrow;
    narrow.chosenModules = {2};
    auto one = pipeline::makeBook(project, project.index.paths[0], narrow, d);
    CHECK(titles(one) == std::vector<std::string>{"系列", "模組二：乙", "乙一"});
}

TEST_CASE("an index without 學習路徑 has one path holding every module", "[paths]") {
    TestTree tree({
        {"content/_index.md", "---\ntitle: 沒有路徑\n---\n\n歡迎。\n"},
        {"content/x/_index.md", "---\ntitle: X\nweight: 2\n---\n"},
        {"content/y/_index.md", "---\ntitle: Y\nweight: 1\n---\n"},
        {"content/y/p.md", "---\ntitle: P\n---\n"},
    });
    diag::Diagnostics d;
    auto project = pipeline::loadProject({tree.content()}, d);
    REQUIRE(project.index.paths.size() == 1);
    auto book = pipeline::makeBook(project, project.index.paths[0], {}, d);
    CHECK(titles(book) == std::vector<std::string>{"沒有路徑", "Y", "P", "X"});
}

TEST_CASE("the real series defines paths A-D as its index page says", "[paths]") {
    diag::Diagnostics d;
    auto project = pipeline::loadProject({std::string(TESTS_DIR) + "/../content"}, d);
    REQUIRE(project.index.paths.size() == 4);
    REQUIRE(project.index.modules.size() == 7);
    auto* a = pipeline::findPath(project, "a");
    REQUIRE(a);
    CHECK(a->name == "Web/API 開發者");
    auto book = pipeline::makeBook(project, *a, {}, d);
    std::vector<std::string> modules;
    for (auto& c : book.chapters)
        if (c.role == model::Chapter::Role::Module) modules.push_back(c.url);
    CHECK(modules == std::vector<std::string>{"/01-asyncio/", "/03-design-patterns/", "/07-packaging/"});
    auto* c = pipeline::findPath(project, "C");
    REQUIRE(c);
    CHECK(c->steps.size() == 2);
    CHECK(c->steps[1].alternatives == std::vector<int>{5, 6});
}
