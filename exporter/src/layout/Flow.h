// The vertical list of a chapter (boxes, glue, keep rules) and the PageBreaker that cuts it into pages.
#pragma once

#include <string>
#include <vector>

#include "layout/Layout.h"
#include "layout/Style.h"
#include "layout/Typesetter.h"
#include "model/Book.h"

namespace layout {

// Background or bar drawn behind a run of boxes, cut per page (code blocks, block quotes).
struct Decoration {
    enum class Kind { Fill, LeftBar };
    Kind kind = Kind::Fill;
    double x = 0, w = 0;
    double padTop = 0, padBottom = 0;
    Color color;
    Color border;
    bool hasBorder = false;
};

// One unbreakable slice of the flow: a text line, a table row, an image, or glue.
struct FlowBox {
    double height = 0;
    bool glue = false;          // vertical space: dropped at a page top, never painted
    bool keepWithNext = false;  // no page break between this box and the next one
    bool pageBreakBefore = false;
    int table = -1;             // table rows: which table, to repeat its header rows
    bool headerRow = false;
    std::vector<int> decorations;
    std::vector<PageItem> items;  // x from the text block's left edge, y from the box top
    std::vector<LinkArea> links;
    std::vector<AnchorMark> anchors;  // y relative to the box top
    std::string outlineTitle;         // a section heading that goes into the PDF outline
    double baseline = 0;              // of the first text line, for list markers
};

struct Flow {
    std::vector<FlowBox> boxes;
    std::vector<Decoration> decorations;
    std::vector<std::vector<int>> tableHeaders;  // per table: indexes of its header-row boxes
};

// Turns a chapter's blocks into a Flow, shaping every paragraph once.
class FlowBuilder {
public:
    FlowBuilder(Typesetter& typesetter, const Style& style, diag::Diagnostics& diags);

    // Title block, blocks, then the chapter's footnotes (set at the chapter end).
    Flow chapter(const model::Chapter& chapter);

    // Building blocks, public for tests and front matter.
    void blocks(const std::vector<model::Block>& blocks, double x, double width);
    void block(const model::Block& b, double x, double width);
    void glue(double height);
    void textLines(const std::vector<LineBox>& lines, double x, double pitch, double size, bool keepAll);
    Flow take();

    ParagraphFormat bodyFormat(double width) const;

private:
    void paragraph(const model::Block& b, double x, double width);
    void heading(const model::Block& b, double x, double width);
    void codeBlock(const model::Block& b, double x, double width);
    void list(const model::Block& b, double x, double width);
    void table(const model::Block& b, double x, double width);
    void figure(const model::Block& b, double x, double width);
    void footnotes(const model::Chapter& c, double width);
    int pushDecoration(const Decoration& d);
    void popDecoration();

    Typesetter& ts_;
    const Style& style_;
    diag::Diagnostics& diags_;
    Flow flow_;
    std::vector<int> openDecorations_;
    std::string chapterId_;
    std::string sourceFile_;
    bool tight_ = false;
    int listDepth_ = 0;
    const model::Chapter* chapter_ = nullptr;
    double sizeScale_ = 1.0;  // footnotes are set smaller
};

// Where each page starts: box indexes per page, with header rows repeated.
struct PlacedBox {
    int box = 0;
    double y = 0;
};
using PagePlan = std::vector<PlacedBox>;

// Greedy page breaking with keep rules (widows/orphans, keep-with-next, short code
// blocks) and repeated table headers. Linear: each box is placed at most twice.
std::vector<PagePlan> breakPages(const Flow& flow, double pageHeight);

// Moves a page item by (dx, dy).
void translate(PageItem& item, double dx, double dy);

// Natural size of an image in points, or false if it cannot be read.
bool imageSize(const std::string& path, const std::string& mediaType, double& w, double& h);

}  // namespace layout
