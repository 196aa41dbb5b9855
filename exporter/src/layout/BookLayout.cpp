// Book structure: cover, title page, colophon, TOC with leaders, chapters on new pages, running heads, outline.
#include "layout/BookLayout.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <exception>
#include <map>
#include <cstdlib>
#include <thread>

#include "fonts/FontMap.h"
#include "layout/Flow.h"
#include "layout/Typesetter.h"

namespace layout {

std::string romanNumeral(int n) {
    static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                        {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                        {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                        {1, "i"}};
    std::string out;
    for (auto [v, s] : table)
        while (n >= v) out += s, n -= v;
    return out;
}

std::string isoDate(int64_t epoch) {
    std::time_t t = std::time_t(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

namespace {

// Places flows on pages and adds what only pages know: decorations cut per page, running heads.
class PageComposer {
public:
    PageComposer(const Style& style, Typesetter& ts) : style_(style), ts_(ts) {}

    // Appends the pages of one flow; returns the index of the first one in `pages`.
    size_t compose(Flow& flow, std::vector<Page>& pages, std::vector<std::pair<size_t, AnchorMark>>* sections) {
        size_t first = pages.size();
        auto plans = breakPages(flow, style_.contentHeight());
        std::vector<char> reused(flow.boxes.size(), 0);
        for (const auto& plan : plans)
            for (const PlacedBox& pb : plan)
                if (flow.boxes[size_t(pb.box)].headerRow) reused[size_t(pb.box)] = 1;
        const double left = style_.marginInner, top = style_.marginTop;
        for (const auto& plan : plans) {
            Page page;
            std::map<int, std::pair<double, double>> extents;
            for (const PlacedBox& pb : plan) {
                FlowBox& b = flow.boxes[size_t(pb.box)];
                for (int d : b.decorations) {
                    auto [it, fresh] = extents.try_emplace(d, pb.y, pb.y + b.height);
                    if (!fresh) it->second.first = std::min(it->second.first, pb.y),
                                it->second.second = std::max(it->second.second, pb.y + b.height);
                }
            }
            for (auto& [id, ext] : extents) {
                const Decoration& d = flow.decorations[size_t(id)];
                Rect r{left + d.x, top + ext.first - d.padTop, d.w, ext.second - ext.first + d.padTop + d.padBottom};
                if (d.kind == Decoration::Kind::LeftBar) r.w = d.w;
                page.items.emplace_back(FilledRect{r, d.color});
                if (d.hasBorder)
                    page.items.emplace_back(strokedPath(
                        {{r.x, r.y}, {r.x + r.w, r.y}, {r.x + r.w, r.y + r.h}, {r.x, r.y + r.h}}, 0.4, d.border, true));
            }
            for (const PlacedBox& pb : plan) {
                FlowBox& b = flow.boxes[size_t(pb.box)];
                const double dy = top + pb.y;
                auto place = [&](auto&& items) {
                    for (auto&& item : items) {
                        PageItem it = std::forward<decltype(item)>(item);
                        translate(it, left, dy);
                        page.items.push_back(std::move(it));
                    }
                };
                if (reused[size_t(pb.box)]) place(b.items);
                else place(std::move(b.items));
                for (LinkArea l : b.links) {
                    l.rect.x += left, l.rect.y += dy;
                    page.links.push_back(std::move(l));
                }
                for (AnchorMark a : b.anchors) {
                    a.y += dy;
                    page.anchors.push_back(std::move(a));
                }
                if (sections && !b.outlineTitle.empty())
                    sections->push_back({pages.size(), AnchorMark{b.outlineTitle, dy}});
            }
            pages.push_back(std::move(page));
        }
        return first;
    }

    // Unjustified text in one style: titles, running heads, TOC entries.
    static ParagraphFormat plainFormat(const TextStyle& style, double width, ParagraphFormat::Align align) {
        ParagraphFormat f;
        f.base = style;
        f.code = style;
        f.width = width;
        f.justify = false;
        f.align = align;
        return f;
    }

    std::vector<GlyphRun> line(const std::string& text, const TextStyle& style, double width = 0,
                               ParagraphFormat::Align align = ParagraphFormat::Align::Left) {
        auto lines = ts_.text(text, plainFormat(style, width, align));
        std::vector<GlyphRun> runs;
        for (auto& l : lines)
            for (auto& r : l.runs) {
                r.x += l.x;
                runs.push_back(std::move(r));
            }
        return lines.size() <= 1 ? runs : std::vector<GlyphRun>(runs.begin(), runs.begin() + long(lines[0].runs.size()));
    }

    // Sets possibly wrapping text in a block; returns the y below it.
    double block(Page& page, const std::string& text, const TextStyle& style, double x, double y, double width,
                 double pitch, ParagraphFormat::Align align) {
        for (auto& l : ts_.text(text, plainFormat(style, width, align))) {
            for (GlyphRun r : l.runs) {
                r.x += x + l.x;
                r.y += y + pitch / 2 + 0.38 * style.size;
                page.items.emplace_back(std::move(r));
            }
            y += pitch;
        }
        return y;
    }

    static void place(Page& page, std::vector<GlyphRun> runs, double x, double baseline) {
        for (GlyphRun& r : runs) {
            r.x += x, r.y += baseline;
            page.items.emplace_back(std::move(r));
        }
    }

private:
    const Style& style_;
    Typesetter& ts_;
};

std::string pathLine(const model::BookMeta& m) {
    std::string s;
    if (!m.pathId.empty()) s = "路徑 " + m.pathId;
    if (!m.pathName.empty()) s += (s.empty() ? "" : "：") + m.pathName;
    return s;
}

}  // namespace

Document layoutBook(const model::Book& book, const BookLayoutOptions& options, diag::Diagnostics& diags) {
    const Style& st = options.style;
    Document doc;
    doc.width = st.pageWidth, doc.height = st.pageHeight;
    const size_t nChapters = book.chapters.size();
    // Default: one thread. Cairo 1.16 (Debian 12) shares a scaled font between
    // font maps of different threads and races in its glyph-extents cache:
    // `build --path all --format pdf` crashed in cairo_scaled_font_glyph_extents
    // in 2 of 12 runs with one thread per core. Parallel layout stays available
    // (options.threads, EXPORTER_LAYOUT_THREADS) for a Cairo without the race.
    int threads = options.threads > 0 ? options.threads : 1;
    if (options.threads == 0)
        if (const char* env = std::getenv("EXPORTER_LAYOUT_THREADS"); env && std::atoi(env) > 0) threads = std::atoi(env);
    threads = int(std::max<size_t>(1, std::min<size_t>(size_t(threads), nChapters)));
    for (int t = 0; t < threads; ++t) doc.fontMaps.push_back(fonts::createFontMap(options.dataDir));

    // Chapters are shaped in parallel, one Pango font map and context per thread.
    std::vector<Flow> flows(nChapters);
    std::atomic<size_t> next{0};
    std::vector<std::exception_ptr> failures(static_cast<size_t>(threads));
    auto work = [&](int t) {
        try {
            Typesetter ts(doc.fontMaps[size_t(t)].get(), doc.fonts, diags);
            FlowBuilder builder(ts, st, diags);
            for (size_t i; (i = next++) < nChapters;) flows[i] = builder.chapter(book.chapters[i]);
        } catch (...) {
            failures[size_t(t)] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    for (auto& f : failures)
        if (f) std::rethrow_exception(f);

    Typesetter ts(doc.fontMaps[0].get(), doc.fonts, diags);
    PageComposer composer(st, ts);
    const double left = st.marginInner, cw = st.contentWidth();
    TextStyle headStyle{st.headingFamily, st.headerSize, false, false, st.muted};

    // Body pages, numbered from 1.
    std::vector<Page> body;
    std::vector<size_t> chapterStart(nChapters);
    std::vector<std::pair<size_t, AnchorMark>> sections;
    std::vector<size_t> sectionChapter;
    auto bookRuns = composer.line(book.meta.seriesTitle, headStyle);
    for (size_t i = 0; i < nChapters; ++i) {
        const model::Chapter& ch = book.chapters[i];
        size_t first = composer.compose(flows[i], body, &sections);
        sectionChapter.resize(sections.size(), i);
        if (first == body.size()) body.emplace_back();
        chapterStart[i] = first;
        body[first].anchors.insert(body[first].anchors.begin(), AnchorMark{ch.id + "#", 0});
        auto titleRuns = composer.line(ch.title, headStyle, cw * 0.6);
        double titleW = std::min(ts.measure(ch.title, headStyle), cw * 0.6);
        for (size_t p = first; p < body.size(); ++p) {
            if (p == first) continue;  // chapter openings carry no running head
            const double base = st.marginTop - st.headerGap;
            PageComposer::place(body[p], bookRuns, left, base);
            PageComposer::place(body[p], titleRuns, left + cw - titleW - st.headerSize * 0.5, base);
            body[p].items.emplace_back(strokedPath({{left, base + 5}, {left + cw, base + 5}}, 0.4, st.rule));
        }
        flows[i] = {};
    }
    for (size_t p = 0; p < body.size(); ++p) body[p].label = std::to_string(p + 1);

    // Front matter: cover, title page, colophon, contents.
    std::vector<Page> front;
    const model::BookMeta& m = book.meta;
    {
        Page cover;
        cover.items.emplace_back(FilledRect{{0, 0, st.pageWidth, st.pageHeight}, st.coverBackground});
        cover.items.emplace_back(FilledRect{{0, st.pageHeight * 0.30, st.pageWidth, 4}, st.coverText});
        double y = st.pageHeight * 0.34;
        TextStyle big{st.headingFamily, st.titleSize * 1.9, true, false, st.coverText};
        y = composer.block(cover, m.seriesTitle, big, left, y, cw, big.size * 1.4, ParagraphFormat::Align::Left);
        TextStyle sub{st.headingFamily, st.titleSize * 0.95, false, false, st.coverText};
        y = composer.block(cover, pathLine(m), sub, left, y + 12, cw, sub.size * 1.5, ParagraphFormat::Align::Left);
        TextStyle focus{st.headingFamily, st.bodySize * 1.2, false, false, {0.80f, 0.85f, 0.92f}};
        if (!m.pathFocus.empty())
            composer.block(cover, m.pathFocus, focus, left, y + 8, cw * 0.8, focus.size * 1.7,
                           ParagraphFormat::Align::Left);
        TextStyle ver{st.headingFamily, st.bodySize * 1.1, false, false, st.coverText};
        std::string bottom = m.version + (m.author.empty() ? "" : "　·　" + m.author);
        composer.block(cover, bottom, ver, left, st.pageHeight - st.marginBottom - 20, cw, ver.size * 1.5,
                       ParagraphFormat::Align::Left);
        front.push_back(std::move(cover));

        Page title;
        y = st.marginTop + st.contentHeight() * 0.22;
        TextStyle t1{st.headingFamily, st.titleSize * 1.5, true, false, st.accent};
        y = composer.block(title, m.seriesTitle, t1, left, y, cw, t1.size * 1.4, ParagraphFormat::Align::Center);
        TextStyle t2{st.headingFamily, st.titleSize * 0.85, false, false, st.text};
        y = composer.block(title, pathLine(m), t2, left, y + 16, cw, t2.size * 1.5, ParagraphFormat::Align::Center);
        TextStyle t3{st.bodyFamily, st.bodySize * 1.1, false, false, st.muted};
        if (!m.pathFocus.empty())
            y = composer.block(title, "重點：" + m.pathFocus, t3, left + cw * 0.1, y + 16, cw * 0.8, t3.size * 1.7,
                               ParagraphFormat::Align::Center);
        TextStyle t4{st.headingFamily, st.bodySize * 1.1, false, false, st.text};
        composer.block(title, m.version, t4, left, st.marginTop + st.contentHeight() * 0.85, cw, t4.size * 1.6,
                       ParagraphFormat::Align::Center);
        if (!m.author.empty())
            composer.block(title, m.author, t4, left, st.marginTop + st.contentHeight() * 0.85 + t4.size * 1.8, cw,
                           t4.size * 1.6, ParagraphFormat::Align::Center);
        front.push_back(std::move(title));

        Page colophon;
        std::vector<std::pair<std::string, std::string>> rows = {
            {"書名", m.seriesTitle + (pathLine(m).empty() ? "" : "——" + pathLine(m))},
            {"版本", m.version},
            {"建置日期", isoDate(m.sourceDateEpoch)},
        };
        if (!m.author.empty()) rows.push_back({"作者", m.author});
        if (!m.publisher.empty()) rows.push_back({"出版", m.publisher});
        if (!m.baseUrl.empty()) rows.push_back({"網站", m.baseUrl});
        rows.push_back({"排版", "Pango + Cairo，思源宋體／思源黑體（Noto CJK TC）"});
        TextStyle key{st.headingFamily, st.bodySize * 0.9, true, false, st.muted};
        TextStyle val{st.bodyFamily, st.bodySize * 0.9, false, false, st.text};
        const double pitch = st.bodySize * 1.9;
        y = st.pageHeight - st.marginBottom - pitch * double(rows.size());
        colophon.items.emplace_back(strokedPath({{left, y - 10}, {left + cw, y - 10}}, 0.5, st.rule));
        for (auto& [k, v] : rows) {
            composer.block(colophon, k, key, left, y, cw * 0.2, pitch, ParagraphFormat::Align::Left);
            y = composer.block(colophon, v, val, left + cw * 0.2, y, cw * 0.8, pitch, ParagraphFormat::Align::Left);
        }
        front.push_back(std::move(colophon));
    }

    // Contents: every entry a link, page numbers after dotted leaders.
    size_t tocFirst = front.size();
    {
        Flow toc;
        FlowBox head;
        TextStyle hs{st.headingFamily, st.titleSize, true, false, st.accent};
        head.height = hs.size * 2.6;
        auto runs = composer.line("目錄", hs);
        for (auto& r : runs) {
            r.y += hs.size * 1.2;
            head.items.emplace_back(std::move(r));
        }
        head.anchors.push_back({"#toc", 0});
        toc.boxes.push_back(std::move(head));
        for (size_t i = 0; i < nChapters; ++i) {
            const model::Chapter& ch = book.chapters[i];
            const bool major = ch.depth == 0;
            TextStyle es{major ? st.headingFamily : st.bodyFamily, st.bodySize * (major ? 1.0 : 0.98), major, false,
                         st.text};
            if (major && i > 0) {
                FlowBox g;
                g.glue = true;
                g.height = st.bodySize * 0.8;
                toc.boxes.push_back(std::move(g));
            }
            const double indent = double(std::max(0, ch.depth)) * st.bodySize * 2;
            const std::string number = body[chapterStart[i]].label;
            auto numRuns = composer.line(number, es);
            const double numW = ts.measure(number, es);
            ParagraphFormat f;
            f.base = es;
            f.code = es;
            f.width = cw - indent - numW - st.bodySize * 3;
            f.justify = false;
            auto lines = ts.text(ch.title, f, {ch.sourceFile, 1, 1});
            const double pitch = es.size * 1.75;
            for (size_t k = 0; k < lines.size(); ++k) {
                FlowBox b;
                b.height = pitch;
                b.keepWithNext = k + 1 < lines.size();
                const double base = pitch / 2 + 0.38 * es.size;
                for (GlyphRun r : lines[k].runs) {
                    r.x += indent + lines[k].x;
                    r.y += base;
                    b.items.emplace_back(std::move(r));
                }
                LinkArea link;
                link.anchor = ch.id + "#";
                link.rect = {indent, 0, cw - indent, pitch};
                b.links.push_back(link);
                if (k + 1 == lines.size()) {
                    // Dots on a common grid, so the leaders of all entries line up.
                    constexpr double kDotPitch = 3.2;
                    double from = std::ceil((indent + lines[k].width + es.size * 0.6) / kDotPitch) * kDotPitch;
                    double to = std::floor((cw - numW - es.size * 0.6) / kDotPitch) * kDotPitch;
                    if (to > from) {
                        StrokedPath dots = strokedPath({{from, base - 0.2}, {to, base - 0.2}}, 0.9, st.muted);
                        dots.dash = {0, kDotPitch};
                        dots.roundCaps = true;
                        b.items.emplace_back(std::move(dots));
                    }
                    for (GlyphRun r : numRuns) {
                        r.x += cw - numW;
                        r.y += base;
                        b.items.emplace_back(std::move(r));
                    }
                }
                toc.boxes.push_back(std::move(b));
            }
        }
        composer.compose(toc, front, nullptr);
    }
    const size_t frontCount = front.size();
    for (size_t p = 0; p < frontCount; ++p) {
        front[p].frontMatter = true;
        front[p].label = romanNumeral(int(p + 1));
    }
    // Page number footers: contents and body (cover, title page and colophon stay clean).
    TextStyle footStyle{st.headingFamily, st.headerSize + 0.5, false, false, st.muted};
    auto addFooter = [&](Page& p) {
        auto runs = composer.line(p.label, footStyle);
        double w = ts.measure(p.label, footStyle);
        PageComposer::place(p, std::move(runs), left + (cw - w) / 2, st.pageHeight - st.marginBottom + st.footerGap);
    };
    for (size_t p = tocFirst; p < frontCount; ++p) addFooter(front[p]);
    for (Page& p : body) addFooter(p);

    // Outline: contents, then introduction / modules → chapters → sections.
    doc.outline.push_back({"目錄", -1, int(tocFirst), st.marginTop});
    std::vector<int> chapterEntry(nChapters, -1);
    int lastTop = -1;
    for (size_t i = 0; i < nChapters; ++i) {
        const model::Chapter& ch = book.chapters[i];
        int parent = ch.depth > 0 ? lastTop : -1;
        doc.outline.push_back({ch.title, parent, int(frontCount + chapterStart[i]), 0});
        chapterEntry[i] = int(doc.outline.size()) - 1;
        if (ch.depth == 0) lastTop = chapterEntry[i];
        // Sections of this chapter follow it directly (sections are in reading order).
        for (size_t s = 0; s < sections.size(); ++s)
            if (sectionChapter[s] == i)
                doc.outline.push_back({sections[s].second.key, chapterEntry[i], int(frontCount + sections[s].first),
                                       sections[s].second.y});
    }
    doc.frontMatterPages = int(frontCount);
    doc.pages = std::move(front);
    doc.pages.reserve(frontCount + body.size());
    for (Page& p : body) doc.pages.push_back(std::move(p));
    return doc;
}

}  // namespace layout
