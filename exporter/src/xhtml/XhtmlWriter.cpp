#include "xhtml/XhtmlWriter.h"

#include <pugixml.hpp>

#include <map>
#include <sstream>

namespace xhtml {

namespace {

const char* roleEpubType(model::Chapter::Role r) {
    switch (r) {
        case model::Chapter::Role::Introduction: return "introduction";
        case model::Chapter::Role::Module: return "part";
        case model::Chapter::Role::Appendix: return "appendix";
        default: return "chapter";
    }
}

const char* roleAria(model::Chapter::Role r) {
    switch (r) {
        case model::Chapter::Role::Introduction: return "doc-introduction";
        case model::Chapter::Role::Module: return "doc-part";
        case model::Chapter::Role::Appendix: return "doc-appendix";
        default: return "doc-chapter";
    }
}

const char* alignClass(model::Align a) {
    switch (a) {
        case model::Align::Left: return "al-left";
        case model::Align::Center: return "al-center";
        case model::Align::Right: return "al-right";
        default: return nullptr;
    }
}

class ChapterRenderer {
public:
    // singleDocument: every chapter goes into one document (for Pandoc), so
    // element ids are prefixed with the chapter id and links stay in the file.
    ChapterRenderer(const model::Book& book, const model::Chapter& chapter, bool singleDocument = false)
        : book_(book), chapter_(chapter), single_(singleDocument) {
        for (auto& ch : book.chapters) files_[ch.id] = chapterFile(ch);
    }

    std::string localId(const std::string& id) const { return single_ ? chapter_.id + "--" + id : id; }

    void blocks(pugi::xml_node parent, const std::vector<model::Block>& list, bool tight = false) {
        for (auto& b : list) block(parent, b, tight);
    }

    void block(pugi::xml_node parent, const model::Block& b, bool tight) {
        using K = model::Block::Kind;
        switch (b.kind) {
            case K::Paragraph:
                if (tight) inlines(parent, b.inlines);
                else inlines(parent.append_child("p"), b.inlines);
                break;
            case K::Heading: {
                int level = std::min(6, std::max(1, b.level));
                auto h = parent.append_child(("h" + std::to_string(level)).c_str());
                h.append_attribute("id") = localId(b.id).c_str();
                inlines(h, b.inlines);
                break;
            }
            case K::CodeBlock: codeBlock(parent, b); break;
            case K::BlockQuote: blocks(parent.append_child("blockquote"), b.children); break;
            case K::List: {
                auto l = parent.append_child(b.ordered ? "ol" : "ul");
                if (b.ordered && b.start != 1) l.append_attribute("start") = b.start;
                bool anyTask = false;
                for (auto& item : b.children) anyTask = anyTask || item.task != 0;
                if (anyTask) l.append_attribute("class") = "tasks";
                for (auto& item : b.children) {
                    auto li = l.append_child("li");
                    if (item.task) {
                        auto box = li.append_child("span");
                        box.append_attribute("class") = item.task == 2 ? "task done" : "task";
                        box.append_attribute("role") = "img";
                        box.append_attribute("aria-label") = item.task == 2 ? "已完成" : "未完成";
                        box.text().set(item.task == 2 ? "☑" : "☐");
                        li.append_child(pugi::node_pcdata).set_value(" ");
                    }
                    blocks(li, item.children, b.tight);
                }
                break;
            }
            case K::ListItem: blocks(parent.append_child("li"), b.children); break;
            case K::Table: table(parent, b); break;
            case K::ThematicBreak: parent.append_child("hr"); break;
            case K::Figure: {
                auto fig = parent.append_child("figure");
                inlines(fig, b.inlines);
                if (!b.caption.empty()) inlines(fig.append_child("figcaption"), b.caption);
                break;
            }
            case K::Anchor: {
                auto s = parent.append_child("span");
                s.append_attribute("id") = localId(b.id).c_str();
                break;
            }
            case K::Footnote: break;  // rendered at the chapter's end
        }
    }

    void codeBlock(pugi::xml_node parent, const model::Block& b) {
        auto wrap = parent.append_child("div");
        wrap.append_attribute("class") = "code";
        if (!b.title.empty()) {
            auto t = wrap.append_child("p");
            t.append_attribute("class") = "code-title";
            t.text().set(xmlSafe(b.title).c_str());
        }
        auto pre = wrap.append_child("pre");
        if (!b.lang.empty()) pre.append_attribute("data-lang") = xmlSafe(b.lang).c_str();
        auto code = pre.append_child("code");
        std::string pending;  // Normal text is merged into one text node
        auto flush = [&] {
            if (!pending.empty()) code.append_child(pugi::node_pcdata).set_value(xmlSafe(pending).c_str());
            pending.clear();
        };
        for (size_t i = 0; i < b.lines.size(); ++i) {
            for (auto& tok : b.lines[i]) {
                if (tok.style == model::TokenStyle::Normal) {
                    pending += tok.text;
                    continue;
                }
                flush();
                auto span = code.append_child("span");
                span.append_attribute("class") = tokenClass(tok.style);
                span.text().set(xmlSafe(tok.text).c_str());
            }
            if (i + 1 < b.lines.size()) pending += '\n';
        }
        flush();
    }

