// Lays a whole Book out: chapters in parallel, then pages, front matter, TOC, running heads, outline.
#pragma once

#include <string>

#include "diag/Diagnostics.h"
#include "layout/Layout.h"
#include "layout/Style.h"
#include "model/Book.h"

namespace layout {

struct BookLayoutOptions {
    Style style;
    std::string dataDir;  // holds fonts/fonts.conf
    int threads = 0;      // 0: default, one thread (Cairo 1.16 races across threads)
};

// Throws std::runtime_error if the fonts cannot be loaded; content problems go to diags.
Document layoutBook(const model::Book& book, const BookLayoutOptions& options, diag::Diagnostics& diags);

std::string romanNumeral(int n);  // lower case: 1 -> "i"

// "2025-01-31" (UTC) from a SOURCE_DATE_EPOCH value.
std::string isoDate(int64_t epoch);

}  // namespace layout
