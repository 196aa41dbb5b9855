// libqpdf pass over Cairo's output: link annotations, page labels, catalog entries, deterministic write.
#include "pdf/PdfFinisher.h"

// libqpdf 11: opt in to std::shared_ptr instead of the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <stdexcept>
#include <unordered_map>

namespace pdf {

namespace {

QPDFObjectHandle real(double v) { return QPDFObjectHandle::newReal(v, 2); }

}  // namespace

void finishPdf(const std::string& cairoPdf, const layout::Document& doc, const std::string& language,
               const std::string& pdfDate, diag::Diagnostics& diags, const std::string& outPath) {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("cairo output", cairoPdf.data(), cairoPdf.size());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(q).getAllPages();
    if (pages.size() != doc.pages.size()) throw std::runtime_error("page count changed between layout and PDF");

    struct Target {
        size_t page;
        double y;
    };
    std::unordered_map<std::string, Target> anchors;
    for (size_t p = 0; p < doc.pages.size(); ++p)
        for (const layout::AnchorMark& a : doc.pages[p].anchors) anchors.try_emplace(a.key, Target{p, a.y});

    const double H = doc.height;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        if (doc.pages[p].links.empty()) continue;
        QPDFObjectHandle page = pages[p].getObjectHandle();
        QPDFObjectHandle annots = page.getKey("/Annots");
        if (!annots.isArray()) annots = QPDFObjectHandle::newArray();
        for (const layout::LinkArea& link : doc.pages[p].links) {
            QPDFObjectHandle a = QPDFObjectHandle::newDictionary();
            a.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
            a.replaceKey("/Subtype", QPDFObjectHandle::newName("/Link"));
            const layout::Rect& r = link.rect;
            a.replaceKey("/Rect", QPDFObjectHandle::newArray({real(r.x), real(H - r.y - r.h), real(r.x + r.w), real(H - r.y)}));
            a.replaceKey("/Border", QPDFObjectHandle::newArray({QPDFObjectHandle::newInteger(0),
                                                                QPDFObjectHandle::newInteger(0),
                                                                QPDFObjectHandle::newInteger(0)}));
            if (!link.url.empty()) {
                QPDFObjectHandle action = QPDFObjectHandle::newDictionary();
                action.replaceKey("/S", QPDFObjectHandle::newName("/URI"));
                action.replaceKey("/URI", QPDFObjectHandle::newString(link.url));
                a.replaceKey("/A", action);
            } else {
                auto it = anchors.find(link.anchor);
                if (it == anchors.end()) {
                    // The transformer reports dead links with file:line; here we only avoid writing one.
                    diags.warning("", 0, 0, "PDF: no destination for internal link #" + link.anchor);
                    continue;
                }
                double top = std::max(0.0, it->second.y - 6);
                a.replaceKey("/Dest", QPDFObjectHandle::newArray({pages[it->second.page].getObjectHandle(),
                                                                  QPDFObjectHandle::newName("/XYZ"),
                                                                  QPDFObjectHandle::newNull(), real(H - top),
                                                                  QPDFObjectHandle::newNull()}));
            }
            annots.appendItem(q.makeIndirectObject(a));
        }
        page.replaceKey("/Annots", annots);
    }

    QPDFObjectHandle root = q.getRoot();
    std::vector<QPDFObjectHandle> nums;
    auto style = [](const char* s) {
        QPDFObjectHandle d = QPDFObjectHandle::newDictionary();
        d.replaceKey("/S", QPDFObjectHandle::newName(s));
        return d;
    };
    if (doc.frontMatterPages > 0) {
        nums.push_back(QPDFObjectHandle::newInteger(0));
        nums.push_back(style("/r"));
    }
    if (size_t(doc.frontMatterPages) < doc.pages.size()) {
        nums.push_back(QPDFObjectHandle::newInteger(doc.frontMatterPages));
        nums.push_back(style("/D"));
    }
    QPDFObjectHandle labels = QPDFObjectHandle::newDictionary();
    labels.replaceKey("/Nums", QPDFObjectHandle::newArray(nums));
    root.replaceKey("/PageLabels", labels);
    if (!language.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newString(language));
    if (!doc.outline.empty()) root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));

    QPDFObjectHandle info = q.getTrailer().getKey("/Info");
    if (info.isDictionary() && !pdfDate.empty()) {
        info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdfDate));
        info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdfDate));
    }

    QPDFWriter w(q, outPath.c_str());
    w.setDeterministicID(true);
    w.setObjectStreamMode(qpdf_o_generate);
    w.setCompressStreams(true);
    w.write();
}

}  // namespace pdf
