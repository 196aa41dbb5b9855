// The command line: `exporter paths | build | check`.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include "epub/EpubWriter.h"
#include "fonts/FontMap.h"
#include "pandoc/PandocWriter.h"
#include "pdf/PdfWriter.h"
#include "pipeline/Project.h"
#include "util/AtomicFile.h"
#include "util/Text.h"

namespace fs = std::filesystem;

namespace {

constexpr int kOk = 0;
constexpr int kContentError = 1;
constexpr int kUsageError = 2;

struct Settings {
    std::string content = "content";
    std::string config;
    std::string baseUrl;
    bool drafts = false;
    // build
    std::string path;
    std::string formats = "epub,pdf";
    std::string out = "dist";
    std::vector<int> choose;
    std::string paper = "A4";
    std::string name;
    std::string version;
    bool quiet = false;
    bool json = false;
};

struct BookConfig {
    std::string name = "book";
    std::string author;
    std::string publisher;
    std::string baseUrl;
    std::vector<std::string> keywords;
};

// book.toml beside the content directory, or --config.
bool loadConfig(const Settings& s, BookConfig& config, diag::Diagnostics& diags) {
    std::string file = s.config;
    if (file.empty()) {
        fs::path candidate = fs::path(s.content).lexically_normal().parent_path() / "book.toml";
        if (candidate.empty() || candidate == "book.toml") candidate = "book.toml";
        if (fs::exists(candidate)) file = candidate.string();
    }
    if (file.empty()) return true;
    try {
        toml::table t = toml::parse_file(file);
        config.name = t["name"].value_or(config.name);
        config.author = t["author"].value_or(std::string());
        config.publisher = t["publisher"].value_or(std::string());
        config.baseUrl = t["base_url"].value_or(std::string());
        if (auto arr = t["keywords"].as_array())
            for (auto& k : *arr)
                if (auto v = k.value<std::string>()) config.keywords.push_back(*v);
    } catch (const toml::parse_error& e) {
        diags.error(file, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column),
                    "invalid TOML: " + std::string(e.description()));
        return false;
    }
    return true;
}

int finish(const diag::Diagnostics& diags) {
    diags.print(std::cerr);
    if (diags.errorCount() || diags.warningCount())
        std::cerr << diags.errorCount() << " error(s), " << diags.warningCount() << " warning(s)\n";
    return diags.hasErrors() ? kContentError : kOk;
}

std::string lowerId(std::string id) {
    for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
}

const char* roleName(model::Chapter::Role role) {
    switch (role) {
        case model::Chapter::Role::Introduction: return "introduction";
        case model::Chapter::Role::Module: return "module";
        case model::Chapter::Role::Appendix: return "appendix";
        default: return "chapter";
    }
}

// Machine-readable form of `paths`, used by the release manifest.
int printPathsJson(const pipeline::Project& project, diag::Diagnostics& diags) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& path : project.index.paths) {
        diag::Diagnostics quiet;
        model::Book book = pipeline::makeBook(project, path, {}, quiet);
        nlohmann::ordered_json p;
        p["id"] = path.id;
        p["name"] = path.name;
        p["focus"] = path.focus;
        p["steps"] = nlohmann::ordered_json::array();
        for (const auto& step : path.steps) p["steps"].push_back(step.alternatives);
        p["chapters"] = nlohmann::ordered_json::array();
        for (const auto& ch : book.chapters)
            p["chapters"].push_back({{"title", ch.title}, {"role", roleName(ch.role)}, {"source", ch.sourceFile}});
        out.push_back(p);
    }
    std::cout << out.dump(2) << "\n";
    return finish(diags);
}

int runPaths(const Settings& s) {
    diag::Diagnostics diags;
    auto project = pipeline::loadProject({s.content, s.drafts}, diags);
    if (s.json) return printPathsJson(project, diags);
    for (const auto& path : project.index.paths) {
        std::cout << "路徑 " << path.id << "：" << path.name << "\n";
        if (!path.focus.empty()) std::cout << "  重點：" << path.focus << "\n";
        std::cout << "  模組：";
        for (size_t i = 0; i < path.steps.size(); ++i) {
            if (i) std::cout << " → ";
            const auto& alts = path.steps[i].alternatives;
            for (size_t j = 0; j < alts.size(); ++j) std::cout << (j ? " 或 " : "") << "模組" << alts[j];
        }
        std::cout << "\n";
        pipeline::BookOptions options;
        diag::Diagnostics quiet;  // link problems are `check`'s business
        model::Book book = pipeline::makeBook(project, path, options, quiet);
        for (const auto& ch : book.chapters) {
            std::cout << "  " << std::string(static_cast<size_t>(ch.depth) * 2, ' ') << ch.title << "  ("
                      << ch.sourceFile << ")\n";
        }
    }
    return finish(diags);
}