    void table(pugi::xml_node parent, const model::Block& b) {
        auto wrap = parent.append_child("div");
        wrap.append_attribute("class") = "table-wrap";
        auto t = wrap.append_child("table");
        pugi::xml_node head, body;
        for (size_t r = 0; r < b.rows.size(); ++r) {
            bool header = static_cast<int>(r) < b.headerRows;
            pugi::xml_node& section = header ? head : body;
            if (!section) section = t.append_child(header ? "thead" : "tbody");
            auto tr = section.append_child("tr");
            for (size_t c = 0; c < b.rows[r].cells.size(); ++c) {
                auto cell = tr.append_child(header ? "th" : "td");
                if (c < b.aligns.size())
                    if (const char* cls = alignClass(b.aligns[c])) cell.append_attribute("class") = cls;
                inlines(cell, b.rows[r].cells[c].inlines);
            }
        }
    }

    void inlines(pugi::xml_node parent, const std::vector<model::Inline>& list) {
        for (auto& in : list) inlineNode(parent, in);
    }

    void inlineNode(pugi::xml_node parent, const model::Inline& in) {
        using K = model::Inline::Kind;
        switch (in.kind) {
            case K::Text: text(parent, in.text); break;
            case K::Code: parent.append_child("code").text().set(xmlSafe(in.text).c_str()); break;
            case K::Emph: inlines(parent.append_child("em"), in.children); break;
            case K::Strong: inlines(parent.append_child("strong"), in.children); break;
            case K::Strike: inlines(parent.append_child("del"), in.children); break;
            case K::Superscript: inlines(parent.append_child("sup"), in.children); break;
            case K::Subscript: inlines(parent.append_child("sub"), in.children); break;
            case K::LineBreak: parent.append_child("br"); break;
            case K::Image: {
                auto img = parent.append_child("img");
                img.append_attribute("src") = in.src.c_str();
                img.append_attribute("alt") = xmlSafe(in.text).c_str();
                if (!in.title.empty()) img.append_attribute("title") = xmlSafe(in.title).c_str();
                break;
            }
            case K::FootnoteRef: {
                int n = ++refCount_[in.anchor];
                auto a = parent.append_child("a");
                std::string refId = "fnref-" + in.text + (n > 1 ? "-" + std::to_string(n) : "");
                a.append_attribute("id") = localId(refId).c_str();
                a.append_attribute("href") = ("#" + localId(in.anchor)).c_str();
                a.append_attribute("epub:type") = "noteref";
                a.append_attribute("role") = "doc-noteref";
                a.append_attribute("class") = "noteref";
                a.text().set(in.text.c_str());
                break;
            }
            case K::Link: {
                const auto& t = in.target;
                if (t.kind == model::LinkTarget::Kind::None) {
                    inlines(parent, in.children);
                    break;
                }
                auto a = parent.append_child("a");
                std::string href;
                if (t.kind == model::LinkTarget::Kind::External) {
                    href = t.url;
                    a.append_attribute("class") = "external";
                } else if (single_) {
                    href = "#" + (t.anchor.empty() ? t.chapterId : t.chapterId + "--" + t.anchor);
                } else {
                    if (t.chapterId != chapter_.id) href = files_[t.chapterId];
                    if (!t.anchor.empty()) href += "#" + t.anchor;
                    if (href.empty()) href = "#" + (chapter_.id);
                }
                a.append_attribute("href") = xmlSafe(href).c_str();
                if (!in.title.empty()) a.append_attribute("title") = xmlSafe(in.title).c_str();
                inlines(a, in.children);
                break;
            }
        }
    }

    void text(pugi::xml_node parent, const std::string& s) {
        parent.append_child(pugi::node_pcdata).set_value(xmlSafe(s).c_str());
    }

