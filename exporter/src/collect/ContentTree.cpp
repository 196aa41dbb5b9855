// Walks the content directory the way Hugo does and orders each section's pages.
#include "collect/ContentTree.h"

#include <algorithm>
#include <filesystem>

#include "util/Text.h"

namespace fs = std::filesystem;

namespace collect {

const Page* ContentTree::find(const std::string& url) const {
    auto it = byUrl.find(url);
    return it == byUrl.end() ? nullptr : &pages[it->second];
}

namespace {

std::string joinPath(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    return a + "/" + b;
}

// Hugo's default page order: weight (unweighted last), date (newest first),
// title, then file path.
bool hugoBefore(const Page& a, const Page& b) {
    if (a.weight != b.weight) {
        if (a.weight == 0) return false;
        if (b.weight == 0) return true;
        return a.weight < b.weight;
    }
    if (a.date != b.date) return a.date > b.date;
    if (a.title != b.title) return a.title < b.title;
    return a.file < b.file;
}

class TreeLoader {
public:
    TreeLoader(ContentTree& tree, const LoadOptions& options, diag::Diagnostics& diags)
        : tree_(tree), options_(options), diags_(diags) {}

    // rel: directory relative to the root ("" for the root). Returns the page
    // index of the directory's section page, or -1 if the directory has none.
    void walk(const std::string& rel, int section) {
        fs::path dir = rel.empty() ? fs::path(tree_.root) : fs::path(tree_.root) / rel;
        std::vector<fs::directory_entry> entries;
        std::error_code ec;
        for (auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e);
        if (ec) {
            diags_.error(dir.string(), 0, 0, "cannot read directory: " + ec.message());
            return;
        }
        std::sort(entries.begin(), entries.end(),
                  [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });

        int here = section;
        bool hasSectionPage = fs::is_regular_file(dir / "_index.md");
        if (hasSectionPage) {
            here = addPage(Page::Kind::Section, (dir / "_index.md").string(), rel, urlOf(rel), section);
            if (rel.empty()) tree_.home = here;
        }
        for (auto& e : entries) {
            std::string name = e.path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            std::string childRel = joinPath(rel, name);
            if (e.is_directory()) {
                if (fs::is_regular_file(e.path() / "index.md")) {
                    addPage(Page::Kind::Bundle, (e.path() / "index.md").string(), childRel, urlOf(childRel), here);
                } else {
                    walk(childRel, here);
                }
            } else if (e.is_regular_file() && util::endsWith(name, ".md") && name != "_index.md") {
                std::string stem = name.substr(0, name.size() - 3);
                addPage(Page::Kind::Leaf, e.path().string(), rel, urlOf(joinPath(rel, stem)), here);
            }
        }
    }

private:
    static std::string urlOf(const std::string& rel) { return rel.empty() ? "/" : "/" + rel + "/"; }

    int addPage(Page::Kind kind, const std::string& file, const std::string& dir, const std::string& url,
                int parent) {
        Page page;
        page.kind = kind;
        page.file = file;
        page.dir = dir.empty() ? tree_.root : tree_.root + "/" + dir;
        page.url = url;
        page.parent = parent;
        std::string text;
        try {
            text = util::readFile(file);
        } catch (const std::exception& e) {
            diags_.error(file, 0, 0, e.what());
            return -1;
        }
        parsePageText(text, page, diags_);
        if (page.draft && !options_.includeDrafts) return -1;
        if (tree_.byUrl.count(url)) {
            diags_.error(file, 1, 1, "two pages publish to the same URL " + url + " (the other is " +
                                         tree_.pages[tree_.byUrl[url]].file + ")");
            return -1;
        }
        int index = static_cast<int>(tree_.pages.size());
        tree_.byUrl[url] = static_cast<size_t>(index);
        tree_.pages.push_back(std::move(page));
        if (parent >= 0) tree_.pages[static_cast<size_t>(parent)].children.push_back(static_cast<size_t>(index));
        return index;
    }

    ContentTree& tree_;
    const LoadOptions& options_;
    diag::Diagnostics& diags_;
};

}  // namespace

ContentTree loadContentTree(const std::string& root, const LoadOptions& options, diag::Diagnostics& diags) {
    ContentTree tree;
    tree.root = root;
    while (tree.root.size() > 1 && tree.root.back() == '/') tree.root.pop_back();
    if (!fs::is_directory(tree.root)) {
        diags.error(tree.root, 0, 0, "content directory does not exist");
        return tree;
    }
    TreeLoader(tree, options, diags).walk("", -1);
    if (tree.home < 0) {
        diags.error(tree.root + "/_index.md", 0, 0, "the content tree has no index page (_index.md)");
    }
    for (auto& page : tree.pages) {
        std::stable_sort(page.children.begin(), page.children.end(),
                         [&](size_t a, size_t b) { return hugoBefore(tree.pages[a], tree.pages[b]); });
    }
    return tree;
}

}  // namespace collect
