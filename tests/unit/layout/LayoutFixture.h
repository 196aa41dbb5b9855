// Shared setup for layout tests: a private font map, a Typesetter and helpers to read placed glyphs.
#pragma once

#include <string>
#include <vector>

#include "diag/Diagnostics.h"
#include "fonts/FontMap.h"
#include "layout/Flow.h"
#include "layout/Layout.h"
#include "layout/Style.h"
#include "layout/Typesetter.h"

namespace testing {

struct LayoutFixture {
    fonts::FontMapPtr fontMap = fonts::createFontMap(fonts::dataDir());
    layout::FontTable fonts;
    diag::Diagnostics diags;
    layout::Typesetter ts{fontMap.get(), fonts, diags};
    layout::Style style = *layout::styleForPaper("A4");

    layout::ParagraphFormat body(double width) const {
        layout::ParagraphFormat f;
        f.base = {style.bodyFamily, style.bodySize, false, false, style.text};
        f.code = {style.codeFamily, style.bodySize * 0.9, false, false, style.inlineCode};
        f.width = width;
        return f;
    }
};

// The text of a line as a PDF reader extracts it (gaps are not characters).
inline std::string lineText(const layout::LineBox& line) {
    std::string s;
    for (const auto& r : line.runs) s += r.text;
    return s;
}

// Absolute x of every glyph of a line with the UTF-8 text of its cluster, in order.
struct PlacedChar {
    double x;
    std::string text;
};
inline std::vector<PlacedChar> placedChars(const layout::LineBox& line) {
    std::vector<PlacedChar> out;
    for (const auto& r : line.runs) {
        size_t byte = 0, glyph = 0;
        for (const auto& c : r.clusters) {
            out.push_back({line.x + r.x + r.glyphs[glyph].x, r.text.substr(byte, size_t(c.bytes))});
            byte += size_t(c.bytes);
            glyph += size_t(c.glyphs);
        }
    }
    return out;
}

inline model::Inline textInline(std::string s) {
    model::Inline i;
    i.text = std::move(s);
    return i;
}

}  // namespace testing
