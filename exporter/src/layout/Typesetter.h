// Shapes runs of inlines with Pango (once per paragraph) into justified LineBoxes of glyph runs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diag/Diagnostics.h"
#include "layout/Layout.h"
#include "model/Book.h"

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;

namespace layout {

struct TextStyle {
    std::string family;
    double size = 10;
    bool bold = false;
    bool italic = false;
    Color color;
};

// One line of a paragraph: runs placed relative to (line start, baseline).
struct LineBox {
    double x = 0;      // offset of the line from the paragraph's left edge (hanging indents)
    double width = 0;  // width the glyphs occupy after justification
    bool continuation = false;  // a wrapped code line (gets a continuation mark)
    std::vector<GlyphRun> runs;
    std::vector<LinkArea> links;  // rect.y relative to the baseline
    std::vector<StrokedPath> rules;  // strike-through lines, y relative to the baseline
};

// How a paragraph is set.
struct ParagraphFormat {
    TextStyle base;
    TextStyle code;     // inline code spans
    Color linkColor;
    double width = 0;   // points
    bool justify = true;
    bool hanSpacing = true;  // ¼ em between Han and Latin letters/digits
    enum class Align { Left, Center, Right } align = Align::Left;
    std::string chapterId;  // resolves footnote references
    // Emphasis in CJK text: a sans face, upright (clreq: no slanted Han; the CJK faces have no italic).
    std::string emphasisFamily = "Noto Sans CJK TC";
};

class Typesetter {
public:
    // fontMap is borrowed and must outlive the Typesetter; one Typesetter per thread.
    Typesetter(PangoFontMap* fontMap, FontTable& fonts, diag::Diagnostics& diags);
    ~Typesetter();
    Typesetter(const Typesetter&) = delete;
    Typesetter& operator=(const Typesetter&) = delete;

    // Sets inlines as a paragraph; glyphs missing from every font are reported at `pos`.
    std::vector<LineBox> paragraph(const std::vector<model::Inline>& inlines, const ParagraphFormat& format,
                                   const model::SourcePos& pos);
    std::vector<LineBox> text(const std::string& text, const ParagraphFormat& format,
                              const model::SourcePos& pos = {});

    // Sets highlighted code lines, wrapping long ones with a hanging indent of `markWidth`.
    std::vector<LineBox> code(const std::vector<model::CodeLine>& lines, const TextStyle& style,
                              double width, double markWidth, const model::SourcePos& pos);

    // Natural width of a single line of text.
    double measure(const std::string& text, const TextStyle& style);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Character classes used for spacing and justification (exposed for tests).
bool isHan(char32_t c);
bool isWideCjk(char32_t c);
bool isLatinAlnum(char32_t c);

// Colour of a highlighted token on the light code background.
Color tokenColor(model::TokenStyle style);

}  // namespace layout
