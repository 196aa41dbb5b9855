// Markdown (cmark-gfm AST) → document model for one page.
#pragma once

#include <set>
#include <string>

#include "collect/ContentTree.h"
#include "diag/Diagnostics.h"
#include "model/Book.h"

namespace markdown {

// Converts a page's body into a Chapter. Links are left unresolved: a Link
// inline keeps the destination as written in Inline::src and its position in
// the Chapter's linkSites (see LinkResolver). Images are resolved to assets
// of the page bundle here, since they depend only on the page.
struct ConvertedPage {
    model::Chapter chapter;
    std::set<std::string> ids;  // every element id a link may target
    struct LinkSite {
        model::SourcePos pos;
        std::string href;
    };
    std::vector<LinkSite> links;  // in document order, one per Link inline
};

// One-time global set-up (cmark-gfm's extension registry); call before
// converting pages from several threads.
void prepareConverter();

ConvertedPage convertPage(const collect::Page& page, const std::string& contentRoot, diag::Diagnostics& diags);

// Hugo's "github" heading id for a heading's text (without the -N suffix).
std::string headingId(const std::string& text);

}  // namespace markdown
