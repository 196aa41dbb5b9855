// Turns model blocks into FlowBoxes: text lines, code lines, table rows, images, with keep rules.
#include <algorithm>
#include <cmath>
#include <string>

#include "layout/Flow.h"

namespace layout {

namespace {

std::string plainText(const std::vector<model::Inline>& inlines) {
    std::string out;
    for (const auto& in : inlines) {
        if (in.kind == model::Inline::Kind::FootnoteRef) continue;
        if (in.kind == model::Inline::Kind::LineBreak) out += ' ';
        out += in.text;
        out += plainText(in.children);
    }
    return out;
}

std::vector<model::CodeLine> plainCode(const std::string& code) {
    std::vector<model::CodeLine> lines;
    size_t start = 0;
    while (start <= code.size()) {
        size_t end = code.find('\n', start);
        if (end == std::string::npos) end = code.size();
        model::CodeLine line;
        if (end > start) line.push_back({model::TokenStyle::Normal, code.substr(start, end - start)});
        lines.push_back(std::move(line));
        if (end == code.size()) break;
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

}  // namespace

FlowBuilder::FlowBuilder(Typesetter& typesetter, const Style& style, diag::Diagnostics& diags)
    : ts_(typesetter), style_(style), diags_(diags) {}

Flow FlowBuilder::take() {
    Flow f = std::move(flow_);
    flow_ = {};
    return f;
}

ParagraphFormat FlowBuilder::bodyFormat(double width) const {
    ParagraphFormat f;
    f.base = {style_.bodyFamily, style_.bodySize * sizeScale_, false, false, style_.text};
    f.code = {style_.codeFamily, style_.bodySize * sizeScale_ * 0.9, false, false, style_.inlineCode};
    f.linkColor = style_.link;
    f.width = width;
    f.justify = true;
    f.chapterId = chapterId_;
    f.emphasisFamily = style_.headingFamily;
    return f;
}

int FlowBuilder::pushDecoration(const Decoration& d) {
    flow_.decorations.push_back(d);
    int id = int(flow_.decorations.size()) - 1;
    openDecorations_.push_back(id);
    return id;
}

void FlowBuilder::popDecoration() { openDecorations_.pop_back(); }

void FlowBuilder::glue(double height) {
    if (!flow_.boxes.empty() && flow_.boxes.back().glue) {
        flow_.boxes.back().height = std::max(flow_.boxes.back().height, height);
        return;
    }
    FlowBox g;
    g.glue = true;
    g.height = height;
    flow_.boxes.push_back(std::move(g));
}

void FlowBuilder::textLines(const std::vector<LineBox>& lines, double x, double pitch, double size, bool keepAll) {
    const size_t n = lines.size();
    for (size_t k = 0; k < n; ++k) {
        FlowBox b;
        b.height = pitch;
        b.baseline = pitch / 2 + 0.38 * size;
        for (const GlyphRun& run : lines[k].runs) {
            GlyphRun r = run;
            r.x += x + lines[k].x;
            r.y += b.baseline;
            b.items.emplace_back(std::move(r));
        }
        for (const LinkArea& l : lines[k].links) {
            LinkArea a = l;
            a.rect.x += x + lines[k].x;
            a.rect.y += b.baseline;
            b.links.push_back(std::move(a));
        }
        for (StrokedPath rule : lines[k].rules) {
            for (Point& p : rule.points) p.x += x + lines[k].x, p.y += b.baseline;
            b.items.emplace_back(std::move(rule));
        }
        b.decorations = openDecorations_;
        // No single line of a paragraph alone at a page bottom (orphan) or top (widow).
        b.keepWithNext = keepAll ? k + 1 < n : n >= 2 && (k == 0 || k + 2 == n);
        flow_.boxes.push_back(std::move(b));
    }
}

Flow FlowBuilder::chapter(const model::Chapter& c) {
    chapterId_ = c.id;
    sourceFile_ = c.sourceFile;
    chapter_ = &c;
    const double width = style_.contentWidth();
    const bool module = c.role == model::Chapter::Role::Module;
    FlowBox top;
    top.height = module ? style_.contentHeight() * 0.18 : style_.bodySize * 2.5;
    top.keepWithNext = true;
    flow_.boxes.push_back(std::move(top));

    ParagraphFormat tf;
    tf.base = {style_.headingFamily, style_.titleSize * (module ? 1.25 : 1.0), true, false, style_.accent};
    tf.code = {style_.codeFamily, tf.base.size * 0.9, true, false, style_.accent};
    tf.width = width;
    tf.justify = false;
    tf.chapterId = c.id;
    model::SourcePos pos{c.sourceFile, 1, 1};
    textLines(ts_.text(c.title, tf, pos), 0, tf.base.size * 1.35, tf.base.size, true);
    flow_.boxes.back().keepWithNext = true;
    FlowBox ruleBox;
    ruleBox.height = style_.bodySize * 1.2;
    ruleBox.items.emplace_back(strokedPath({{0, ruleBox.height / 2}, {width, ruleBox.height / 2}}, 0.8, style_.accent));
    ruleBox.keepWithNext = true;
    flow_.boxes.push_back(std::move(ruleBox));
    // A description that only repeats the first paragraph is not set twice.
    const bool repeated = !c.blocks.empty() && c.blocks[0].kind == model::Block::Kind::Paragraph &&
                          plainText(c.blocks[0].inlines) == c.description;
    if (!c.description.empty() && !repeated) {
        ParagraphFormat df = bodyFormat(width);
        df.base.color = style_.muted;
        df.base.family = style_.headingFamily;
        df.justify = false;
        textLines(ts_.text(c.description, df, pos), 0, df.base.size * 1.6, df.base.size, true);
    }
    glue(style_.bodySize * style_.bodyLeading * 1.2);
    blocks(c.blocks, 0, width);
    footnotes(c, width);
    chapter_ = nullptr;
    return take();
}

void FlowBuilder::blocks(const std::vector<model::Block>& bs, double x, double width) {
    for (const model::Block& b : bs) block(b, x, width);
}

void FlowBuilder::block(const model::Block& b, double x, double width) {
    using K = model::Block::Kind;
    const double pitch = style_.bodySize * sizeScale_ * style_.bodyLeading;
    switch (b.kind) {
    case K::Paragraph: paragraph(b, x, width); break;
    case K::Heading: heading(b, x, width); break;
    case K::CodeBlock: codeBlock(b, x, width); break;
    case K::BlockQuote: {
        glue(pitch * style_.paragraphGap);
        Decoration d;
        d.kind = Decoration::Kind::LeftBar;
        d.x = x;
        d.w = 2.5;
        d.color = style_.quoteBar;
        d.padTop = 1, d.padBottom = 1;
        pushDecoration(d);
        double indent = style_.quoteIndent * style_.bodySize;
        blocks(b.children, x + indent, width - indent);
        popDecoration();
        glue(pitch * style_.paragraphGap);
        break;
    }
    case K::List: list(b, x, width); break;
    case K::ListItem: blocks(b.children, x, width); break;
    case K::Table: table(b, x, width); break;
    case K::ThematicBreak: {
        glue(pitch * 0.5);
        FlowBox r;
        r.height = pitch;
        double w = width / 4;
        r.items.emplace_back(strokedPath({{x + (width - w) / 2, pitch / 2}, {x + (width + w) / 2, pitch / 2}}, 0.6,
                                         style_.rule));
        flow_.boxes.push_back(std::move(r));
        glue(pitch * 0.5);
        break;
    }
    case K::Figure: figure(b, x, width); break;
    case K::Anchor: {
        FlowBox a;
        a.keepWithNext = true;
        a.anchors.push_back({chapterId_ + "#" + b.id, 0});
        flow_.boxes.push_back(std::move(a));
        break;
    }
    case K::Footnote: break;  // set at the chapter end from Chapter::footnotes
    }
}

void FlowBuilder::paragraph(const model::Block& b, double x, double width) {
    ParagraphFormat f = bodyFormat(width);
    const double pitch = f.base.size * style_.bodyLeading;
    auto lines = ts_.paragraph(b.inlines, f, b.pos);
    size_t first = flow_.boxes.size();
    textLines(lines, x, pitch, f.base.size, false);
    if (!b.id.empty() && first < flow_.boxes.size()) flow_.boxes[first].anchors.push_back({chapterId_ + "#" + b.id, 0});
    glue(pitch * (tight_ ? 0.15 : style_.paragraphGap));
}

void FlowBuilder::heading(const model::Block& b, double x, double width) {
    int level = std::clamp(b.level, 1, 6);
    ParagraphFormat f = bodyFormat(width);
    f.base.family = style_.headingFamily;
    f.base.size = style_.headingSizes[level - 1] * sizeScale_;
    f.base.bold = true;
    f.base.color = level <= 2 ? style_.accent : style_.text;
    f.code.size = f.base.size * 0.9;
    f.code.bold = true;
    f.justify = false;
    glue(f.base.size * (level <= 2 ? 1.6 : 1.1));
    size_t first = flow_.boxes.size();
    textLines(ts_.paragraph(b.inlines, f, b.pos), x, f.base.size * 1.45, f.base.size, true);
    if (first == flow_.boxes.size()) return;
    flow_.boxes.back().keepWithNext = true;
    FlowBox& head = flow_.boxes[first];
    if (!b.id.empty()) head.anchors.push_back({chapterId_ + "#" + b.id, 0});
    if (level <= 2) head.outlineTitle = plainText(b.inlines);
    glue(f.base.size * 0.55);
}

void FlowBuilder::codeBlock(const model::Block& b, double x, double width) {
    const double pitch = style_.bodySize * sizeScale_ * style_.bodyLeading;
    const double size = style_.codeSize * sizeScale_;
    const double linePitch = size * style_.codeLeading;
    const double padX = 7, padY = 5;
    const double markWidth = size * 1.4;
    glue(pitch * style_.paragraphGap + padY);
    if (!b.title.empty()) {
        ParagraphFormat tf = bodyFormat(width);
        tf.base = {style_.codeFamily, size, true, false, style_.muted};
        tf.justify = false;
        textLines(ts_.text(b.title, tf, b.pos), x, size * 1.8, size, true);
        flow_.boxes.back().keepWithNext = true;
        flow_.boxes.back().height += padY;  // room for the shading's top padding
    }
    Decoration d;
    d.kind = Decoration::Kind::Fill;
    d.x = x;
    d.w = width;
    d.padTop = padY, d.padBottom = padY;
    d.color = style_.codeBackground;
    d.border = style_.codeBorder;
    d.hasBorder = true;
    pushDecoration(d);
    TextStyle cs{style_.codeFamily, size, false, false, style_.text};
    const auto& source = b.lines.empty() ? plainCode(b.code) : b.lines;
    auto lines = ts_.code(source, cs, width - 2 * padX, markWidth, b.pos);
    const size_t n = lines.size();
    const bool keepWhole = int(std::count_if(lines.begin(), lines.end(), [](auto& l) { return !l.continuation; })) <=
                           style_.shortCodeBlockLines;
    size_t first = flow_.boxes.size();
    textLines(lines, x + padX, linePitch, size, keepWhole);
    for (size_t k = 0; k < n; ++k) {
        FlowBox& box = flow_.boxes[first + k];
        if (!keepWhole) box.keepWithNext = k < 1 || k + 2 >= n ? k + 1 < n : false;
        if (k + 1 < n && lines[k + 1].continuation) box.keepWithNext = true;  // a wrapped line stays whole
        if (!lines[k].continuation) continue;
        // The continuation mark: a hooked arrow in the hanging indent of the wrapped line.
        const double mx = x + padX, base = box.baseline, s = size;
        const Color mark = style_.muted;
        box.items.emplace_back(strokedPath({{mx + 0.3 * s, base - 0.72 * s},
                                            {mx + 0.3 * s, base - 0.3 * s},
                                            {mx + markWidth - 0.35 * s, base - 0.3 * s}},
                                           0.6, mark));
        box.items.emplace_back(strokedPath({{mx + markWidth - 0.58 * s, base - 0.48 * s},
                                            {mx + markWidth - 0.35 * s, base - 0.3 * s},
                                            {mx + markWidth - 0.58 * s, base - 0.12 * s}},
                                           0.6, mark));
    }
    popDecoration();
    glue(pitch * style_.paragraphGap + padY);
}

void FlowBuilder::list(const model::Block& b, double x, double width) {
    const double size = style_.bodySize * sizeScale_;
    const double pitch = size * style_.bodyLeading;
    const double indent = style_.listIndent * size;
    bool outerTight = tight_;
    tight_ = b.tight;
    ++listDepth_;
    glue(pitch * (outerTight ? 0.15 : style_.paragraphGap));
    int number = b.start;
    for (const model::Block& item : b.children) {
        size_t first = flow_.boxes.size();
        if (item.kind == model::Block::Kind::ListItem) blocks(item.children, x + indent, width - indent);
        else block(item, x + indent, width - indent);
        while (first < flow_.boxes.size() && flow_.boxes[first].glue) ++first;
        if (first >= flow_.boxes.size()) {
            FlowBox empty;
            empty.height = pitch;
            empty.baseline = pitch / 2 + 0.38 * size;
            flow_.boxes.push_back(std::move(empty));
        }
        FlowBox& box = flow_.boxes[first];
        double base = box.baseline > 0 ? box.baseline : pitch / 2 + 0.38 * size;
        if (item.task) {
            double s = size * 0.72, bx = x + indent - size * 0.5 - s, by = base - size * 0.66;
            box.items.emplace_back(
                strokedPath({{bx, by}, {bx + s, by}, {bx + s, by + s}, {bx, by + s}}, 0.6, style_.text, true));
            if (item.task == 2)
                box.items.emplace_back(strokedPath(
                    {{bx + s * 0.2, by + s * 0.5}, {bx + s * 0.42, by + s * 0.75}, {bx + s * 0.85, by + s * 0.15}},
                    0.9, style_.accent));
        } else {
            ParagraphFormat mf = bodyFormat(0);
            if (!b.ordered) mf.base.size *= 0.45;  // geometric shapes are em-sized in CJK fonts
            mf.justify = false;
            mf.hanSpacing = false;
            std::string marker = b.ordered ? std::to_string(number) + "." : (listDepth_ % 2 ? "●" : "○");
            auto lines = ts_.text(marker, mf, item.pos);
            if (!lines.empty()) {
                double mx = x + indent - size * 0.45 - lines[0].width;
                for (GlyphRun r : lines[0].runs) {
                    r.x += mx;
                    r.y += base - (b.ordered ? 0 : size * 0.22);
                    if (!b.ordered) r.color = style_.muted;
                    box.items.emplace_back(std::move(r));
                }
            }
        }
        ++number;
        glue(pitch * (tight_ ? 0.15 : style_.paragraphGap));
    }
    --listDepth_;
    tight_ = outerTight;
    glue(pitch * (outerTight ? 0.15 : style_.paragraphGap));
}

void FlowBuilder::table(const model::Block& b, double x, double width) {
    const double size = style_.tableSize * sizeScale_;
    const double pitch = size * 1.55;
    const double pad = 4.5;
    size_t cols = 0;
    for (const auto& row : b.rows) cols = std::max(cols, row.cells.size());
    if (cols == 0) return;
    auto cellFormat = [&](size_t c, bool header, double w) {
        ParagraphFormat f = bodyFormat(w);
        f.base.size = size;
        f.code.size = size * 0.9;
        f.base.bold = header;
        f.justify = false;
        model::Align a = c < b.aligns.size() ? b.aligns[c] : model::Align::None;
        f.align = a == model::Align::Center  ? ParagraphFormat::Align::Center
                  : a == model::Align::Right ? ParagraphFormat::Align::Right
                                             : ParagraphFormat::Align::Left;
        return f;
    };
    // Column widths: each column gets its natural width if all fit, else a fair
    // share plus part of what remains in proportion to how much more it wants.
    std::vector<double> natural(cols, size * 2);
    for (size_t r = 0; r < b.rows.size(); ++r)
        for (size_t c = 0; c < b.rows[r].cells.size(); ++c) {
            auto lines = ts_.paragraph(b.rows[r].cells[c].inlines, cellFormat(c, int(r) < b.headerRows, 0), b.pos);
            for (auto& l : lines) natural[c] = std::max(natural[c], l.width + 0.5);
        }
    const double avail = width - 2 * pad * double(cols);
    std::vector<double> colW(cols);
    double total = 0;
    for (double v : natural) total += v;
    if (total <= avail) {
        for (size_t c = 0; c < cols; ++c) colW[c] = natural[c] + (avail - total) / double(cols);
    } else {
        double fair = avail / double(cols), used = 0, want = 0;
        for (size_t c = 0; c < cols; ++c) {
            colW[c] = std::min(natural[c], fair);
            used += colW[c];
            want += natural[c] - colW[c];
        }
        for (size_t c = 0; c < cols; ++c)
            if (want > 0) colW[c] += (avail - used) * (natural[c] - colW[c]) / want;
    }
    glue(style_.bodySize * style_.bodyLeading * style_.paragraphGap);
    int tableId = int(flow_.tableHeaders.size());
    flow_.tableHeaders.emplace_back();
    for (size_t r = 0; r < b.rows.size(); ++r) {
        const bool header = int(r) < b.headerRows;
        FlowBox box;
        box.table = tableId;
        box.headerRow = header;
        box.keepWithNext = header;
        box.decorations = openDecorations_;
        double cx = x;
        size_t maxLines = 1;
        std::vector<std::vector<LineBox>> cells(cols);
        for (size_t c = 0; c < cols; ++c) {
            if (c < b.rows[r].cells.size())
                cells[c] = ts_.paragraph(b.rows[r].cells[c].inlines, cellFormat(c, header, colW[c]), b.pos);
            maxLines = std::max(maxLines, cells[c].size());
        }
        box.height = double(maxLines) * pitch + 2 * pad;
        if (header) box.items.emplace_back(FilledRect{{x, 0, width, box.height}, style_.tableHeaderBackground});
        for (size_t c = 0; c < cols; ++c) {
            for (size_t k = 0; k < cells[c].size(); ++k) {
                double baseline = pad + double(k) * pitch + pitch / 2 + 0.38 * size;
                for (GlyphRun run : cells[c][k].runs) {
                    run.x += cx + pad + cells[c][k].x;
                    run.y += baseline;
                    box.items.emplace_back(std::move(run));
                }
                for (StrokedPath rule : cells[c][k].rules) {
                    for (Point& p : rule.points) p.x += cx + pad + cells[c][k].x, p.y += baseline;
                    box.items.emplace_back(std::move(rule));
                }
                for (LinkArea l : cells[c][k].links) {
                    l.rect.x += cx + pad + cells[c][k].x;
                    l.rect.y += baseline;
                    box.links.push_back(std::move(l));
                }
            }
            cx += colW[c] + 2 * pad;
        }
        const bool last = r + 1 == b.rows.size();
        if (r == 0) box.items.emplace_back(strokedPath({{x, 0}, {x + width, 0}}, 0.9, style_.text));
        double w = header && int(r) + 1 == b.headerRows ? 0.6 : last ? 0.9 : 0.3;
        Color c = header || last ? style_.text : style_.rule;
        box.items.emplace_back(strokedPath({{x, box.height}, {x + width, box.height}}, w, c));
        if (header) flow_.tableHeaders.back().push_back(int(flow_.boxes.size()));
        flow_.boxes.push_back(std::move(box));
    }
    glue(style_.bodySize * style_.bodyLeading * style_.paragraphGap);
}

void FlowBuilder::figure(const model::Block& b, double x, double width) {
    const double pitch = style_.bodySize * style_.bodyLeading;
    const model::Inline* image = nullptr;
    for (const auto& in : b.inlines)
        if (in.kind == model::Inline::Kind::Image) image = &in;
    glue(pitch * style_.paragraphGap);
    if (image) {
        const model::Asset* asset = nullptr;
        if (chapter_)
            for (const auto& a : chapter_->assets)
                if (a.href == image->src) asset = &a;
        double w = 0, h = 0;
        if (!asset) {
            diags_.error(b.pos, "image '" + image->src + "' is not among the chapter's assets");
        } else if (!imageSize(asset->sourcePath, asset->mediaType, w, h) || w <= 0 || h <= 0) {
            diags_.error(b.pos, "cannot read image '" + asset->sourcePath + "'");
        } else {
            double s = std::min({1.0, width / w, style_.contentHeight() * 0.6 / h});
            FlowBox box;
            box.height = h * s;
            box.keepWithNext = !b.caption.empty();
            box.decorations = openDecorations_;
            box.items.emplace_back(PlacedImage{{x + (width - w * s) / 2, 0, w * s, h * s}, asset->sourcePath,
                                               asset->mediaType});
            if (!b.id.empty()) box.anchors.push_back({chapterId_ + "#" + b.id, 0});
            flow_.boxes.push_back(std::move(box));
        }
    }
    if (!b.caption.empty()) {
        ParagraphFormat cf = bodyFormat(width);
        cf.base.size = style_.smallSize;
        cf.base.color = style_.muted;
        cf.justify = false;
        cf.align = ParagraphFormat::Align::Center;
        glue(4);
        textLines(ts_.paragraph(b.caption, cf, b.pos), x, cf.base.size * 1.6, cf.base.size, true);
    }
    glue(pitch * style_.paragraphGap);
}

void FlowBuilder::footnotes(const model::Chapter& c, double width) {
    if (c.footnotes.empty()) return;
    const double pitch = style_.bodySize * style_.bodyLeading;
    glue(pitch);
    FlowBox rule;
    rule.height = pitch * 0.8;
    rule.keepWithNext = true;
    rule.items.emplace_back(strokedPath({{0, rule.height / 2}, {width / 3, rule.height / 2}}, 0.5, style_.rule));
    flow_.boxes.push_back(std::move(rule));
    sizeScale_ = style_.smallSize / style_.bodySize;
    const double size = style_.bodySize * sizeScale_;
    const double indent = size * 2.2;
    for (const model::Block& fn : c.footnotes) {
        size_t first = flow_.boxes.size();
        bool wasTight = tight_;
        tight_ = true;
        blocks(fn.children, indent, width - indent);
        tight_ = wasTight;
        while (first < flow_.boxes.size() && flow_.boxes[first].glue) ++first;
        if (first >= flow_.boxes.size()) continue;
        FlowBox& box = flow_.boxes[first];
        box.anchors.push_back({chapterId_ + "#" + fn.id, 0});
        ParagraphFormat lf = bodyFormat(0);
        lf.base.color = style_.link;
        lf.justify = false;
        auto lines = ts_.text(fn.label + ".", lf, fn.pos);
        if (!lines.empty())
            for (GlyphRun r : lines[0].runs) {
                r.x += indent - size * 0.5 - lines[0].width;
                r.y += box.baseline;
                box.items.emplace_back(std::move(r));
            }
    }
    sizeScale_ = 1.0;
}

}  // namespace layout
