// PDF backend entry point: layout stage, Cairo painting, libqpdf finishing.
#include "pdf/PdfWriter.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>

#include "fonts/FontMap.h"
#include "layout/BookLayout.h"
#include "pdf/PagePainter.h"
#include "pdf/PdfFinisher.h"

namespace pdf {

PdfMetadata metadataFor(const model::BookMeta& m) {
    PdfMetadata md;
    md.title = m.seriesTitle;
    if (!m.pathName.empty()) md.title += "：路徑 " + m.pathId + "（" + m.pathName + "）";
    md.author = m.author;
    md.subject = !m.pathFocus.empty() ? m.pathFocus : m.seriesDescription;
    for (const auto& k : m.keywords) md.keywords += (md.keywords.empty() ? "" : ", ") + k;
    md.creator = "python-advanced-guide exporter " + m.version + " (Pango + Cairo)";
    std::time_t t = std::time_t(m.sourceDateEpoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    md.date = buf;
    return md;
}

bool writePdf(const model::Book& book, const PdfOptions& options, diag::Diagnostics& diags,
              const std::string& outPath) {
    auto style = layout::styleForPaper(options.paper);
    if (!style) {
        diags.error("", 0, 0, "unknown paper size '" + options.paper + "' (A4, B5, A5, Letter)");
        return false;
    }
    const std::string dataDir = options.dataDir.empty() ? fonts::dataDir() : options.dataDir;
    if (std::string err = layout::applyStyleFile(*style, dataDir); !err.empty()) {
        diags.error("", 0, 0, err);
        return false;
    }
    // EXPORTER_PDF_TIMING=1 prints how long each stage took (for the performance work).
    const bool timing = std::getenv("EXPORTER_PDF_TIMING") != nullptr;
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* stage) {
        if (!timing) return;
        auto t = std::chrono::steady_clock::now();
        std::fprintf(stderr, "pdf: %-8s %7.1f ms\n", stage, std::chrono::duration<double, std::milli>(t - t0).count());
        t0 = t;
    };
    try {
        layout::BookLayoutOptions lo{*style, dataDir, options.threads};
        layout::Document doc = layout::layoutBook(book, lo, diags);
        lap("layout");
        std::string problems;
        const PdfMetadata md = metadataFor(book.meta);
        std::string raw = paintPages(doc, md, problems);
        lap("paint");
        if (!problems.empty()) diags.error("", 0, 0, "PDF images: " + problems);
        std::string pdfDate = "D:" + md.date.substr(0, 4) + md.date.substr(5, 2) + md.date.substr(8, 2) +
                              md.date.substr(11, 2) + md.date.substr(14, 2) + md.date.substr(17, 2) + "Z";
        finishPdf(raw, doc, book.meta.language, pdfDate, diags, outPath);
        lap("finish");
    } catch (const std::exception& e) {
        diags.error("", 0, 0, std::string("PDF: ") + e.what());
        return false;
    }
    return true;
}

}  // namespace pdf