    void footnotes(pugi::xml_node parent) {
        if (chapter_.footnotes.empty()) return;
        auto sec = parent.append_child("section");
        sec.append_attribute("class") = "footnotes";
        sec.append_attribute("epub:type") = "footnotes";
        auto hr = sec.append_child("hr");
        hr.append_attribute("class") = "footnotes-rule";
        for (auto& fn : chapter_.footnotes) {
            auto aside = sec.append_child("aside");
            aside.append_attribute("id") = localId(fn.id).c_str();
            aside.append_attribute("epub:type") = "footnote";
            aside.append_attribute("role") = "doc-footnote";
            auto num = aside.append_child("p");
            num.append_attribute("class") = "fn-label";
            auto back = num.append_child("a");
            back.append_attribute("href") = ("#" + localId("fnref-" + fn.label)).c_str();
            back.append_attribute("role") = "doc-backlink";
            back.text().set((fn.label + ".").c_str());
            blocks(aside, fn.children);
        }
    }

private:
    const model::Book& book_;
    const model::Chapter& chapter_;
    std::map<std::string, std::string> files_;
    std::map<std::string, int> refCount_;
    bool single_ = false;
};

}  // namespace

std::string chapterFile(const model::Chapter& chapter) { return chapter.id + ".xhtml"; }

const char* tokenClass(model::TokenStyle style) {
    using S = model::TokenStyle;
    switch (style) {
        case S::Keyword: return "kw";
        case S::ControlFlow: return "cf";
        case S::Function: return "fu";
        case S::Variable: return "va";
        case S::Operator: return "op";
        case S::BuiltIn: return "bu";
        case S::Extension: return "ex";
        case S::Preprocessor: return "pp";
        case S::Attribute: return "at";
        case S::String: return "st";
        case S::Char: return "ch";
        case S::SpecialString: return "ss";
        case S::Number: return "dv";
        case S::Constant: return "cn";
        case S::DataType: return "dt";
        case S::Comment: return "co";
        case S::Documentation: return "do";
        case S::Annotation: return "an";
        case S::Error: return "er";
        case S::Warning: return "wa";
        case S::Other: return "ot";
        default: return "nm";
    }
}

std::string xmlSafe(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        // U+FFFE, U+FFFF: EF BF BE / EF BF BF
        if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

namespace {

void appendChapter(pugi::xml_node body, const model::Book& book, const model::Chapter& chapter, bool single) {
    auto section = body.append_child("section");
    section.append_attribute("id") = chapter.id.c_str();
    section.append_attribute("epub:type") = roleEpubType(chapter.role);
    section.append_attribute("role") = roleAria(chapter.role);
    section.append_attribute("class") = roleEpubType(chapter.role);
    // In one collected document the heading level carries the book's nesting.
    int level = single ? std::min(6, 1 + chapter.depth) : 1;
    auto h1 = section.append_child(("h" + std::to_string(level)).c_str());
    h1.append_attribute("class") = "chapter-title";
    h1.text().set(xmlSafe(chapter.title).c_str());
    ChapterRenderer r(book, chapter, single);
    r.blocks(section, chapter.blocks);
    r.footnotes(section);
}

std::string serialize(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

}  // namespace

void declareXml(pugi::xml_document& doc) {
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
}

pugi::xml_node beginDocument(pugi::xml_document& doc, const model::Book& book, const std::string& title,
                             const std::string& stylesheet) {
    declareXml(doc);
    doc.append_child(pugi::node_doctype).set_value("html");
    auto html = doc.append_child("html");
    html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
    html.append_attribute("xmlns:epub") = "http://www.idpf.org/2007/ops";
    html.append_attribute("lang") = book.meta.language.c_str();
    html.append_attribute("xml:lang") = book.meta.language.c_str();
    auto head = html.append_child("head");
    head.append_child("meta").append_attribute("charset") = "UTF-8";
    head.append_child("title").text().set(xmlSafe(title).c_str());
    if (!stylesheet.empty()) {
        auto link = head.append_child("link");
        link.append_attribute("rel") = "stylesheet";
        link.append_attribute("type") = "text/css";
        link.append_attribute("href") = stylesheet.c_str();
    }
    return html.append_child("body");
}

std::string renderChapter(const model::Book& book, const model::Chapter& chapter, const XhtmlOptions& options) {
    pugi::xml_document doc;
    auto body = beginDocument(doc, book, chapter.title, options.stylesheet);
    appendChapter(body, book, chapter, false);
    return serialize(doc);
}

std::string renderCollected(const model::Book& book, const XhtmlOptions& options) {
    pugi::xml_document doc;
    std::string title = book.meta.seriesTitle + "：路徑 " + book.meta.pathId + " " + book.meta.pathName;
    auto body = beginDocument(doc, book, title, options.stylesheet);
    for (auto& ch : book.chapters) appendChapter(body, book, ch, true);
    return serialize(doc);
}

}  // namespace xhtml
