#include "markdown/RawHtml.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "util/Text.h"

namespace markdown {

namespace {

struct DocDeleter {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::unique_ptr<xmlDoc, DocDeleter> parseHtml(const std::string& html) {
    int opts = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;
    return std::unique_ptr<xmlDoc, DocDeleter>(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", opts));
}

const std::set<std::string> kBlockElements = {"p", "div", "section", "article", "aside", "header", "footer",
                                              "blockquote", "li", "dt", "dd", "tr", "h1", "h2", "h3", "h4",
                                              "h5", "h6", "pre", "figure", "figcaption", "details", "summary",
                                              "table", "ul", "ol", "dl", "nav", "main"};
const std::set<std::string> kNeverText = {"script", "style", "iframe", "object", "embed", "template",
                                          "noscript", "frame", "frameset", "applet", "svg", "math"};

void collect(xmlNode* node, HtmlBlockContent& out, std::string& current) {
    for (xmlNode* n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char* t = reinterpret_cast<const char*>(n->content);
            if (t) current += t;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) continue;
        std::string name = lower(reinterpret_cast<const char*>(n->name));
        if (name == "html" || name == "body" || name == "head") {
            collect(n->children, out, current);
            continue;
        }
        if (kNeverText.count(name)) {
            out.dropped.push_back(name);
            continue;
        }
        for (xmlAttr* a = n->properties; a; a = a->next) {
            std::string an = lower(reinterpret_cast<const char*>(a->name));
            if (an == "id" || (an == "name" && name == "a")) {
                xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNode*>(a));
                if (v) out.anchorIds.push_back(util::trim(reinterpret_cast<const char*>(v)));
                xmlFree(v);
            }
        }
        if (name == "br") { current += '\n'; continue; }
        if (name == "img") {
            out.dropped.push_back("img");
            continue;
        }
        bool block = kBlockElements.count(name) > 0;
        if (block && !util::trim(current).empty()) {
            out.paragraphs.push_back(util::trim(current));
            current.clear();
        }
        collect(n->children, out, current);
        if (block && !util::trim(current).empty()) {
            out.paragraphs.push_back(util::trim(current));
            current.clear();
        }
    }
}

}  // namespace

std::string HtmlTag::attr(const std::string& n) const {
    for (auto& [k, v] : attrs)
        if (k == n) return v;
    return {};
}

HtmlTag parseInlineTag(const std::string& html) {
    HtmlTag tag;
    std::string s = util::trim(html);
    if (util::startsWith(s, "<!--")) { tag.kind = HtmlTag::Kind::Comment; return tag; }
    if (util::startsWith(s, "</")) {
        tag.kind = HtmlTag::Kind::Close;
        size_t i = 2;
        while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-')) tag.name += s[i++];
        tag.name = lower(tag.name);
        return tag;
    }
    if (!util::startsWith(s, "<") || s.size() < 3 || !std::isalpha(static_cast<unsigned char>(s[1]))) return tag;
    // Let libxml2 read the start tag (attributes, quoting, entities).
    auto doc = parseHtml("<html><body>" + s + "</body></html>");
    if (!doc) return tag;
    xmlNode* root = xmlDocGetRootElement(doc.get());
    xmlNode* body = root ? root->children : nullptr;
    while (body && !(body->type == XML_ELEMENT_NODE && lower(reinterpret_cast<const char*>(body->name)) == "body"))
        body = body->next;
    xmlNode* el = body ? body->children : nullptr;
    while (el && el->type != XML_ELEMENT_NODE) el = el->next;
    if (!el) {
        // libxml2 files <script>, <style> under <head>
        xmlNode* head = root ? root->children : nullptr;
        while (head && !(head->type == XML_ELEMENT_NODE && lower(reinterpret_cast<const char*>(head->name)) == "head"))
            head = head->next;
        el = head ? head->children : nullptr;
        while (el && el->type != XML_ELEMENT_NODE) el = el->next;
        if (!el) return tag;
    }
    tag.name = lower(reinterpret_cast<const char*>(el->name));
    tag.kind = util::endsWith(s, "/>") || tag.name == "br" || tag.name == "img" || tag.name == "hr"
                   ? HtmlTag::Kind::SelfClosing
                   : HtmlTag::Kind::Open;
    for (xmlAttr* a = el->properties; a; a = a->next) {
        xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNode*>(a));
        tag.attrs.emplace_back(lower(reinterpret_cast<const char*>(a->name)),
                               v ? reinterpret_cast<const char*>(v) : "");
        xmlFree(v);
    }
    return tag;
}

HtmlBlockContent readHtmlBlock(const std::string& html) {
    HtmlBlockContent out;
    std::string rest = util::trim(html);
    // A block of nothing but comments is the common, harmless case.
    bool comments = !rest.empty();
    while (!rest.empty()) {
        if (!util::startsWith(rest, "<!--")) { comments = false; break; }
        size_t end = rest.find("-->");
        if (end == std::string::npos) break;
        rest = util::trim(rest.substr(end + 3));
    }
    if (comments && rest.empty()) {
        out.onlyComments = true;
        return out;
    }
    auto doc = parseHtml("<html><body>" + html + "</body></html>");
    if (!doc) return out;
    std::string current;
    collect(xmlDocGetRootElement(doc.get()), out, current);
    if (!util::trim(current).empty()) out.paragraphs.push_back(util::trim(current));
    return out;
}

bool isUnsafeUrl(const std::string& url) {
    std::string u;
    for (char c : url)
        if (!std::isspace(static_cast<unsigned char>(c)) && !std::iscntrl(static_cast<unsigned char>(c)))
            u += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return util::startsWith(u, "javascript:") || util::startsWith(u, "vbscript:") ||
           util::startsWith(u, "data:text/html");
}

}  // namespace markdown
