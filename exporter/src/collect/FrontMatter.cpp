// Front matter: YAML (---) through yaml-cpp, TOML (+++) through toml++.
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

#include "collect/ContentTree.h"
#include "util/Text.h"

namespace collect {

namespace {

struct Fields {
    bool hasTitle = false;
};

std::string tomlDateString(const toml::node& n) {
    std::ostringstream ss;
    if (auto d = n.as_date()) ss << d->get();
    else if (auto dt = n.as_date_time()) ss << dt->get();
    else if (auto s = n.as_string()) ss << s->get();
    return ss.str();
}

void parseYaml(const std::string& text, int firstLine, Page& page, diag::Diagnostics& diags, Fields& f) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        diags.error(page.file, firstLine + e.mark.line, e.mark.column + 1,
                    "invalid YAML front matter: " + e.msg);
        return;
    }
    if (root.IsNull()) return;
    if (!root.IsMap()) {
        diags.error(page.file, firstLine, 1, "front matter must be a mapping of keys to values");
        return;
    }
    auto scalar = [&](const char* key, std::string& out) {
        YAML::Node n = root[key];
        if (!n) return false;
        if (!n.IsScalar()) {
            diags.error(page.file, firstLine + n.Mark().line, n.Mark().column + 1,
                        std::string("front matter '") + key + "' must be a single value");
            return false;
        }
        out = n.Scalar();
        return true;
    };
    f.hasTitle = scalar("title", page.title);
    scalar("description", page.description);
    scalar("date", page.date);
    std::string s;
    if (scalar("weight", s)) {
        try {
            size_t used = 0;
            page.weight = std::stoi(s, &used);
            if (used != s.size()) throw std::invalid_argument(s);
        } catch (const std::exception&) {
            YAML::Node n = root["weight"];
            diags.error(page.file, firstLine + n.Mark().line, n.Mark().column + 1,
                        "front matter 'weight' must be an integer, not '" + s + "'");
        }
    }
    if (scalar("draft", s)) page.draft = (s == "true" || s == "True" || s == "yes");
}

void parseToml(const std::string& text, int firstLine, Page& page, diag::Diagnostics& diags, Fields& f) {
    toml::table table;
    try {
        table = toml::parse(text, page.file);
    } catch (const toml::parse_error& e) {
        diags.error(page.file, firstLine - 1 + static_cast<int>(e.source().begin.line),
                    static_cast<int>(e.source().begin.column),
                    "invalid TOML front matter: " + std::string(e.description()));
        return;
    }
    auto line = [&](const toml::node* n) {
        return n ? firstLine - 1 + static_cast<int>(n->source().begin.line) : firstLine;
    };
    if (auto n = table.get("title")) {
        if (auto s = n->as_string()) { page.title = s->get(); f.hasTitle = true; }
        else diags.error(page.file, line(n), 1, "front matter 'title' must be a string");
    }
    if (auto n = table.get("description"); n && n->as_string()) page.description = n->as_string()->get();
    if (auto n = table.get("date")) page.date = tomlDateString(*n);
    if (auto n = table.get("weight")) {
        if (auto i = n->as_integer()) page.weight = static_cast<int>(i->get());
        else diags.error(page.file, line(n), 1, "front matter 'weight' must be an integer");
    }
    if (auto n = table.get("draft"); n && n->as_boolean()) page.draft = n->as_boolean()->get();
}

}  // namespace

void parsePageText(const std::string& raw, Page& page, diag::Diagnostics& diags) {
    std::string text = raw;
    if (util::startsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);  // BOM
    if (size_t bad = util::invalidUtf8Offset(text); bad != std::string::npos) {
        int line = 1;
        for (size_t i = 0; i < bad; ++i) line += text[i] == '\n';
        diags.error(page.file, line, 0, "invalid UTF-8 (byte offset " + std::to_string(bad) + ")");
        text.resize(bad);  // keep what is valid so later stages can go on
    }
    if (text.find('\r') != std::string::npos) {
        std::string lf;
        lf.reserve(text.size());
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\r') {
                if (i + 1 < text.size() && text[i + 1] == '\n') continue;
                lf += '\n';
            } else {
                lf += text[i];
            }
        }
        text.swap(lf);
    }
    if (text.find('\0') != std::string::npos) {
        diags.error(page.file, 1, 0, "file contains a NUL byte");
        text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
    }

    Fields f;
    page.body = text;
    page.bodyLine = 1;
    std::string delim;
    if (util::startsWith(text, "---\n")) delim = "---";
    else if (util::startsWith(text, "+++\n")) delim = "+++";
    if (!delim.empty()) {
        // Find the closing delimiter on a line of its own.
        size_t pos = 4;
        int line = 2;
        size_t close = std::string::npos;
        while (pos <= text.size()) {
            size_t eol = text.find('\n', pos);
            std::string_view l(text.data() + pos, (eol == std::string::npos ? text.size() : eol) - pos);
            if (util::trim(l) == delim) { close = pos; break; }
            if (eol == std::string::npos) break;
            pos = eol + 1;
            ++line;
        }
        if (close == std::string::npos) {
            diags.error(page.file, 1, 1, "front matter opened with '" + delim + "' is never closed");
            page.body.clear();
            return;
        }
        std::string fm = text.substr(4, close - 4);
        if (delim == "---") parseYaml(fm, 2, page, diags, f);
        else parseToml(fm, 2, page, diags, f);
        size_t after = text.find('\n', close);
        page.body = after == std::string::npos ? std::string() : text.substr(after + 1);
        page.bodyLine = line + 1;
    }
    if (!f.hasTitle || util::trim(page.title).empty()) {
        diags.error(page.file, 1, 1, "page has no title in its front matter");
    }
}

}  // namespace collect
