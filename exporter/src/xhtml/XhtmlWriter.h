// Document model → XHTML5 (EPUB 3 content documents), built with pugixml so
// the output is well-formed by construction.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "model/Book.h"

namespace xhtml {

// File name of a chapter inside the EPUB's content folder.
std::string chapterFile(const model::Chapter& chapter);

struct XhtmlOptions {
    std::string stylesheet = "css/book.css";  // relative to the chapter file
};

// One complete XHTML document for a chapter.
std::string renderChapter(const model::Book& book, const model::Chapter& chapter, const XhtmlOptions& options = {});

// The whole book as one XHTML document (chapters as sections, ids prefixed
// with the chapter id, every link inside the file): Pandoc's input.
std::string renderCollected(const model::Book& book, const XhtmlOptions& options = {});

// Adds the XML declaration (version 1.0, UTF-8) to an empty document.
void declareXml(pugi::xml_document& doc);

// Starts an XHTML5 document (declaration, doctype, html with the book's
// language, head with title and stylesheet) and returns its <body>.
pugi::xml_node beginDocument(pugi::xml_document& doc, const model::Book& book, const std::string& title,
                             const std::string& stylesheet);

// Class names used for highlighted code, shared with styles/epub.css.
const char* tokenClass(model::TokenStyle style);

// Removes characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF).
std::string xmlSafe(const std::string& text);

}  // namespace xhtml
