// The PDF backend end to end on the sample book: qpdf-clean, links, labels, outline, fonts, determinism.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>

#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../layout/SampleBook.h"
#include "pdf/PdfWriter.h"

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string writeSample(const std::string& name, const std::string& paper = "A4", int threads = 0) {
    auto path = (std::filesystem::temp_directory_path() / name).string();
    diag::Diagnostics diags;
    pdf::PdfOptions options;
    options.paper = paper;
    options.threads = threads;
    REQUIRE(pdf::writePdf(sample::sampleBook(), options, diags, path));
    CHECK_FALSE(diags.hasErrors());
    return path;
}

}  // namespace

TEST_CASE("The sample PDF is clean for qpdf and has links, labels, outline and metadata", "[pdf]") {
    std::string path = writeSample("exporter-pdf-test.pdf");
    QPDF q;
    q.processFile(path.c_str());
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    REQUIRE(pages.size() > 6);
    // Links: external URIs and internal destinations.
    int uri = 0, dest = 0;
    for (auto& p : pages) {
        auto annots = p.getObjectHandle().getKey("/Annots");
        if (!annots.isArray()) continue;
        for (int i = 0; i < annots.getArrayNItems(); ++i) {
            auto a = annots.getArrayItem(i);
            CHECK(a.getKey("/Subtype").getName() == "/Link");
            if (a.hasKey("/A")) ++uri;
            if (a.hasKey("/Dest")) ++dest;
        }
    }
    CHECK(uri >= 1);
    CHECK(dest >= 5);
    // Roman front matter, arabic body.
    QPDFPageLabelDocumentHelper labels(q);
    REQUIRE(labels.hasPageLabels());
    CHECK(labels.getLabelForPage(0).getKey("/S").getName() == "/r");
    CHECK(labels.getLabelForPage(5).getKey("/S").getName() == "/D");
    CHECK(QPDFOutlineDocumentHelper(q).hasOutlines());
    auto info = q.getTrailer().getKey("/Info");
    CHECK(info.getKey("/CreationDate").getUTF8Value() == "D:20250101000000Z");
    CHECK(info.getKey("/ModDate").getUTF8Value() == "D:20250101000000Z");
    CHECK(info.getKey("/Title").getUTF8Value().find("Python 進階指南") == 0);
    CHECK(q.getRoot().getKey("/Lang").getUTF8Value() == "zh-Hant");
    // Every font embedded; CJK faces are the TC ones.
    std::set<std::string> fonts;
    for (auto& obj : q.getAllObjects()) {
        if (!obj.isDictionary() || !obj.hasKey("/FontDescriptor")) continue;
        std::string name = obj.getKey("/BaseFont").getName();
        fonts.insert(name.substr(name.find('+') + 1));
        auto fd = obj.getKey("/FontDescriptor");
        CHECK((fd.hasKey("/FontFile") || fd.hasKey("/FontFile2") || fd.hasKey("/FontFile3")));
    }
    CHECK(fonts.count("NotoSerifCJKtc-Regular") == 1);
    CHECK(fonts.count("NotoSansCJKtc-Bold") == 1);
    for (const auto& f : fonts) {
        INFO(f);
        CHECK(f.find("CJKjp") == std::string::npos);
        CHECK(f.find("CJKsc") == std::string::npos);
        CHECK(f.find("CJKkr") == std::string::npos);
    }
    CHECK_FALSE(q.anyWarnings());
}

TEST_CASE("Two builds are byte-identical", "[pdf][determinism]") {
    // One layout thread (the default): see layout/BookLayout.cpp on Cairo 1.16.
    std::string a = slurp(writeSample("exporter-pdf-a.pdf", "A4", 1));
    std::string b = slurp(writeSample("exporter-pdf-b.pdf", "A4", 1));
    REQUIRE_FALSE(a.empty());
    CHECK(a == b);
}

TEST_CASE("Other paper sizes; an unknown one is an error", "[pdf][paper]") {
    for (std::string paper : {"B5", "A5", "Letter"}) {
        QPDF q;
        std::string path = writeSample("exporter-pdf-" + paper + ".pdf", paper);
        q.processFile(path.c_str());
        auto box = QPDFPageDocumentHelper(q).getAllPages()[0].getMediaBox();
        double w = box.getArrayItem(2).getNumericValue();
        CHECK(w == Approx(paper == "B5" ? 498.9 : paper == "A5" ? 419.5 : 612).margin(0.2));
    }
    diag::Diagnostics diags;
    pdf::PdfOptions options;
    options.paper = "A3";
    CHECK_FALSE(pdf::writePdf(sample::sampleBook(), options, diags, "/tmp/never.pdf"));
    CHECK(diags.hasErrors());
}
