// Syntax highlighting of code blocks through KSyntaxHighlighting (KDE Frameworks).
#pragma once

#include <string>
#include <vector>

#include "model/Book.h"

namespace highlight {

// Splits code into lines of styled tokens. Unknown or empty languages give
// one Normal token per line. Thread-safe.
std::vector<model::CodeLine> highlight(const std::string& lang, const std::string& code);

// The definition name used for a Markdown info-string language ("py" → "Python"),
// or "" when there is none.
std::string definitionFor(const std::string& lang);

}  // namespace highlight
