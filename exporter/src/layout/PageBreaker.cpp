// Cuts a Flow into pages: keep rules, widows/orphans, glue dropped at page tops, table headers repeated.
#include <cstddef>

#include "layout/Flow.h"

namespace layout {

std::vector<PagePlan> breakPages(const Flow& flow, double pageHeight) {
    const auto& boxes = flow.boxes;
    const size_t n = boxes.size();
    // A break is allowed before box i when the previous real box does not keep with it.
    std::vector<char> breakable(n, 0);
    int prev = -1;
    for (size_t i = 0; i < n; ++i) {
        if (boxes[i].glue) continue;
        breakable[i] = prev >= 0 && !boxes[size_t(prev)].keepWithNext;
        prev = int(i);
    }
    std::vector<PagePlan> pages;
    size_t i = 0;
    while (i < n) {
        while (i < n && boxes[i].glue) ++i;
        if (i >= n) break;
        PagePlan page;
        double y = 0;
        const size_t pageStart = i;
        if (boxes[i].table >= 0 && !boxes[i].headerRow) {
            for (int h : flow.tableHeaders[size_t(boxes[i].table)]) {
                if (size_t(h) >= i) continue;
                page.push_back({h, y});
                y += boxes[size_t(h)].height;
            }
        }
        size_t lastBreak = 0, lastBreakCount = 0;
        bool placed = false;
        for (; i < n; ++i) {
            const FlowBox& b = boxes[i];
            if (b.glue) {
                if (placed) y += b.height;
                continue;
            }
            if (placed && b.pageBreakBefore) break;
            if (placed && breakable[i]) lastBreak = i, lastBreakCount = page.size();
            if (placed && y + b.height > pageHeight + 0.01) {
                if (lastBreak > pageStart) {
                    page.resize(lastBreakCount);
                    i = lastBreak;
                }
                break;
            }
            page.push_back({int(i), y});
            y += b.height;
            placed = true;
        }
        pages.push_back(std::move(page));
    }
    return pages;
}

void translate(PageItem& item, double dx, double dy) {
    std::visit(
        [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, GlyphRun>) {
                it.x += dx, it.y += dy;
            } else if constexpr (std::is_same_v<T, StrokedPath>) {
                for (Point& p : it.points) p.x += dx, p.y += dy;
            } else {
                it.rect.x += dx, it.rect.y += dy;
            }
        },
        item);
}

}  // namespace layout
