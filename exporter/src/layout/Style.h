// Page geometry, type sizes and colours of the PDF handbook (defaults, overridable from styles/pdf.toml).
#pragma once

#include <optional>
#include <string>

#include "layout/Layout.h"

namespace layout {

struct Style {
    // Paper and margins, points.
    double pageWidth = 595.276, pageHeight = 841.89;  // A4
    double marginTop = 72, marginBottom = 68, marginInner = 64, marginOuter = 64;
    double headerGap = 22;  // header baseline above the text block
    double footerGap = 30;  // footer baseline below the text block

    // Families as the private fontconfig names them.
    std::string bodyFamily = "Noto Serif CJK TC";
    std::string headingFamily = "Noto Sans CJK TC";
    std::string codeFamily = "Noto Sans Mono, Noto Sans Mono CJK TC";

    double bodySize = 10.5, bodyLeading = 1.75;  // line pitch = size * leading
    double codeSize = 8.6, codeLeading = 1.45;
    double smallSize = 8.5;  // footnotes, captions, table cells use tableSize
    double tableSize = 9.2;
    double headerSize = 8;
    double titleSize = 22;
    double headingSizes[6] = {18, 15, 13, 11.5, 10.5, 10.5};

    double paragraphGap = 0.55;  // in body lines
    double listIndent = 1.8;     // in ems
    double quoteIndent = 1.6;

    Color text{0.10f, 0.10f, 0.10f};
    Color muted{0.42f, 0.42f, 0.45f};
    Color link{0.05f, 0.30f, 0.60f};
    Color accent{0.16f, 0.33f, 0.52f};
    Color codeBackground{0.955f, 0.955f, 0.945f};
    Color codeBorder{0.85f, 0.85f, 0.82f};
    Color inlineCode{0.55f, 0.12f, 0.20f};
    Color rule{0.70f, 0.70f, 0.70f};
    Color tableHeaderBackground{0.92f, 0.93f, 0.95f};
    Color quoteBar{0.75f, 0.78f, 0.83f};
    Color coverBackground{0.13f, 0.22f, 0.36f};
    Color coverText{1, 1, 1};

    int shortCodeBlockLines = 12;  // blocks up to this many lines are never split

    double contentWidth() const { return pageWidth - marginInner - marginOuter; }
    double contentHeight() const { return pageHeight - marginTop - marginBottom; }
};

// "A4", "B5", "A5", "Letter" (case-insensitive); nullopt for anything else.
std::optional<Style> styleForPaper(const std::string& paper);

// Reads overrides (sizes, margins) from dataDir/styles/pdf.toml if it exists; returns an error text or "".
std::string applyStyleFile(Style& style, const std::string& dataDir);

}  // namespace layout
