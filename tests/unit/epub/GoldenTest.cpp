// Golden test: the EPUB package of tests/golden/epub-basic, file by file.
// Regenerate after an intended change with
//   UPDATE_GOLDEN=1 build/tests/unit_tests "[golden]"
// and review the diff of tests/golden/epub-basic/expected/ before committing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "../TestTree.h"
#include "epub/EpubWriter.h"
#include "fonts/FontMap.h"
#include "pipeline/Project.h"
#include "util/Text.h"

namespace fs = std::filesystem;

TEST_CASE("EPUB package of a small series matches the reviewed golden files", "[golden][epub]") {
    std::string dir = std::string(TESTS_DIR) + "/golden/epub-basic";
    diag::Diagnostics d;
    auto project = pipeline::loadProject({dir + "/content"}, d);
    pipeline::BookOptions options;
    options.sourceDateEpoch = 1768867200;
    options.author = "測試作者";
    auto book = pipeline::makeBook(project, project.index.paths.at(0), options, d);
    INFO(testing::printed(d));
    REQUIRE_FALSE(d.hasErrors());
    auto files = epub::buildPackage(book, {fonts::dataDir()});

    bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    std::set<std::string> compared;
    for (auto& [name, data] : files) {
        if (!(util::endsWith(name, ".opf") || util::endsWith(name, ".xhtml") || util::endsWith(name, ".ncx") ||
              util::endsWith(name, ".xml")))
            continue;
        fs::path expected = fs::path(dir) / "expected" / name;
        if (update) {
            fs::create_directories(expected.parent_path());
            std::ofstream(expected, std::ios::binary) << data;
        }
        INFO(name);
        REQUIRE(fs::exists(expected));
        CHECK(util::readFile(expected.string()) == data);
        compared.insert(name);
    }
    CHECK(compared.count("OEBPS/package.opf"));
    CHECK(compared.count("OEBPS/nav.xhtml"));
    CHECK(compared.count("OEBPS/ch-basics-first.xhtml"));
    // The zip order EPUB requires: mimetype first.
    CHECK(files.front().first == "mimetype");
}
