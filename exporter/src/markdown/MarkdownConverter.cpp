// Walks the cmark-gfm AST of one page and builds model blocks and inlines.
#include "markdown/MarkdownConverter.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <glib.h>

#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>

#include "highlight/Highlighter.h"
#include "markdown/RawHtml.h"
#include "markdown/Shortcodes.h"
#include "util/Text.h"

namespace fs = std::filesystem;

namespace markdown {

namespace {

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

const char* kSoftBreak = "\n";  // placeholder, resolved per paragraph

std::string typeName(cmark_node* n) {
    const char* t = cmark_node_get_type_string(n);
    return t ? t : "";
}

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

void plainText(const std::vector<model::Inline>& inlines, std::string& out) {
    for (auto& in : inlines) {
        if (in.kind == model::Inline::Kind::Text || in.kind == model::Inline::Kind::Code) out += in.text;
        else if (in.kind == model::Inline::Kind::Image) out += in.text;
        plainText(in.children, out);
    }
}

// Leaves (Text and Code inlines) in reading order, for soft-break decisions.
void leaves(std::vector<model::Inline>& inlines, std::vector<model::Inline*>& out) {
    for (auto& in : inlines) {
        if (in.kind == model::Inline::Kind::Text || in.kind == model::Inline::Kind::Code) out.push_back(&in);
        else if (in.kind == model::Inline::Kind::LineBreak || in.kind == model::Inline::Kind::Image) out.push_back(&in);
        leaves(in.children, out);
    }
}

void mergeTexts(std::vector<model::Inline>& inlines) {
    std::vector<model::Inline> merged;
    for (auto& in : inlines) {
        mergeTexts(in.children);
        if (in.kind == model::Inline::Kind::Text && in.text.empty()) continue;
        if (in.kind == model::Inline::Kind::Text && !merged.empty() && merged.back().kind == model::Inline::Kind::Text)
            merged.back().text += in.text;
        else merged.push_back(std::move(in));
    }
    inlines.swap(merged);
}

// A soft line break is a space, except between two East Asian characters,
// where it is nothing (Pandoc's east_asian_line_breaks).
void resolveSoftBreaks(std::vector<model::Inline>& inlines) {
    std::vector<model::Inline*> ls;
    leaves(inlines, ls);
    for (size_t i = 0; i < ls.size(); ++i) {
        model::Inline* in = ls[i];
        if (in->kind != model::Inline::Kind::Text || in->text != kSoftBreak) continue;
        char32_t before = 0, after = 0;
        for (size_t j = i; j-- > 0;) {
            if (ls[j]->kind == model::Inline::Kind::Text && ls[j]->text == kSoftBreak) continue;
            if (!ls[j]->text.empty()) { before = util::lastCodePoint(ls[j]->text); break; }
        }
        for (size_t j = i + 1; j < ls.size(); ++j) {
            if (ls[j]->kind == model::Inline::Kind::Text && ls[j]->text == kSoftBreak) continue;
            if (!ls[j]->text.empty()) { after = util::firstCodePoint(ls[j]->text); break; }
        }
        bool cjk = util::isEastAsianWide(before) && util::isEastAsianWide(after);
        in->text = (cjk || before == 0 || after == 0) ? "" : " ";
    }
    mergeTexts(inlines);
}

std::string mediaTypeFor(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".gif") return "image/gif";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".webp") return "image/webp";
    return "";
}

class Converter {
public:
    Converter(const collect::Page& page, const std::string& root, diag::Diagnostics& diags)
        : page_(page), root_(root), diags_(diags) {}

