// EPUB 3 backend: package document, navigation, cover, chapters, zipped with libzip.
#pragma once

#include <map>
#include <string>

#include "diag/Diagnostics.h"
#include "model/Book.h"

namespace epub {

struct EpubOptions {
    std::string dataDir;  // holds styles/epub.css and fonts/
};

// Every file of the EPUB by its path in the container, in zip order
// ("mimetype" first). Exposed for golden tests of the OPF and navigation.
std::vector<std::pair<std::string, std::string>> buildPackage(const model::Book& book, const EpubOptions& options);

// Writes the EPUB to outPath. Throws std::runtime_error on I/O or libzip failure.
void writeEpub(const model::Book& book, const EpubOptions& options, const std::string& outPath);

}  // namespace epub
