// The document model passed between stages: a Book of Chapters of Blocks of Inlines.
// Plain data, no library types, so the XHTML/EPUB and layout/PDF stages share it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace model {

struct SourcePos {
    std::string file;  // as given on the command line, e.g. content/01-asyncio/_index.md
    int line = 0;
    int col = 0;
};

// Where a link goes once resolved against the book.
struct LinkTarget {
    enum class Kind {
        None,      // not resolved (plain text)
        Internal,  // a chapter of this book, optionally an anchor in it
        External,  // an absolute URL (web, mailto, or the series' site)
    };
    Kind kind = Kind::None;
    std::string chapterId;  // Internal: Chapter::id
    std::string anchor;     // Internal: element id inside the chapter ("" = top)
    std::string url;        // External
};

// Highlighting classes, independent of the highlighter that produced them.
enum class TokenStyle : uint8_t {
    Normal, Keyword, ControlFlow, Function, Variable, Operator, BuiltIn, Extension,
    Preprocessor, Attribute, String, Char, SpecialString, Number, Constant, DataType,
    Comment, Documentation, Annotation, Error, Warning, Other,
};

struct CodeToken {
    TokenStyle style = TokenStyle::Normal;
    std::string text;  // UTF-8, never contains '\n'
};

using CodeLine = std::vector<CodeToken>;

struct Inline {
    enum class Kind {
        Text,         // text
        Code,         // text (inline code)
        Emph,         // children
        Strong,       // children
        Strike,       // children
        Link,         // children + target
        Image,        // text = alt, src = chapter-relative asset href
        LineBreak,    // hard break
        FootnoteRef,  // text = label number as shown ("1"), anchor = footnote id
        Superscript,  // children
        Subscript,    // children
    };
    Kind kind = Kind::Text;
    std::string text;
    std::vector<Inline> children;
    LinkTarget target;     // Link
    std::string src;       // Image: Asset::href
    std::string anchor;    // FootnoteRef: id of the footnote's Block
    std::string title;     // Link/Image title attribute
};

enum class Align : uint8_t { None, Left, Center, Right };

struct Block;

struct TableCell {
    std::vector<Inline> inlines;
};

struct TableRow {
    std::vector<TableCell> cells;
};

struct Block {
    enum class Kind {
        Paragraph,      // inlines
        Heading,        // level, id, inlines
        CodeBlock,      // lang, code, lines (highlighted), title
        BlockQuote,     // children
        List,           // ordered, start, tight, children (each a ListItem)
        ListItem,       // children; task: 0 none, 1 unchecked, 2 checked
        Table,          // aligns, rows (first headerRows rows are the header)
        ThematicBreak,
        Figure,         // inlines holds one Image (+ caption in caption)
        Anchor,         // id only: an explicit anchor from raw HTML (<a id>)
        Footnote,       // id, label, children; collected at the chapter end
    };
    Kind kind = Kind::Paragraph;
    SourcePos pos;
    int level = 0;
    std::string id;
    std::vector<Inline> inlines;
    std::vector<Block> children;

    // CodeBlock
    std::string lang;   // normalised language name ("python"), "" if none
    std::string title;  // from info string title="x.py"
    std::string code;   // raw text
    std::vector<CodeLine> lines;

    // List / ListItem
    bool ordered = false;
    int start = 1;
    bool tight = true;
    int task = 0;

    // Table
    std::vector<Align> aligns;
    std::vector<TableRow> rows;
    int headerRows = 0;

    // Figure
    std::vector<Inline> caption;

    // Footnote
    std::string label;  // number as shown
};

// An image or other file a chapter uses, copied into the book.
struct Asset {
    std::string sourcePath;  // on disk
    std::string href;        // inside the book, e.g. "images/01-asyncio-fundamentals-loop.png"
    std::string mediaType;   // image/png, image/jpeg, image/gif, image/svg+xml
};

struct Chapter {
    enum class Role { Introduction, Module, Chapter, Appendix };
    Role role = Role::Chapter;
    std::string id;          // unique in the book, usable as a file name stem and XML id
    std::string title;
    std::string description;
    std::string sourceFile;
    std::string url;         // the page's URL on the site, e.g. /01-asyncio/fundamentals/
    int depth = 0;           // 0 introduction and modules, 1 chapters inside a module, ...
    std::vector<Block> blocks;
    std::vector<Block> footnotes;  // Kind::Footnote, in order of first reference
    std::vector<Asset> assets;
};

struct BookMeta {
    std::string seriesTitle;    // 「Python 進階指南」
    std::string seriesDescription;
    std::string pathId;         // "A"
    std::string pathName;       // "Web/API 開發者"
    std::string pathFocus;      // 重點
    std::string version;        // "v0.1.0"
    std::string language = "zh-Hant";
    std::string author;
    std::string publisher;
    std::string identifier;     // urn:uuid:..., deterministic
    int64_t sourceDateEpoch = 0;
    std::string baseUrl;
    std::vector<std::string> keywords;
};

struct Book {
    BookMeta meta;
    std::vector<Chapter> chapters;  // reading order: introduction, module, its chapters, ...
};

}  // namespace model