std::vector<const collect::LearningPath*> selectPaths(const pipeline::Project& project, const std::string& which,
                                                      std::string& error) {
    std::vector<const collect::LearningPath*> out;
    if (lowerId(which) == "all") {
        for (auto& p : project.index.paths) out.push_back(&p);
        return out;
    }
    std::stringstream ss(which);
    std::string id;
    while (std::getline(ss, id, ',')) {
        const auto* p = pipeline::findPath(project, util::trim(id));
        if (!p) {
            std::string known;
            for (auto& q : project.index.paths) known += (known.empty() ? "" : ", ") + q.id;
            error = "unknown learning path '" + id + "' (this content has: " + known + ", or all)";
            return {};
        }
        out.push_back(p);
    }
    return out;
}

int runBuild(const Settings& s, bool checkOnly) {
    diag::Diagnostics diags;
    BookConfig config;
    loadConfig(s, config, diags);
    std::set<std::string> formats;
    if (!checkOnly) {
        std::stringstream ss(s.formats);
        std::string f;
        while (std::getline(ss, f, ',')) {
            f = lowerId(util::trim(f));
            if (f != "epub" && f != "pdf" && !pandoc::isPandocFormat(f)) {
                std::cerr << "exporter: unknown format '" << f << "' (use epub, pdf; docx, odt through Pandoc)\n";
                return kUsageError;
            }
            formats.insert(f);
        }
        if (formats.empty()) {
            std::cerr << "exporter: --format names no format\n";
            return kUsageError;
        }
    }
    bool progress = !s.quiet && isatty(STDERR_FILENO);
    auto project = pipeline::loadProject({s.content, s.drafts}, diags);
    std::string pathError;
    auto paths = selectPaths(project, checkOnly ? "all" : s.path, pathError);
    if (!pathError.empty()) {
        diags.print(std::cerr);
        std::cerr << "exporter: " << pathError << "\n";
        return kUsageError;
    }
    pipeline::BookOptions options;
    options.chosenModules.insert(s.choose.begin(), s.choose.end());
    options.baseUrl = !s.baseUrl.empty() ? s.baseUrl : config.baseUrl;
    options.version = s.version;
    options.author = config.author;
    options.publisher = config.publisher;
    options.keywords = config.keywords;
    options.sourceDateEpoch = util::sourceDateEpoch();
    std::vector<model::Book> books;
    for (const auto* path : paths) books.push_back(pipeline::makeBook(project, *path, options, diags));
    if (diags.hasErrors() || checkOnly) {
        if (checkOnly && !diags.hasErrors())
            std::cerr << "checked " << project.tree.pages.size() << " pages and " << paths.size() << " learning paths\n";
        return finish(diags);
    }

    std::error_code ec;
    fs::create_directories(s.out, ec);
    if (ec) {
        std::cerr << "exporter: cannot create " << s.out << ": " << ec.message() << "\n";
        return kContentError;
    }
    std::string name = !s.name.empty() ? s.name : config.name;
    // Everything is written to temporary files first; only when every book of
    // the build succeeded are they renamed into place.
    std::vector<std::unique_ptr<util::AtomicFile>> outputs;
    size_t total = books.size() * formats.size(), done = 0;
    try {
        for (auto& book : books) {
            std::string stem = (fs::path(s.out) / (name + "-path-" + lowerId(book.meta.pathId))).string();
            if (formats.count("epub")) {
                if (progress) std::cerr << "[" << ++done << "/" << total << "] " << stem << ".epub\n";
                auto file = std::make_unique<util::AtomicFile>(stem + ".epub");
                epub::writeEpub(book, {fonts::dataDir()}, file->tempPath());
                outputs.push_back(std::move(file));
            }
            if (formats.count("pdf")) {
                if (progress) std::cerr << "[" << ++done << "/" << total << "] " << stem << ".pdf\n";
                auto file = std::make_unique<util::AtomicFile>(stem + ".pdf");
                pdf::PdfOptions pdfOptions;
                pdfOptions.paper = s.paper;
                pdfOptions.dataDir = fonts::dataDir();
                if (!pdf::writePdf(book, pdfOptions, diags, file->tempPath()) || diags.hasErrors())
                    return finish(diags);
                outputs.push_back(std::move(file));
            }
            for (const char* extra : {"docx", "odt"}) {
                if (!formats.count(extra)) continue;
                if (progress) std::cerr << "[" << ++done << "/" << total << "] " << stem << "." << extra << "\n";
                auto file = std::make_unique<util::AtomicFile>(stem + "." + extra);
                pandoc::writeWithPandoc(book, extra, file->tempPath());
                outputs.push_back(std::move(file));
            }
        }
        if (diags.hasErrors()) return finish(diags);
        for (auto& f : outputs) f->commit();
    } catch (const std::exception& e) {
        diags.print(std::cerr);
        std::cerr << "exporter: error: " << e.what() << "\n";
        return kContentError;
    }
    int rc = finish(diags);
    if (!s.quiet)
        for (auto& f : outputs) std::cerr << "wrote " << f->target() << "\n";
    return rc;
}

}  // namespace