    ConvertedPage run() {
        out_.chapter.sourceFile = page_.file;
        out_.chapter.title = page_.title;
        out_.chapter.description = page_.description;
        out_.chapter.url = page_.url;

        body_ = expandShortcodes(page_.body, page_.file, page_.bodyLine, diags_);
        const std::string& body = body_;
        lineStarts_.push_back(0);
        for (size_t i = 0; i < body.size(); ++i)
            if (body[i] == '\n') lineStarts_.push_back(i + 1);
        cmark_gfm_core_extensions_ensure_registered();
        int options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8 |
                      CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_FULL_INFO_STRING;
        std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
        for (const char* ext : {"table", "strikethrough", "autolink", "tasklist"}) {
            if (cmark_syntax_extension* e = cmark_find_syntax_extension(ext))
                cmark_parser_attach_syntax_extension(parser.get(), e);
        }
        cmark_parser_feed(parser.get(), body.data(), body.size());
        std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));

        convertBlocks(doc.get(), out_.chapter.blocks);
        dropRepeatedTitle();
        return std::move(out_);
    }

private:
    // Pages often open with "# Title" repeating the front matter title, which
    // every backend already shows: keep only its id, as an anchor.
    void dropRepeatedTitle() {
        auto& blocks = out_.chapter.blocks;
        for (auto& b : blocks) {
            if (b.kind == model::Block::Kind::Anchor) continue;
            if (b.kind != model::Block::Kind::Heading || b.level != 1) return;
            std::string text;
            plainText(b.inlines, text);
            if (util::trim(text) != util::trim(page_.title)) return;
            b.kind = model::Block::Kind::Anchor;
            b.inlines.clear();
            return;
        }
    }

    // cmark counts columns in bytes; editors and people count characters.
    model::SourcePos pos(cmark_node* n) const {
        int line = cmark_node_get_start_line(n);
        int byteCol = cmark_node_get_start_column(n);
        int col = byteCol;
        if (line > 0 && static_cast<size_t>(line) <= lineStarts_.size() && byteCol > 0) {
            size_t start = lineStarts_[static_cast<size_t>(line) - 1];
            size_t end = std::min(body_.size(), start + static_cast<size_t>(byteCol - 1));
            col = 1 + static_cast<int>(g_utf8_strlen(body_.data() + start, static_cast<gssize>(end - start)));
        }
        return {page_.file, line > 0 ? page_.bodyLine - 1 + line : page_.bodyLine, col};
    }

    std::string uniqueId(const std::string& base, const model::SourcePos& where, bool explicitId) {
        if (!out_.ids.count(base)) {
            out_.ids.insert(base);
            return base;
        }
        if (explicitId) diags_.error(where, "duplicate id '" + base + "' on this page");
        for (int i = 1;; ++i) {
            std::string candidate = base + "-" + std::to_string(i);
            if (!out_.ids.count(candidate)) {
                out_.ids.insert(candidate);
                return candidate;
            }
        }
    }

    void convertBlocks(cmark_node* parent, std::vector<model::Block>& out) {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) convertBlock(n, out);
    }

    void convertBlock(cmark_node* n, std::vector<model::Block>& out) {
        using K = model::Block::Kind;
        model::Block b;
        b.pos = pos(n);
        std::string ext = typeName(n);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH: {
                b.kind = K::Paragraph;
                std::vector<std::string> anchors;
                convertInlines(n, b.inlines, &anchors);
                for (auto& id : anchors) pushAnchor(id, b.pos, out);
                resolveSoftBreaks(b.inlines);
                trimInlines(b.inlines);
                if (b.inlines.empty()) return;
                // A paragraph of one image is a figure.
                if (b.inlines.size() == 1 && b.inlines[0].kind == model::Inline::Kind::Image) {
                    b.kind = K::Figure;
                    if (!b.inlines[0].title.empty()) b.caption.push_back({model::Inline::Kind::Text, b.inlines[0].title});
                }
                break;
            }
            case CMARK_NODE_HEADING: {
                b.kind = K::Heading;
                b.level = cmark_node_get_heading_level(n);
                std::vector<std::string> anchors;
                convertInlines(n, b.inlines, &anchors);
                resolveSoftBreaks(b.inlines);
                std::string explicitId = takeExplicitId(b.inlines);
                trimInlines(b.inlines);
                std::string text;
                plainText(b.inlines, text);
                b.id = explicitId.empty() ? uniqueId(headingId(text), b.pos, false) : uniqueId(explicitId, b.pos, true);
                for (auto& id : anchors) pushAnchor(id, b.pos, out);
                break;
            }
            case CMARK_NODE_CODE_BLOCK: {
                b.kind = K::CodeBlock;
                parseInfo(cmark_node_get_fence_info(n), b);
                b.code = literal(n);
                b.lines = highlight::highlight(b.lang, b.code);
                break;
            }
            case CMARK_NODE_BLOCK_QUOTE:
                b.kind = K::BlockQuote;
                convertBlocks(n, b.children);
                break;
            case CMARK_NODE_LIST:
                b.kind = K::List;
                b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                b.start = b.ordered ? cmark_node_get_list_start(n) : 1;
                b.tight = cmark_node_get_list_tight(n) != 0;
                convertBlocks(n, b.children);
                break;
            case CMARK_NODE_ITEM:
                b.kind = K::ListItem;
                if (ext == "tasklist") b.task = cmark_gfm_extensions_get_tasklist_item_checked(n) ? 2 : 1;
                convertBlocks(n, b.children);
                break;
            case CMARK_NODE_THEMATIC_BREAK:
                b.kind = K::ThematicBreak;
                break;
            case CMARK_NODE_HTML_BLOCK:
                convertHtmlBlock(n, out);
                return;
            case CMARK_NODE_FOOTNOTE_DEFINITION: {
                // cmark-gfm moves referenced definitions to the end, numbered
                // in order of first reference (and drops unreferenced ones).
                b.kind = K::Footnote;
                int number = ++footnoteCount_;
                b.label = std::to_string(number);
                b.id = "fn-" + std::to_string(number);
                out_.ids.insert(b.id);
                convertBlocks(n, b.children);
                out_.chapter.footnotes.push_back(std::move(b));
                return;
            }
            default:
                if (ext == "table") {
                    convertTable(n, b);
                    break;
                }
                diags_.warning(b.pos, "unsupported Markdown element '" + ext + "' left out");
                return;
        }
        out.push_back(std::move(b));
    }

    void pushAnchor(const std::string& id, const model::SourcePos& where, std::vector<model::Block>& out) {
        model::Block a;
        a.kind = model::Block::Kind::Anchor;
        a.pos = where;
        a.id = uniqueId(id, where, true);
        out.push_back(std::move(a));
    }

    void convertTable(cmark_node* n, model::Block& b) {
        b.kind = model::Block::Kind::Table;
        uint16_t cols = cmark_gfm_extensions_get_table_columns(n);
        uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
        for (uint16_t i = 0; i < cols; ++i) {
            char a = aligns ? static_cast<char>(aligns[i]) : 0;
            b.aligns.push_back(a == 'l' ? model::Align::Left : a == 'c' ? model::Align::Center
                                                              : a == 'r' ? model::Align::Right
                                                                         : model::Align::None);
        }
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            model::TableRow r;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
                model::TableCell c;
                convertInlines(cell, c.inlines, nullptr);
                resolveSoftBreaks(c.inlines);
                trimInlines(c.inlines);
                r.cells.push_back(std::move(c));
            }
            while (r.cells.size() < cols) r.cells.emplace_back();
            if (cmark_gfm_extensions_get_table_row_is_header(row)) ++b.headerRows;
            b.rows.push_back(std::move(r));
        }
    }

    void convertHtmlBlock(cmark_node* n, std::vector<model::Block>& out) {
        HtmlBlockContent html = readHtmlBlock(literal(n));
        if (html.onlyComments) return;
        model::SourcePos where = pos(n);
        for (auto& id : html.anchorIds)
            if (!id.empty()) pushAnchor(id, where, out);
        if (!html.dropped.empty()) {
            std::string names;
            for (auto& d : html.dropped) names += (names.empty() ? "<" : ", <") + d + ">";
            diags_.warning(where, "raw HTML " + names + " dropped");
        }
        if (!html.paragraphs.empty())
            diags_.warning(where, "raw HTML block kept as plain text; write it in Markdown instead");
        for (auto& text : html.paragraphs) {
            model::Block p;
            p.kind = model::Block::Kind::Paragraph;
            p.pos = where;
            p.inlines.push_back({model::Inline::Kind::Text, text});
            out.push_back(std::move(p));
        }
    }

    // Info strings: "python", "rust,ignore", "python title=\"x.py\"", "python {norun}".
    void parseInfo(const char* infoC, model::Block& b) {
        std::string info = infoC ? util::trim(infoC) : "";
        size_t end = info.find_first_of(" \t{,");
        std::string lang = info.substr(0, end);
        for (auto& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        b.lang = lang;
        static const std::regex title(R"re(title\s*=\s*"([^"]*)")re");
        std::smatch m;
        if (std::regex_search(info, m, title)) b.title = m.str(1);
    }

    // Hugo's "## Heading {#custom-id}".
    static std::string takeExplicitId(std::vector<model::Inline>& inlines) {
        if (inlines.empty() || inlines.back().kind != model::Inline::Kind::Text) return {};
        static const std::regex attr(R"(\s*\{#([^\s}]+)\}\s*$)");
        std::smatch m;
        std::string& text = inlines.back().text;
        if (!std::regex_search(text, m, attr)) return {};
        std::string id = m.str(1);
        text.erase(static_cast<size_t>(m.position(0)));
        return id;
    }

    static void trimInlines(std::vector<model::Inline>& inlines) {
        while (!inlines.empty() && inlines.front().kind == model::Inline::Kind::Text) {
            std::string t = inlines.front().text;
            size_t b = t.find_first_not_of(" \t");
            if (b == std::string::npos) { inlines.erase(inlines.begin()); continue; }
            inlines.front().text = t.substr(b);
            break;
        }
        while (!inlines.empty() && inlines.back().kind == model::Inline::Kind::Text) {
            std::string& t = inlines.back().text;
            size_t e = t.find_last_not_of(" \t");
            if (e == std::string::npos) { inlines.pop_back(); continue; }
            t.erase(e + 1);
            break;
        }
    }

    // Raw inline HTML arrives one tag at a time; a stack of open elements
    // turns <sup>…</sup> and friends into model containers.
    struct OpenHtml {
        std::string tag;
        model::Inline container;
    };

    void convertInlines(cmark_node* parent, std::vector<model::Inline>& out, std::vector<std::string>* anchors) {
        std::vector<OpenHtml> stack;
        auto target = [&]() -> std::vector<model::Inline>& { return stack.empty() ? out : stack.back().container.children; };
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE) {
                inlineHtml(n, stack, target, anchors);
                continue;
            }
            convertInline(n, target(), anchors);
        }
        while (!stack.empty()) {  // unclosed tags: keep their content
            OpenHtml top = std::move(stack.back());
            stack.pop_back();
            auto& t = target();
            for (auto& c : top.container.children) t.push_back(std::move(c));
        }
    }

    template <typename Target>
    void inlineHtml(cmark_node* n, std::vector<OpenHtml>& stack, Target target, std::vector<std::string>* anchors) {
        static const std::map<std::string, model::Inline::Kind> containers = {
            {"sup", model::Inline::Kind::Superscript}, {"sub", model::Inline::Kind::Subscript},
            {"em", model::Inline::Kind::Emph},         {"i", model::Inline::Kind::Emph},
            {"strong", model::Inline::Kind::Strong},   {"b", model::Inline::Kind::Strong},
            {"del", model::Inline::Kind::Strike},      {"s", model::Inline::Kind::Strike},
        };
        static const std::set<std::string> transparent = {"span", "kbd", "mark", "small", "abbr", "cite",
                                                          "u", "ins", "q", "var", "samp", "time", "font"};
        HtmlTag tag = parseInlineTag(literal(n));
        model::SourcePos where = pos(n);
        if (tag.kind == HtmlTag::Kind::Comment) return;
        std::string id = tag.attr("id");
        if (id.empty() && tag.name == "a") id = tag.attr("name");
        if (!id.empty() && tag.kind != HtmlTag::Kind::Close) {
            if (anchors) anchors->push_back(util::trim(id));
        }
        if (tag.name == "br") {
            target().push_back({model::Inline::Kind::LineBreak});
            return;
        }
        if (tag.kind == HtmlTag::Kind::Open && containers.count(tag.name)) {
            OpenHtml o{tag.name, {}};
            o.container.kind = containers.at(tag.name);
            stack.push_back(std::move(o));
            return;
        }
        if (tag.kind == HtmlTag::Kind::Close && containers.count(tag.name)) {
            for (size_t i = stack.size(); i-- > 0;) {
                if (stack[i].tag != tag.name) continue;
                while (stack.size() > i + 1) {  // close what was left open inside
                    OpenHtml inner = std::move(stack.back());
                    stack.pop_back();
                    for (auto& c : inner.container.children) stack.back().container.children.push_back(std::move(c));
                }
                model::Inline done = std::move(stack.back().container);
                stack.pop_back();
                target().push_back(std::move(done));
                return;
            }
            return;
        }
        if (transparent.count(tag.name) || (tag.name == "a" && !id.empty() && tag.attr("href").empty())) return;
        if (tag.kind == HtmlTag::Kind::Close) return;  // reported at the opening tag
        std::string what = tag.name.empty() ? literal(n) : "<" + tag.name + ">";
        if (tag.name == "a" && isUnsafeUrl(tag.attr("href")))
            diags_.warning(where, "raw HTML link with a javascript: URL dropped; its text is kept");
        else
            diags_.warning(where, "raw HTML " + what + " dropped" +
                                      (tag.kind == HtmlTag::Kind::Open ? "; its text is kept" : ""));
    }

    void convertInline(cmark_node* n, std::vector<model::Inline>& out, std::vector<std::string>* anchors) {
        using K = model::Inline::Kind;
        model::Inline in;
        std::string ext = typeName(n);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
                if (!out.empty() && out.back().kind == K::Text && out.back().text != kSoftBreak) {
                    out.back().text += literal(n);
                    return;
                }
                in.kind = K::Text;
                in.text = literal(n);
                break;
            case CMARK_NODE_SOFTBREAK:
                in.kind = K::Text;
                in.text = kSoftBreak;
                break;
            case CMARK_NODE_LINEBREAK:
                in.kind = K::LineBreak;
                break;
            case CMARK_NODE_CODE:
                in.kind = K::Code;
                in.text = literal(n);
                break;
            case CMARK_NODE_EMPH:
                in.kind = K::Emph;
                convertInlines(n, in.children, anchors);
                break;
            case CMARK_NODE_STRONG:
                in.kind = K::Strong;
                convertInlines(n, in.children, anchors);
                break;
            case CMARK_NODE_LINK: {
                in.kind = K::Link;
                const char* url = cmark_node_get_url(n);
                const char* title = cmark_node_get_title(n);
                in.src = url ? url : "";
                in.title = title ? title : "";
                convertInlines(n, in.children, anchors);
                if (isUnsafeUrl(in.src)) {
                    diags_.warning(pos(n), "link to a javascript: URL dropped; its text is kept");
                    for (auto& c : in.children) out.push_back(std::move(c));
                    return;
                }
                out_.links.push_back({pos(n), in.src});
                break;
            }
            case CMARK_NODE_IMAGE: {
                in.kind = K::Image;
                const char* url = cmark_node_get_url(n);
                const char* title = cmark_node_get_title(n);
                std::vector<model::Inline> alt;
                convertInlines(n, alt, nullptr);
                resolveSoftBreaks(alt);
                plainText(alt, in.text);
                in.title = title ? title : "";
                in.src = resolveImage(url ? url : "", pos(n));
                if (in.src.empty()) return;
                break;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE: {
                in.kind = K::FootnoteRef;
                int number = std::atoi(literal(n).c_str());  // cmark-gfm stores the note's number
                in.text = std::to_string(number);
                in.anchor = "fn-" + std::to_string(number);
                break;
            }
            default:
                if (ext == "strikethrough") {
                    in.kind = K::Strike;
                    convertInlines(n, in.children, anchors);
                    break;
                }
                diags_.warning(pos(n), "unsupported inline element '" + ext + "' left out");
                return;
        }
        out.push_back(std::move(in));
    }

    // Copies a bundle image into the book; returns its href, or "" after an error.
    std::string resolveImage(const std::string& url, const model::SourcePos& where) {
        if (url.empty()) {
            diags_.error(where, "image without a source");
            return {};
        }
        if (url.find("://") != std::string::npos || util::startsWith(url, "//") || util::startsWith(url, "data:")) {
            diags_.error(where, "remote image '" + url + "': books must be readable offline; put the file in the page bundle");
            return {};
        }
        std::string rel = util::percentDecode(url.substr(0, url.find_first_of("?#")));
        fs::path file = util::startsWith(rel, "/") ? fs::path(root_) / rel.substr(1) : fs::path(page_.dir) / rel;
        std::error_code ec;
        fs::path canonRoot = fs::weakly_canonical(root_, ec);
        fs::path canon = fs::weakly_canonical(file, ec);
        std::string r = canonRoot.string(), c = canon.string();
        if (ec || c.size() <= r.size() || c.compare(0, r.size(), r) != 0 || c[r.size()] != '/') {
            diags_.error(where, "image '" + url + "' is outside the content tree");
            return {};
        }
        if (!fs::is_regular_file(canon)) {
            diags_.error(where, "image '" + url + "' not found (looked for " + file.string() + ")");
            return {};
        }
        std::string type = mediaTypeFor(c);
        if (type.empty() || type == "image/webp") {
            diags_.error(where, "image '" + url + "' has an unsupported type; use PNG, JPEG, GIF or SVG");
            return {};
        }
        for (auto& a : out_.chapter.assets)
            if (a.sourcePath == c) return a.href;
        // A name unique in the book: the page's URL path, then the file's own path inside the bundle.
        std::string stem = page_.url == "/" ? "index" : page_.url.substr(1, page_.url.size() - 2);
        std::string inBundle = fs::relative(canon, fs::weakly_canonical(page_.dir, ec), ec).string();
        std::string name = stem + "/" + inBundle;
        for (auto& ch : name)
            if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_')) ch = '-';
        model::Asset asset{c, "images/" + name, type};
        out_.chapter.assets.push_back(asset);
        return asset.href;
    }

    const collect::Page& page_;
    std::string root_;
    diag::Diagnostics& diags_;
    ConvertedPage out_;
    int footnoteCount_ = 0;
    std::string body_;
    std::vector<size_t> lineStarts_;
};

}  // namespace

std::string headingId(const std::string& text) {
    std::string t = util::trim(text);
    std::string id;
    for (const char* p = t.c_str(); *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == ' ' || c == '-') id += '-';
        else if (c == '_' || g_unichar_isalpha(c) || g_unichar_isdigit(c)) {
            char buf[8];
            int n = g_unichar_to_utf8(g_unichar_tolower(c), buf);
            id.append(buf, static_cast<size_t>(n));
        }
    }
    return id.empty() ? "heading" : id;
}

void prepareConverter() { cmark_gfm_core_extensions_ensure_registered(); }

ConvertedPage convertPage(const collect::Page& page, const std::string& contentRoot, diag::Diagnostics& diags) {
    return Converter(page, contentRoot, diags).run();
}

}  // namespace markdown
