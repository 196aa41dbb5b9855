#include "markdown/LinkResolver.h"

#include <glib.h>

#include <vector>

#include "util/Text.h"

namespace markdown {

namespace {

bool hasScheme(const std::string& href) {
    size_t colon = href.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    for (size_t i = 0; i < colon; ++i) {
        char c = href[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
    }
    return std::isalpha(static_cast<unsigned char>(href[0]));
}

void collectLinks(std::vector<model::Inline>& inlines, std::vector<model::Inline*>& out) {
    for (auto& in : inlines) {
        if (in.kind == model::Inline::Kind::Link) out.push_back(&in);
        collectLinks(in.children, out);
    }
}

void collectLinks(std::vector<model::Block>& blocks, std::vector<model::Inline*>& out) {
    for (auto& b : blocks) {
        collectLinks(b.inlines, out);
        for (auto& r : b.rows)
            for (auto& c : r.cells) collectLinks(c.inlines, out);
        collectLinks(b.caption, out);
        collectLinks(b.children, out);
    }
}

// "x.md", "x/index.md", "x/_index.md" → the URL Hugo gives them.
std::string pagePathFromFile(std::string p) {
    if (util::endsWith(p, "/_index.md")) return p.substr(0, p.size() - 9);
    if (util::endsWith(p, "/index.md")) return p.substr(0, p.size() - 8);
    if (p == "_index.md" || p == "index.md") return "./";
    if (util::endsWith(p, ".md")) return p.substr(0, p.size() - 3) + "/";
    return p;
}

}  // namespace

std::string resolveSitePath(const std::string& pageUrl, const std::string& href) {
    std::vector<std::string> parts;
    auto push = [&](const std::string& path) {
        size_t start = 0;
        while (start <= path.size()) {
            size_t slash = path.find('/', start);
            std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
            if (seg == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else if (!seg.empty() && seg != ".") {
                parts.push_back(seg);
            }
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
        return true;
    };
    if (!util::startsWith(href, "/")) {
        std::string base = pageUrl.substr(0, pageUrl.rfind('/') + 1);
        push(base);
    }
    if (!push(href)) return "";
    std::string out = "/";
    for (auto& p : parts) out += p + "/";
    return out;
}

void resolveLinks(model::Chapter& chapter, const ConvertedPage& page, const LinkContext& ctx,
                  diag::Diagnostics& diags) {
    std::vector<model::Inline*> links;
    // Links that must become plain text for want of a base URL: reported once
    // per page, at the first of them, so a long index page does not flood the output.
    model::SourcePos firstOutside;
    std::string firstHref;
    int outside = 0;
    auto noBaseUrl = [&](const model::SourcePos& where, const std::string& href) {
        if (outside++ == 0) {
            firstOutside = where;
            firstHref = href;
        }
    };
    collectLinks(chapter.blocks, links);
    collectLinks(chapter.footnotes, links);
    for (size_t i = 0; i < links.size(); ++i) {
        model::Inline& link = *links[i];
        model::SourcePos where = i < page.links.size() ? page.links[i].pos : model::SourcePos{chapter.sourceFile, 0, 0};
        std::string href = link.src;
        model::LinkTarget& t = link.target;
        if (href.empty()) {
            diags.warning(where, "link with an empty destination is kept as plain text");
            continue;
        }
        if (hasScheme(href) || util::startsWith(href, "//")) {
            t.kind = model::LinkTarget::Kind::External;
            t.url = util::startsWith(href, "//") ? "https:" + href : href;
            continue;
        }
        std::string fragment;
        std::string path = href;
        if (size_t hash = href.find('#'); hash != std::string::npos) {
            fragment = util::percentDecode(href.substr(hash + 1));
            path = href.substr(0, hash);
        }
        if (size_t q = path.find('?'); q != std::string::npos) path = path.substr(0, q);
        path = util::percentDecode(path);

        std::string url = path.empty() ? chapter.url : resolveSitePath(chapter.url, pagePathFromFile(path));
        if (!url.empty() && !ctx.tree->find(url) && !path.empty() && !util::endsWith(path, "/")) {
            // "../x" written without the trailing slash
            std::string withSlash = resolveSitePath(chapter.url, path + "/");
            if (ctx.tree->find(withSlash)) url = withSlash;
        }
        if (url.empty()) {
            // Climbs out of the content tree: a page of the wider site.
            if (ctx.baseUrl.empty()) {
                noBaseUrl(where, href);
                continue;
            }
            char* abs = g_uri_resolve_relative(ctx.baseUrl.c_str(),
                                               (chapter.url.substr(1) + href).c_str(), G_URI_FLAGS_NONE, nullptr);
            t.kind = model::LinkTarget::Kind::External;
            t.url = abs ? abs : ctx.baseUrl;
            g_free(abs);
            continue;
        }
        const collect::Page* target = ctx.tree->find(url);
        if (!target) {
            diags.error(where, "link to a missing page '" + href + "' (resolves to " + url + ")");
            continue;
        }
        auto converted = ctx.pages->find(url);
        if (!fragment.empty() && converted != ctx.pages->end() && !converted->second.ids.count(fragment)) {
            diags.error(where, "link to a missing anchor '#" + fragment + "' in " + target->file);
            continue;
        }
        auto inBook = ctx.chapterIdByUrl.find(url);
        if (inBook != ctx.chapterIdByUrl.end()) {
            t.kind = model::LinkTarget::Kind::Internal;
            t.chapterId = inBook->second;
            t.anchor = fragment;
            continue;
        }
        if (ctx.baseUrl.empty()) {
            noBaseUrl(where, href);
            continue;
        }
        t.kind = model::LinkTarget::Kind::External;
        std::string base = ctx.baseUrl;
        if (!util::endsWith(base, "/")) base += '/';
        t.url = base + url.substr(1);
        if (!fragment.empty()) {
            char* esc = g_uri_escape_string(fragment.c_str(), nullptr, TRUE);
            t.url += "#" + std::string(esc);
            g_free(esc);
        }
    }
    if (outside > 0) {
        diags.warning(firstOutside, std::to_string(outside) + " link(s) of this page lead outside " + ctx.bookLabel +
                                        " (first: '" + firstHref +
                                        "'); kept as plain text because no base URL is set (base_url in book.toml or --base-url)");
    }
}

}  // namespace markdown
