// Reads a Hugo content tree: front matter, sections, page bundles, leaf pages.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diag/Diagnostics.h"

namespace collect {

struct Page {
    enum class Kind { Section, Bundle, Leaf };
    Kind kind = Kind::Leaf;
    std::string file;       // path of the .md file as the user will see it
    std::string dir;        // directory holding the page's resources
    std::string url;        // site URL, "/" for the home page, "/a/b/" otherwise
    std::string title;
    std::string description;
    std::string date;       // as written, ISO 8601 when Hugo would accept it
    int weight = 0;         // 0: no weight (sorted after weighted pages, as Hugo does)
    bool draft = false;
    std::string body;       // Markdown after the front matter, LF line ends
    int bodyLine = 1;       // line of the file where body starts
    std::vector<size_t> children;  // Section: direct child pages in Hugo order
    int parent = -1;        // index of the section holding this page, -1 for home
};

struct ContentTree {
    std::string root;
    std::vector<Page> pages;
    int home = -1;
    std::map<std::string, size_t> byUrl;

    const Page* find(const std::string& url) const;
};

struct LoadOptions {
    bool includeDrafts = false;
};

// Problems (bad front matter, invalid UTF-8, missing title) go to diags with
// file:line; the page is still loaded where that makes sense, so that every
// problem of a tree is reported in one run.
ContentTree loadContentTree(const std::string& root, const LoadOptions& options, diag::Diagnostics& diags);

// Parses front matter and normalises the text (BOM, CRLF) of one page file.
// Exposed for the fuzzers and unit tests.
void parsePageText(const std::string& text, Page& page, diag::Diagnostics& diags);

}  // namespace collect
