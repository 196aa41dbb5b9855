#include "pipeline/Project.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <functional>

#include "markdown/LinkResolver.h"
#include "util/Text.h"

namespace pipeline {

std::string chapterIdFor(const std::string& url) {
    if (url == "/") return "introduction";
    // An ASCII NCName usable as a file name and an XML id; URLs with other
    // characters get a short hash so that two of them never collide.
    std::string id = "ch";
    bool replaced = false;
    for (char c : url) {
        if (c == '/') {
            if (id.back() != '-') id += '-';
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') {
            id += c;
        } else {
            if (id.back() != '_') id += '_';
            replaced = true;
        }
    }
    while (id.back() == '-') id.pop_back();
    if (replaced) id += "-" + util::sha256Hex(url).substr(0, 8);
    return id;
}

Project loadProject(const ProjectOptions& options, diag::Diagnostics& diags) {
    Project project;
    project.tree = collect::loadContentTree(options.contentDir, {options.includeDrafts}, diags);
    // Pages convert independently (parsing and highlighting dominate): spread
    // them over the cores, largest first so no thread is left with the tail.
    const auto& pages = project.tree.pages;
    std::vector<size_t> order(pages.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return pages[a].body.size() > pages[b].body.size(); });
    std::vector<markdown::ConvertedPage> converted(pages.size());
    markdown::prepareConverter();
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t k; (k = next.fetch_add(1)) < order.size();)
            converted[order[k]] = markdown::convertPage(pages[order[k]], project.tree.root, diags);
    };
    unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(),
                                                        static_cast<unsigned>(pages.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (size_t i = 0; i < pages.size(); ++i) project.pages.emplace(pages[i].url, std::move(converted[i]));

    if (project.tree.home >= 0) {
        const auto& home = project.pages.at("/");
        project.index = collect::readSeriesIndex(home.chapter.blocks, diags);
    }
    auto& index = project.index;
    if (index.modules.empty() && project.tree.home >= 0) {
        // No 「教學模組」 list: the home page's sections, in Hugo order, are the modules.
        for (size_t child : project.tree.pages[static_cast<size_t>(project.tree.home)].children) {
            const auto& p = project.tree.pages[child];
            if (p.kind != collect::Page::Kind::Section) continue;
            collect::ModuleEntry m;
            m.number = static_cast<int>(index.modules.size()) + 1;
            m.title = p.title;
            m.href = p.url.substr(1);
            m.pos = {p.file, 1, 1};
            index.modules.push_back(m);
        }
    }
    if (index.paths.empty()) {
        collect::LearningPath all;
        all.id = "A";
        all.name = "全部模組";
        for (auto& m : index.modules) all.steps.push_back({{m.number}});
        index.paths.push_back(all);
    }
    return project;
}

const collect::LearningPath* findPath(const Project& project, const std::string& id) {
    std::string want = id;
    for (auto& c : want) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (auto& p : project.index.paths)
        if (p.id == want) return &p;
    return nullptr;
}

namespace {

struct Planned {
    const collect::Page* page;
    model::Chapter::Role role;
    int depth;
};

}  // namespace

model::Book makeBook(const Project& project, const collect::LearningPath& path, const BookOptions& options,
                     diag::Diagnostics& diags) {
    model::Book book;
    const auto& tree = project.tree;
    if (tree.home < 0) return book;
    const collect::Page& home = tree.pages[static_cast<size_t>(tree.home)];

    std::vector<Planned> plan;
    plan.push_back({&home, model::Chapter::Role::Introduction, 0});

    std::function<void(const collect::Page&, int)> addChildren = [&](const collect::Page& section, int depth) {
        for (size_t c : section.children) {
            const auto& child = tree.pages[c];
            plan.push_back({&child, model::Chapter::Role::Chapter, depth});
            if (child.kind == collect::Page::Kind::Section) addChildren(child, depth + 1);
        }
    };

    std::set<std::string> moduleUrls;
    for (auto& m : project.index.modules) moduleUrls.insert(markdown::resolveSitePath("/", m.href));
    std::set<int> added;
    for (const auto& step : path.steps) {
        std::vector<int> picks;
        for (int n : step.alternatives)
            if (options.chosenModules.empty() || step.alternatives.size() == 1 || options.chosenModules.count(n))
                picks.push_back(n);
        if (picks.empty()) picks = step.alternatives;  // the choice concerns another step
        for (int n : picks) {
            if (n < 1 || n > static_cast<int>(project.index.modules.size()) || !added.insert(n).second) continue;
            const auto& entry = project.index.modules[static_cast<size_t>(n - 1)];
            std::string url = markdown::resolveSitePath("/", entry.href);
            const collect::Page* module = url.empty() ? nullptr : tree.find(url);
            if (!module) {
                diags.error(entry.pos, "module link '" + entry.href + "' does not lead to a page of the content tree");
                continue;
            }
            plan.push_back({module, model::Chapter::Role::Module, 0});
            addChildren(*module, 1);
        }
    }
    // Pages of the home section that belong to no module: appendices, never silently dropped.
    for (size_t c : home.children) {
        const auto& child = tree.pages[c];
        if (moduleUrls.count(child.url)) continue;
        plan.push_back({&child, model::Chapter::Role::Appendix, 0});
        if (child.kind == collect::Page::Kind::Section) addChildren(child, 1);
    }

    markdown::LinkContext ctx;
    ctx.tree = &tree;
    ctx.pages = &project.pages;
    ctx.baseUrl = options.baseUrl;
    ctx.bookLabel = "the book of path " + path.id;
    for (auto& p : plan) ctx.chapterIdByUrl[p.page->url] = chapterIdFor(p.page->url);

    for (auto& p : plan) {
        const auto& converted = project.pages.at(p.page->url);
        model::Chapter chapter = converted.chapter;
        chapter.role = p.role;
        chapter.depth = p.depth;
        chapter.id = chapterIdFor(p.page->url);
        markdown::resolveLinks(chapter, converted, ctx, diags);
        book.chapters.push_back(std::move(chapter));
    }

    auto& meta = book.meta;
    meta.seriesTitle = home.title;
    meta.seriesDescription = home.description;
    meta.pathId = path.id;
    meta.pathName = path.name;
    meta.pathFocus = path.focus;
    meta.version = !options.version.empty() ? options.version
                   : !project.index.version.empty() ? project.index.version : "v0.0.0";
    meta.author = options.author;
    meta.publisher = options.publisher;
    meta.sourceDateEpoch = options.sourceDateEpoch;
    meta.baseUrl = options.baseUrl;
    std::string modulesKey;
    for (auto& ch : book.chapters) modulesKey += ch.id + ";";
    meta.identifier = "urn:uuid:" + util::uuidFromName(home.title + "|path-" + path.id + "|" + meta.version + "|" + modulesKey);
    meta.keywords = options.keywords;
    return book;
}

}  // namespace pipeline