int main(int argc, char** argv) {
    setenv("TZ", "UTC", 1);  // zip timestamps are local time: make them independent of the machine
    tzset();
    util::installCleanupSignalHandlers();

    Settings s;
    CLI::App app{
        "exporter — publishes a Hugo content tree (the series 「Python 進階指南」) as one EPUB 3 and one\n"
        "PDF handbook per learning path. Learning paths are read from the index page's 「學習路徑」 section.\n\n"
        "Examples:\n"
        "  exporter paths                                   list the paths and their chapters\n"
        "  exporter build --path A --format epub --out dist   one EPUB\n"
        "  exporter build --path all --out dist             every path, EPUB and PDF\n"
        "  exporter check                                   report broken links, images, front matter\n\n"
        "Exit status: 0 success, 1 content errors (printed as file:line:col: error: ...), 2 usage errors.\n"
        "Environment: SOURCE_DATE_EPOCH fixes every date in the output (reproducible builds).",
        "exporter"};
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Help for every subcommand");
    auto common = [&](CLI::App* sub) {
        sub->add_option("--content", s.content, "Hugo content directory (default: content)");
        sub->add_option("--config", s.config, "Book settings file (default: book.toml beside the content directory)");
        sub->add_option("--base-url", s.baseUrl, "Site URL for links that leave the book (overrides book.toml)");
        sub->add_flag("--drafts", s.drafts, "Include pages marked draft: true");
    };
    auto* paths = app.add_subcommand("paths", "List the learning paths, their focus and their chapters");
    common(paths);
    paths->add_flag("--json", s.json, "Print the paths and their chapters as JSON");
    auto* build = app.add_subcommand("build", "Export books for one, several (A,C) or all learning paths");
    common(build);
    build->add_option("--path", s.path, "Learning path: A, B, C, D, a list like A,C, or all")->required();
    build->add_option("--format", s.formats,
                      "Formats, comma-separated: epub, pdf (default: epub,pdf); docx, odt through Pandoc");
    build->add_option("--out", s.out, "Output directory (default: dist)");
    build->add_option("--choose", s.choose,
                      "For steps with alternatives (模組五 或 模組六): keep only these module numbers")
        ->delimiter(',');
    build->add_option("--paper", s.paper, "PDF paper size: A4, B5, A5, Letter (default: A4)")
        ->check(CLI::IsMember({"A4", "B5", "A5", "Letter"}, CLI::ignore_case));
    build->add_option("--name", s.name, "File name stem of the books (default: name in book.toml)");
    build->add_option("--book-version", s.version, "Version printed in the books (default: the index page's 文件版本)");
    build->add_flag("--quiet", s.quiet, "Print diagnostics only");
    auto* check = app.add_subcommand("check", "Check every page and every learning path without writing books");
    common(check);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsageError;
    }
    try {
        if (*paths) return runPaths(s);
        if (*build) return runBuild(s, false);
        if (*check) return runBuild(s, true);
    } catch (const std::exception& e) {
        std::cerr << "exporter: error: " << e.what() << "\n";
        return kContentError;
    }
    return kUsageError;
}
