// Golden layout dump of the sample book. Regenerate after an intended change with:
//   UPDATE_GOLDEN=1 ./build/tests/unit_tests "[golden]"   (then review the diff of tests/golden/layout/)
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "SampleBook.h"
#include "fonts/FontMap.h"
#include "layout/BookLayout.h"

#ifndef TESTS_DIR
#define TESTS_DIR "tests"
#endif

namespace {

std::string dumpFor(const std::string& paper) {
    diag::Diagnostics diags;
    layout::BookLayoutOptions options{*layout::styleForPaper(paper), fonts::dataDir(), 2};
    layout::Document doc = layout::layoutBook(sample::sampleBook(), options, diags);
    REQUIRE_FALSE(diags.hasErrors());
    std::ostringstream out;
    layout::dump(doc, out);
    return out.str();
}

void compareWithGolden(const std::string& actual, const std::string& name) {
    const std::string path = std::string(TESTS_DIR) + "/golden/layout/" + name;
    if (const char* u = std::getenv("UPDATE_GOLDEN"); u && *u == '1') {
        std::ofstream(path) << actual;
        WARN("updated " << path);
        return;
    }
    std::ifstream in(path);
    REQUIRE(in.good());
    std::stringstream expected;
    expected << in.rdbuf();
    if (expected.str() == actual) return;
    // Report the first differing line rather than two huge strings.
    std::istringstream a(actual), e(expected.str());
    std::string la, le;
    int line = 0;
    while (true) {
        ++line;
        bool ga = bool(std::getline(a, la)), ge = bool(std::getline(e, le));
        if (!ga && !ge) break;
        if (la != le || ga != ge) {
            FAIL(path << ":" << line << "\n  expected: " << le << "\n  actual:   " << la
                      << "\n(UPDATE_GOLDEN=1 regenerates after an intended change)");
        }
    }
}

}  // namespace

TEST_CASE("Sample book layout matches the golden dump (A4)", "[layout][golden]") {
    compareWithGolden(dumpFor("A4"), "sample-a4.txt");
}

TEST_CASE("Sample book layout matches the golden dump (A5)", "[layout][golden]") {
    compareWithGolden(dumpFor("A5"), "sample-a5.txt");
}

// Opt-in ([.threads]): Cairo 1.16 races when fonts are shaped on several
// threads (see layout/BookLayout.cpp), so this can crash on Debian 12.
// Run it with `unit_tests "[threads]"` on a Cairo without the race.
TEST_CASE("Layout does not depend on the number of threads", "[.][layout][threads]") {
    diag::Diagnostics d1, d2;
    auto book = sample::sampleBook();
    layout::BookLayoutOptions one{*layout::styleForPaper("A4"), fonts::dataDir(), 1};
    layout::BookLayoutOptions two{*layout::styleForPaper("A4"), fonts::dataDir(), 2};
    std::ostringstream a, b;
    layout::dump(layout::layoutBook(book, one, d1), a);
    layout::dump(layout::layoutBook(book, two, d2), b);
    CHECK(a.str() == b.str());
}

TEST_CASE("Book structure: front matter, chapters on new pages, labels, outline", "[layout][book]") {
    diag::Diagnostics diags;
    auto book = sample::sampleBook();
    layout::Document doc =
        layout::layoutBook(book, {*layout::styleForPaper("A4"), fonts::dataDir(), 0}, diags);
    REQUIRE(doc.frontMatterPages >= 4);  // cover, title page, colophon, contents
    CHECK(doc.pages[0].label == "i");
    CHECK(doc.pages[size_t(doc.frontMatterPages)].label == "1");
    // Each chapter's start anchor is the first anchor of some page, at its top.
    for (const auto& ch : book.chapters) {
        bool found = false;
        for (const auto& p : doc.pages)
            if (!p.anchors.empty() && p.anchors[0].key == ch.id + "#") found = true;
        CHECK(found);
    }
    // Outline: modules hold their chapters, chapters their h2 sections.
    int module = -1, chapter = -1;
    for (size_t i = 0; i < doc.outline.size(); ++i) {
        if (doc.outline[i].title == "模組一：asyncio 非同步程式設計") module = int(i);
        if (doc.outline[i].title == "asyncio 基礎：事件迴圈與 coroutine") chapter = int(i);
    }
    REQUIRE(module >= 0);
    REQUIRE(chapter >= 0);
    CHECK(doc.outline[size_t(chapter)].parent == module);
    bool section = false;
    for (const auto& e : doc.outline)
        if (e.parent == chapter && e.title == "比較表") section = true;
    CHECK(section);
    // Contents entries are links to the chapters.
    int tocLinks = 0;
    for (int p = 0; p < doc.frontMatterPages; ++p)
        for (const auto& l : doc.pages[size_t(p)].links)
            if (!l.anchor.empty()) ++tocLinks;
    CHECK(tocLinks >= int(book.chapters.size()));
}

TEST_CASE("Paper sizes", "[layout][paper]") {
    CHECK(layout::styleForPaper("A4")->pageWidth == Approx(595.28).margin(0.01));
    CHECK(layout::styleForPaper("b5")->pageHeight == Approx(708.66).margin(0.01));
    CHECK(layout::styleForPaper("A5")->pageWidth == Approx(419.53).margin(0.01));
    CHECK(layout::styleForPaper("Letter")->pageHeight == Approx(792));
    CHECK_FALSE(layout::styleForPaper("A3"));
    CHECK(layout::romanNumeral(14) == "xiv");
}
