// Extra formats (DOCX, ODT) through Pandoc, run as an external program on the
// book's collected, link-resolved XHTML.
#pragma once

#include <stdexcept>
#include <string>

#include "model/Book.h"

namespace pandoc {

// Pandoc is not installed (or not on PATH).
class PandocMissing : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

bool isPandocFormat(const std::string& format);  // docx, odt

// Writes the book in `format` to outPath. Throws PandocMissing when pandoc
// cannot be found, std::runtime_error when it fails (with its own message).
void writeWithPandoc(const model::Book& book, const std::string& format, const std::string& outPath);

}  // namespace pandoc
