// The layout stage's output: pages of items at fixed positions, plain data the PDF painter only paints.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "fonts/FontMap.h"

namespace layout {

struct Color {
    float r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
};

struct Point {
    double x = 0, y = 0;
};

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
};

// One glyph of a run; x/y relative to the run's origin (a point on the baseline).
struct PositionedGlyph {
    uint32_t id = 0;
    float x = 0, y = 0;
};

// Maps bytes of GlyphRun::text to glyphs, so the PDF text extracts back as written.
struct TextCluster {
    int bytes = 0;
    int glyphs = 0;
};

// Shaped text in one font and colour, ready to paint.
struct GlyphRun {
    int font = 0;  // index into FontTable
    Color color;
    double x = 0, y = 0;  // baseline origin on the page (points, y down)
    std::vector<PositionedGlyph> glyphs;
    std::string text;
    std::vector<TextCluster> clusters;
};

struct FilledRect {
    Rect rect;
    Color color;
};

// A polyline: rules, table borders, dotted leaders, continuation marks, check boxes.
struct StrokedPath {
    std::vector<Point> points;
    double width = 0.5;
    Color color;
    std::vector<double> dash;  // empty: solid
    bool roundCaps = false;
    bool closed = false;
};

inline StrokedPath strokedPath(std::vector<Point> points, double width, Color color, bool closed = false) {
    StrokedPath p;
    p.points = std::move(points);
    p.width = width;
    p.color = color;
    p.closed = closed;
    return p;
}

struct PlacedImage {
    Rect rect;
    std::string path;
    std::string mediaType;
};

using PageItem = std::variant<GlyphRun, FilledRect, StrokedPath, PlacedImage>;

// Clickable area: an external URL or an anchor key "chapterId#anchor" inside the book.
struct LinkArea {
    Rect rect;
    std::string url;     // external
    std::string anchor;  // internal
};

struct AnchorMark {
    std::string key;  // "chapterId#anchor" ("chapterId#" = chapter start)
    double y = 0;
};

struct Page {
    std::vector<PageItem> items;
    std::vector<LinkArea> links;
    std::vector<AnchorMark> anchors;
    bool frontMatter = false;  // roman page label
    std::string label;         // as printed in the footer and the TOC ("iii", "12")
};

// PDF outline entries in document order; parent indexes an earlier entry or is -1.
struct OutlineEntry {
    std::string title;
    int parent = -1;
    int page = 0;  // 0-based page index
    double y = 0;
};

// A font face at a size, as plain data: the painter opens the same file and
// face index, so it draws exactly the glyphs the layout measured.
struct FontFace {
    std::string file;
    int index = 0;
    double size = 0;
    double matrix[4] = {1, 0, 0, 1};  // synthetic oblique, if the face has no italic
    bool embolden = false;
    std::string description;  // "Noto Serif CJK TC Bold 10.5", for dumps
};

// The fonts the runs use, shared by the threads that lay out chapters.
class FontTable {
public:
    FontTable();
    ~FontTable();
    FontTable(FontTable&&) noexcept;
    FontTable& operator=(FontTable&&) noexcept;
    FontTable(const FontTable&) = delete;
    FontTable& operator=(const FontTable&) = delete;

    int intern(void* pangoFont);  // a PangoFont*; equal faces from different font maps share an id
    const FontFace& face(int id) const;
    const std::string& description(int id) const { return face(id).description; }
    size_t size() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct Document {
    double width = 0, height = 0;  // points
    std::vector<fonts::FontMapPtr> fontMaps;  // keep the shaping fonts' maps alive (destroyed after `fonts`)
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    FontTable fonts;
    int frontMatterPages = 0;
};

// A stable text form of the layout for golden tests and debugging.
void dump(const Document& doc, std::ostream& out);

}  // namespace layout
