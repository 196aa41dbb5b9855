// Builds small content trees in a temporary directory for unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "diag/Diagnostics.h"

namespace testing {

class TestTree {
public:
    explicit TestTree(const std::map<std::string, std::string>& files) {
        char tmpl[] = "/tmp/exporter-test-XXXXXX";
        root_ = mkdtemp(tmpl);
        for (auto& [path, text] : files) write(path, text);
    }
    ~TestTree() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    TestTree(const TestTree&) = delete;
    TestTree& operator=(const TestTree&) = delete;

    void write(const std::string& path, const std::string& text) const {
        auto p = std::filesystem::path(root_) / path;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
    }
    std::string content() const { return root_ + "/content"; }
    const std::string& root() const { return root_; }

private:
    std::string root_;
};

// All diagnostics as printed, one per line.
inline std::string printed(const diag::Diagnostics& d) {
    std::string out;
    for (auto& e : d.entries()) out += diag::format(e) + "\n";
    return out;
}

// A minimal series: index with two modules and two paths, one chapter each.
inline std::map<std::string, std::string> smallSeries() {
    return {
        {"content/_index.md", "---\ntitle: \"測試系列\"\ndescription: \"一個小系列\"\n---\n\n"
                              "# 測試系列\n\n## 教學模組\n\n"
                              "### [模組一：甲](a/)\n\n甲模組。\n\n- [甲一](a/one/)\n\n"
                              "### [模組二：乙](b/)\n\n乙模組。\n\n- [乙一](b/one/)\n\n"
                              "## 學習路徑\n\n### 路徑 A：只學甲\n\n```text\n模組一（甲）\n```\n\n重點：甲\n\n"
                              "### 路徑 B：全部\n\n```text\n模組一 → 模組二\n```\n\n重點：全部\n\n"
                              "*文件版本：v1.2.3*\n"},
        {"content/a/_index.md", "---\ntitle: \"模組一：甲\"\nweight: 1\n---\n\n甲模組介紹。\n"},
        {"content/a/one/index.md", "---\ntitle: \"甲一\"\nweight: 1\n---\n\n## 原理層\n\n甲一內容，見[乙一](../../b/one/)。\n"},
        {"content/b/_index.md", "---\ntitle: \"模組二：乙\"\nweight: 2\n---\n\n乙模組介紹。\n"},
        {"content/b/one/index.md", "---\ntitle: \"乙一\"\nweight: 1\n---\n\n## 設計層\n\n乙一內容，回到[甲一](../../a/one/#原理層)。\n"},
    };
}

}  // namespace testing
