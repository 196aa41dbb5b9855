// Dev tool: typesets the sample book (or dumps its layout) without the CLI.
// Usage: pdf_demo OUT.pdf [--paper A4|B5|A5|Letter] [--dump FILE] [--threads N]
#include <chrono>
#include <fstream>
#include <iostream>

#include "SampleBook.h"
#include "fonts/FontMap.h"
#include "layout/BookLayout.h"
#include "pdf/PdfWriter.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: pdf_demo OUT.pdf [--paper P] [--dump FILE] [--threads N]\n";
        return 2;
    }
    std::string out = argv[1], paper = "A4", dumpFile;
    int threads = 0;
    for (int i = 2; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--paper") paper = argv[i + 1];
        else if (a == "--dump") dumpFile = argv[i + 1];
        else if (a == "--threads") threads = std::stoi(argv[i + 1]);
    }
    model::Book book = sample::sampleBook();
    diag::Diagnostics diags;
    auto t0 = std::chrono::steady_clock::now();
    if (!dumpFile.empty()) {
        layout::BookLayoutOptions lo{*layout::styleForPaper(paper), fonts::dataDir(), threads};
        layout::Document doc = layout::layoutBook(book, lo, diags);
        std::ofstream f(dumpFile);
        layout::dump(doc, f);
    }
    pdf::PdfOptions options;
    options.paper = paper;
    options.threads = threads;
    bool ok = pdf::writePdf(book, options, diags, out);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    diags.print(std::cerr);
    std::cerr << (ok ? "wrote " : "FAILED ") << out << " in " << ms << " ms\n";
    return ok ? (diags.hasErrors() ? 1 : 0) : 1;
}
