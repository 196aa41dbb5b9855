// Hugo shortcodes rewritten to plain Markdown before parsing, line for line,
// so that every later diagnostic still points at the right source line.
#pragma once

#include <string>

#include "diag/Diagnostics.h"

namespace markdown {

// figure → image (caption as title), highlight → fenced code, ref/relref →
// the page path; an unknown shortcode is a warning and its inner text is kept.
std::string expandShortcodes(const std::string& body, const std::string& file, int firstLine,
                             diag::Diagnostics& diags);

}  // namespace markdown
