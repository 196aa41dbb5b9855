// PDF backend entry point: lays a Book out (layout stage) and paints it (pdf stage).
#pragma once

#include <string>

#include "diag/Diagnostics.h"
#include "model/Book.h"

namespace pdf {

struct PdfOptions {
    std::string paper = "A4";  // A4, B5, A5, Letter
    std::string dataDir;       // holds fonts/ and styles/ ("" = fonts::dataDir())
    int threads = 0;           // layout threads; 0 = default (one: see layout/BookLayout.cpp)
};

// Writes the whole PDF to outPath (the caller renames it into place).
// Content problems (a glyph no font has, an unreadable image) go to diags;
// returns false if the book could not be written.
bool writePdf(const model::Book& book, const PdfOptions& options, diag::Diagnostics& diags,
              const std::string& outPath);

}  // namespace pdf
