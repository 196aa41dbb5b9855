// Resolves each link of a chapter as Hugo would publish it: against the page's URL.
#pragma once

#include <map>
#include <set>
#include <string>

#include "collect/ContentTree.h"
#include "diag/Diagnostics.h"
#include "markdown/MarkdownConverter.h"

namespace markdown {

struct LinkContext {
    const collect::ContentTree* tree = nullptr;
    const std::map<std::string, ConvertedPage>* pages = nullptr;  // by URL
    std::map<std::string, std::string> chapterIdByUrl;           // pages in this book
    std::string baseUrl;                                          // "" if not configured
    std::string bookLabel = "this book";                          // for messages: "book A"
};

// Sets LinkTarget on every Link inline of `chapter` (a copy of page's chapter).
void resolveLinks(model::Chapter& chapter, const ConvertedPage& page, const LinkContext& ctx,
                  diag::Diagnostics& diags);

// "/a/b/" + "../c/#x" → "/a/c/#x"; returns "" when the path climbs above the root.
std::string resolveSitePath(const std::string& pageUrl, const std::string& href);

}  // namespace markdown
