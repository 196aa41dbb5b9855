// Raw HTML inside Markdown: parsed with libxml2's HTML parser and reduced to
// what the model can say; scripts, frames, handlers and javascript: URLs never pass.
#pragma once

#include <string>
#include <vector>

namespace markdown {

struct HtmlTag {
    enum class Kind { Open, Close, SelfClosing, Comment, Other };
    Kind kind = Kind::Other;
    std::string name;                                       // lower case
    std::vector<std::pair<std::string, std::string>> attrs;  // lower-case names
    std::string attr(const std::string& name) const;
};

// Classifies one inline HTML fragment as cmark-gfm hands it over ("<sup>", "</a>", "<!-- x -->").
HtmlTag parseInlineTag(const std::string& html);

// Reduces a block of raw HTML to its readable text and its explicit anchors.
struct HtmlBlockContent {
    std::vector<std::string> paragraphs;  // text content, one per block element
    std::vector<std::string> anchorIds;   // id/name attributes of elements
    std::vector<std::string> dropped;     // elements removed (for the warning)
    bool onlyComments = false;
};
HtmlBlockContent readHtmlBlock(const std::string& html);

bool isUnsafeUrl(const std::string& url);

}  // namespace markdown
