// Paints laid-out pages with Cairo's PDF surface into memory: glyph runs, rules, images, outline, metadata.
#pragma once

#include <string>

#include "layout/Layout.h"
#include "model/Book.h"

namespace pdf {

struct PdfMetadata {
    std::string title, author, subject, keywords, creator;
    std::string date;  // ISO 8601, "2025-01-31T12:00:00"; used for creation and modification
};

// Title, author, subject, keywords, creator and dates (from SOURCE_DATE_EPOCH) of a book.
PdfMetadata metadataFor(const model::BookMeta& meta);

// Returns the PDF bytes as Cairo writes them (no link annotations yet).
// Throws std::runtime_error if Cairo fails; unreadable images are reported by message in `problems`.
std::string paintPages(const layout::Document& doc, const PdfMetadata& meta, std::string& problems);

}  // namespace pdf
