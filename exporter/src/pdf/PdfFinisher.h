// Adds what Cairo 1.16 cannot write cleanly (link annotations, page labels) with libqpdf; writes deterministically.
#pragma once

#include <string>

#include "diag/Diagnostics.h"
#include "layout/Layout.h"

namespace pdf {

// Reads Cairo's PDF from memory, adds /Link annotations for every LinkArea
// (internal ones as /XYZ destinations to their anchors), /PageLabels (roman
// front matter, arabic body), /Lang, and writes outPath with a deterministic /ID.
// Throws std::runtime_error (or QPDFExc) on failure.
// pdfDate ("D:20250101000000Z") replaces Cairo's dates, which lack the "D:" prefix.
void finishPdf(const std::string& cairoPdf, const layout::Document& doc, const std::string& language,
               const std::string& pdfDate, diag::Diagnostics& diags, const std::string& outPath);

}  // namespace pdf
