// The cover image, drawn with Cairo and Pango from the book's metadata.
#pragma once

#include <string>

#include "model/Book.h"

namespace epub {

// A PNG (1600×2400) as bytes. Throws std::runtime_error on a Cairo failure.
std::string drawCoverPng(const model::BookMeta& meta, const std::string& dataDir);

}  // namespace epub
