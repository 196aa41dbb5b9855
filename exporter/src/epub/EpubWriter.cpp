#include "epub/EpubWriter.h"

#include <pugixml.hpp>
#include <zip.h>

#include <deque>
#include <future>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

#include "epub/Cover.h"
#include "util/Text.h"
#include "xhtml/XhtmlWriter.h"

namespace epub {

namespace {

const char* kOebps = "OEBPS/";

std::string save(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
}

pugi::xml_node xhtmlSkeleton(pugi::xml_document& doc, const model::Book& book, const std::string& title,
                             const char* bodyType) {
    auto body = xhtml::beginDocument(doc, book, title, "css/book.css");
    if (bodyType) body.append_attribute("epub:type") = bodyType;
    return body;
}

std::string bookTitle(const model::BookMeta& m) {
    return m.seriesTitle + "：路徑 " + m.pathId + " " + m.pathName;
}

// One entry of the table of contents: a chapter or a section heading in it.
struct TocEntry {
    std::string label;
    std::string href;
    int depth;
};

std::vector<TocEntry> tocEntries(const model::Book& book) {
    std::vector<TocEntry> out;
    for (auto& ch : book.chapters) {
        std::string file = xhtml::chapterFile(ch);
        out.push_back({ch.title, file, ch.depth});
        for (auto& b : ch.blocks) {
            if (b.kind != model::Block::Kind::Heading || b.level != 2) continue;
            std::string text;
            std::function<void(const std::vector<model::Inline>&)> walk = [&](const std::vector<model::Inline>& ins) {
                for (auto& in : ins) {
                    if (in.kind == model::Inline::Kind::Text || in.kind == model::Inline::Kind::Code) text += in.text;
                    walk(in.children);
                }
            };
            walk(b.inlines);
            out.push_back({text, file + "#" + b.id, ch.depth + 1});
        }
    }
    return out;
}

std::string navDocument(const model::Book& book) {
    pugi::xml_document doc;
    auto body = xhtmlSkeleton(doc, book, "目錄", nullptr);
    auto nav = body.append_child("nav");
    nav.append_attribute("epub:type") = "toc";
    nav.append_attribute("id") = "toc";
    nav.append_attribute("role") = "doc-toc";
    nav.append_child("h1").text().set("目錄");
    // Nested <ol>: a stack of lists, one per depth.
    std::vector<pugi::xml_node> lists{nav.append_child("ol")};
    pugi::xml_node lastItem;
    for (auto& e : tocEntries(book)) {
        int depth = std::max(0, e.depth);
        while (static_cast<int>(lists.size()) - 1 < depth && lastItem) {
            lists.push_back(lastItem.append_child("ol"));
        }
        while (static_cast<int>(lists.size()) - 1 > depth) lists.pop_back();
        lastItem = lists.back().append_child("li");
        auto a = lastItem.append_child("a");
        a.append_attribute("href") = e.href.c_str();
        a.text().set(xhtml::xmlSafe(e.label).c_str());
    }
    auto landmarks = body.append_child("nav");
    landmarks.append_attribute("epub:type") = "landmarks";
    landmarks.append_attribute("id") = "landmarks";
    landmarks.append_attribute("hidden") = "hidden";
    landmarks.append_child("h2").text().set("導覽");
    auto ol = landmarks.append_child("ol");
    auto mark = [&](const char* type, const std::string& href, const char* label) {
        auto a = ol.append_child("li").append_child("a");
        a.append_attribute("epub:type") = type;
        a.append_attribute("href") = href.c_str();
        a.text().set(label);
    };
    mark("cover", "cover.xhtml", "封面");
    mark("titlepage", "titlepage.xhtml", "書名頁");
    mark("toc", "nav.xhtml#toc", "目錄");
    if (!book.chapters.empty()) mark("bodymatter", xhtml::chapterFile(book.chapters.front()), "導讀");
    return save(doc);
}

std::string ncxDocument(const model::Book& book) {
    pugi::xml_document doc;
    xhtml::declareXml(doc);
    auto ncx = doc.append_child("ncx");
    ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
    ncx.append_attribute("version") = "2005-1";
    ncx.append_attribute("xml:lang") = book.meta.language.c_str();
    auto head = ncx.append_child("head");
    auto meta = [&](const char* name, const std::string& content) {
        auto m = head.append_child("meta");
        m.append_attribute("name") = name;
        m.append_attribute("content") = content.c_str();
    };
    auto entries = tocEntries(book);
    int maxDepth = 1;
    for (auto& e : entries) maxDepth = std::max(maxDepth, e.depth + 1);
    meta("dtb:uid", book.meta.identifier);
    meta("dtb:depth", std::to_string(maxDepth));
    meta("dtb:totalPageCount", "0");
    meta("dtb:maxPageNumber", "0");
    ncx.append_child("docTitle").append_child("text").text().set(xhtml::xmlSafe(bookTitle(book.meta)).c_str());
    auto navMap = ncx.append_child("navMap");
    std::vector<pugi::xml_node> parents{navMap};
    pugi::xml_node last;
    int order = 0;
    for (auto& e : entries) {
        int depth = std::max(0, e.depth);
        while (static_cast<int>(parents.size()) - 1 < depth && last) parents.push_back(last);
        while (static_cast<int>(parents.size()) - 1 > depth) parents.pop_back();
        last = parents.back().append_child("navPoint");
        ++order;
        last.append_attribute("id") = ("nav-" + std::to_string(order)).c_str();
        last.append_attribute("playOrder") = order;
        last.append_child("navLabel").append_child("text").text().set(xhtml::xmlSafe(e.label).c_str());
        last.append_child("content").append_attribute("src") = e.href.c_str();
    }
    return save(doc);
}

std::string coverDocument(const model::Book& book) {
    pugi::xml_document doc;
    auto body = xhtmlSkeleton(doc, book, "封面", "cover");
    auto div = body.append_child("div");
    div.append_attribute("class") = "cover";
    auto img = div.append_child("img");
    img.append_attribute("src") = "images/cover.png";
    img.append_attribute("alt") = xhtml::xmlSafe(bookTitle(book.meta) + "（" + book.meta.version + "）").c_str();
    img.append_attribute("role") = "doc-cover";
    return save(doc);
}

std::string titlePageDocument(const model::Book& book) {
    const auto& m = book.meta;
    pugi::xml_document doc;
    auto body = xhtmlSkeleton(doc, book, bookTitle(m), "frontmatter");
    auto sec = body.append_child("section");
    sec.append_attribute("class") = "titlepage";
    sec.append_attribute("epub:type") = "titlepage";
    sec.append_child("h1").text().set(xhtml::xmlSafe(m.seriesTitle).c_str());
    auto sub = sec.append_child("p");
    sub.append_attribute("class") = "subtitle";
    sub.text().set(xhtml::xmlSafe(m.seriesDescription).c_str());
    auto path = sec.append_child("p");
    path.append_attribute("class") = "path";
    path.text().set(xhtml::xmlSafe("路徑 " + m.pathId + "：" + m.pathName).c_str());
    if (!m.pathFocus.empty()) {
        auto focus = sec.append_child("p");
        focus.append_attribute("class") = "focus";
        focus.text().set(xhtml::xmlSafe("重點：" + m.pathFocus).c_str());
    }
    auto colophon = body.append_child("section");
    colophon.append_attribute("class") = "colophon";
    colophon.append_attribute("epub:type") = "colophon";
    colophon.append_attribute("aria-label") = "版本資訊";
    auto line = [&](const std::string& label, const std::string& value) {
        if (value.empty()) return;
        auto p = colophon.append_child("p");
        p.text().set(xhtml::xmlSafe(label + "：" + value).c_str());
    };
    line("版本", m.version);
    line("建置日期", util::isoUtc(m.sourceDateEpoch).substr(0, 10));
    line("作者", m.author);
    line("出版", m.publisher);
    if (!m.baseUrl.empty()) line("線上版", m.baseUrl);
    return save(doc);
}

std::string packageDocument(const model::Book& book, const std::vector<std::pair<std::string, std::string>>& files,
                            bool hasImages) {
    const auto& m = book.meta;
    pugi::xml_document doc;
    xhtml::declareXml(doc);
    auto pkg = doc.append_child("package");
    pkg.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
    pkg.append_attribute("version") = "3.0";
    pkg.append_attribute("unique-identifier") = "bookid";
    pkg.append_attribute("xml:lang") = m.language.c_str();
    auto md = pkg.append_child("metadata");
    md.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    auto dc = [&](const char* name, const std::string& value, const char* id = nullptr) {
        auto n = md.append_child(name);
        if (id) n.append_attribute("id") = id;
        n.text().set(xhtml::xmlSafe(value).c_str());
        return n;
    };
    auto meta = [&](const char* property, const std::string& value, const char* refines = nullptr) {
        auto n = md.append_child("meta");
        if (refines) n.append_attribute("refines") = refines;
        n.append_attribute("property") = property;
        n.text().set(xhtml::xmlSafe(value).c_str());
    };
    dc("dc:identifier", m.identifier, "bookid");
    dc("dc:title", bookTitle(m), "title");
    meta("title-type", "main", "#title");
    dc("dc:language", m.language);
    if (!m.author.empty()) {
        dc("dc:creator", m.author, "creator");
        meta("role", "aut", "#creator");
    }
    if (!m.publisher.empty()) dc("dc:publisher", m.publisher);
    dc("dc:date", util::isoUtc(m.sourceDateEpoch).substr(0, 10));
    if (!m.seriesDescription.empty())
        dc("dc:description", m.seriesDescription + (m.pathFocus.empty() ? "" : "。重點：" + m.pathFocus));
    for (auto& k : m.keywords) dc("dc:subject", k);
    meta("dcterms:modified", util::isoUtc(m.sourceDateEpoch));
    meta("belongs-to-collection", m.seriesTitle);
    auto collection = md.last_child();
    collection.append_attribute("id") = "series";
    meta("collection-type", "series", "#series");
    meta("schema:version", m.version);
    // Accessibility (EPUB Accessibility 1.1 discovery metadata).
    meta("schema:accessMode", "textual");
    if (hasImages) meta("schema:accessMode", "visual");
    meta("schema:accessModeSufficient", "textual");
    meta("schema:accessibilityFeature", "structuralNavigation");
    meta("schema:accessibilityFeature", "tableOfContents");
    meta("schema:accessibilityFeature", "readingOrder");
    meta("schema:accessibilityFeature", "displayTransformability");
    if (hasImages) meta("schema:accessibilityFeature", "alternativeText");
    meta("schema:accessibilityHazard", "none");
    meta("schema:accessibilitySummary",
         "本書為可重排文字的電子書，章節以標題分層並附有巢狀目錄與地標導覽；程式碼以文字呈現，可調整字型與大小；"
         "圖片附有替代文字；不含閃爍、聲音或動態內容。");
    auto cover = md.append_child("meta");
    cover.append_attribute("name") = "cover";
    cover.append_attribute("content") = "cover-image";

    auto manifest = pkg.append_child("manifest");
    auto spine = pkg.append_child("spine");
    spine.append_attribute("toc") = "ncx";
    std::set<std::string> usedIds;
    for (auto& [path, data] : files) {
        if (!util::startsWith(path, kOebps)) continue;
        std::string href = path.substr(6);
        if (href == "package.opf") continue;
        std::string id;
        std::string type;
        std::string props;
        if (href == "nav.xhtml") { id = "nav"; props = "nav"; }
        else if (href == "toc.ncx") { id = "ncx"; type = "application/x-dtbncx+xml"; }
        else if (href == "images/cover.png") { id = "cover-image"; props = "cover-image"; }
        else if (href == "cover.xhtml") id = "cover";
        else if (href == "titlepage.xhtml") id = "titlepage";
        else if (href == "css/book.css") { id = "css"; type = "text/css"; }
        if (util::endsWith(href, ".xhtml")) type = "application/xhtml+xml";
        if (type.empty()) {
            for (auto& ch : book.chapters)
                for (auto& a : ch.assets)
                    if (a.href == href) type = a.mediaType;
            if (type.empty() && util::endsWith(href, ".png")) type = "image/png";
        }
        if (id.empty()) {
            id = "i-";
            for (char c : href) id += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '-';
            std::string base = id;
            for (int k = 2; usedIds.count(id); ++k) id = base + "-" + std::to_string(k);
        }
        usedIds.insert(id);
        auto item = manifest.append_child("item");
        item.append_attribute("id") = id.c_str();
        item.append_attribute("href") = href.c_str();
        item.append_attribute("media-type") = type.c_str();
        if (!props.empty()) item.append_attribute("properties") = props.c_str();
    }
    auto itemref = [&](const std::string& idref) { spine.append_child("itemref").append_attribute("idref") = idref.c_str(); };
    itemref("cover");
    itemref("titlepage");
    itemref("nav");
    for (auto& ch : book.chapters) {
        std::string id = "i-" + ch.id + "-xhtml";
        itemref(id);
    }
    return save(doc);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> buildPackage(const model::Book& book, const EpubOptions& options) {
    // The cover is the costliest single file: draw it on another core while
    // the chapters are rendered.
    auto cover = std::async(std::launch::async, [&] { return drawCoverPng(book.meta, options.dataDir); });
    std::vector<std::pair<std::string, std::string>> files;
    files.emplace_back("mimetype", "application/epub+zip");
    files.emplace_back("META-INF/container.xml",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
                       "  <rootfiles>\n"
                       "    <rootfile full-path=\"OEBPS/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
                       "  </rootfiles>\n"
                       "</container>\n");
    std::string oebps = kOebps;
    files.emplace_back(oebps + "package.opf", "");  // filled in below, once the manifest is known
    files.emplace_back(oebps + "nav.xhtml", navDocument(book));
    files.emplace_back(oebps + "toc.ncx", ncxDocument(book));
    files.emplace_back(oebps + "css/book.css", util::readFile(options.dataDir + "/styles/epub.css"));
    files.emplace_back(oebps + "cover.xhtml", coverDocument(book));
    files.emplace_back(oebps + "images/cover.png", "");  // from `cover`, below
    files.emplace_back(oebps + "titlepage.xhtml", titlePageDocument(book));
    bool hasImages = false;
    std::set<std::string> assets;
    for (auto& ch : book.chapters) {
        files.emplace_back(oebps + xhtml::chapterFile(ch), xhtml::renderChapter(book, ch));
        for (auto& a : ch.assets) {
            hasImages = true;
            if (assets.insert(a.href).second) files.emplace_back(oebps + a.href, util::readFile(a.sourcePath));
        }
    }
    for (auto& [name, data] : files)
        if (name == oebps + "images/cover.png") data = cover.get();
    files[2].second = packageDocument(book, files, hasImages);
    return files;
}

namespace {

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};

}  // namespace

void writeEpub(const model::Book& book, const EpubOptions& options, const std::string& outPath) {
    auto files = buildPackage(book, options);
    int err = 0;
    std::unique_ptr<zip_t, ZipDiscard> zip(zip_open(outPath.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
    if (!zip) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        std::string msg = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        throw std::runtime_error("cannot create " + outPath + ": " + msg);
    }
    auto fail = [&](const std::string& what) {
        throw std::runtime_error(what + ": " + zip_strerror(zip.get()));
    };
    time_t mtime = static_cast<time_t>(book.meta.sourceDateEpoch);
    for (auto& [name, data] : files) {
        zip_source_t* src = zip_source_buffer(zip.get(), data.data(), data.size(), 0);
        if (!src) fail("cannot add " + name);
        zip_int64_t idx = zip_file_add(zip.get(), name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(src);
            fail("cannot add " + name);
        }
        bool stored = name == "mimetype" || util::endsWith(name, ".png") || util::endsWith(name, ".jpg") ||
                      util::endsWith(name, ".jpeg") || util::endsWith(name, ".gif");
        if (zip_set_file_compression(zip.get(), static_cast<zip_uint64_t>(idx), stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     9) < 0)
            fail("cannot set compression of " + name);
        if (zip_file_set_mtime(zip.get(), static_cast<zip_uint64_t>(idx), mtime, 0) < 0) fail("cannot date " + name);
    }
    // zip_close writes everything (the buffers above must live until then).
    zip_t* z = zip.release();
    if (zip_close(z) < 0) {
        std::string msg = zip_strerror(z);
        zip_discard(z);
        throw std::runtime_error("cannot write " + outPath + ": " + msg);
    }
}

}  // namespace epub
