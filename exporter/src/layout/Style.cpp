// Paper sizes and the optional styles/pdf.toml overrides.
#include "layout/Style.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace layout {

std::optional<Style> styleForPaper(const std::string& paper) {
    std::string p = paper;
    std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return std::tolower(c); });
    Style s;
    auto mm = [](double v) { return v * 72.0 / 25.4; };
    if (p == "a4" || p.empty()) {
        s.pageWidth = mm(210), s.pageHeight = mm(297);
    } else if (p == "b5") {  // ISO B5, the usual size of technical books
        s.pageWidth = mm(176), s.pageHeight = mm(250);
        s.marginTop = 60, s.marginBottom = 58, s.marginInner = 52, s.marginOuter = 46;
        s.bodySize = 10, s.codeSize = 8.2, s.tableSize = 8.8;
    } else if (p == "a5") {
        s.pageWidth = mm(148), s.pageHeight = mm(210);
        s.marginTop = 52, s.marginBottom = 50, s.marginInner = 42, s.marginOuter = 36;
        s.bodySize = 9.5, s.codeSize = 7.6, s.tableSize = 8.2, s.titleSize = 19;
        s.headerGap = 18, s.footerGap = 24;
    } else if (p == "letter") {
        s.pageWidth = 612, s.pageHeight = 792;
    } else {
        return std::nullopt;
    }
    return s;
}

std::string applyStyleFile(Style& style, const std::string& dataDir) {
    std::filesystem::path file = std::filesystem::path(dataDir) / "styles" / "pdf.toml";
    if (dataDir.empty() || !std::filesystem::exists(file)) return "";
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        return file.string() + ": " + std::string(e.description());
    }
    // A value equal to the A4 default leaves the paper's own default in place (B5 and A5 set smaller type).
    const Style a4;
    auto num = [&](const char* table, const char* key, double& out) {
        auto v = t[table][key].value<double>();
        if (!v) return;
        double def = 0;
        std::string k = key;
        if (k == "body_size") def = a4.bodySize;
        else if (k == "code_size") def = a4.codeSize;
        else if (k == "table_size") def = a4.tableSize;
        else if (k == "title_size") def = a4.titleSize;
        if (def > 0 && *v == def) return;
        out = *v;
    };
    num("type", "body_size", style.bodySize);
    num("type", "body_leading", style.bodyLeading);
    num("type", "code_size", style.codeSize);
    num("type", "code_leading", style.codeLeading);
    num("type", "table_size", style.tableSize);
    num("type", "title_size", style.titleSize);
    if (auto v = t["type"]["short_code_block_lines"].value<int64_t>()) style.shortCodeBlockLines = int(*v);
    return "";
}

}  // namespace layout
