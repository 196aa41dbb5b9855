#include "markdown/Shortcodes.h"

#include <map>
#include <regex>
#include <vector>

#include "util/Text.h"

namespace markdown {

namespace {

struct Shortcode {
    bool closing = false;
    std::string name;
    std::vector<std::string> positional;
    std::map<std::string, std::string> named;
};

Shortcode parseShortcode(const std::string& inner) {
    Shortcode sc;
    static const std::regex token(R"re(([A-Za-z_][\w-]*)\s*=\s*"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w-]*)\s*=\s*(\S+)|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+))re");
    std::string s = util::trim(inner);
    if (util::startsWith(s, "/")) {
        sc.closing = true;
        s = util::trim(s.substr(1));
    }
    bool first = true;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), token); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        if (first) {
            sc.name = m.str(0);
            first = false;
        } else if (m[1].matched) {
            sc.named[m.str(1)] = m.str(2);
        } else if (m[3].matched) {
            sc.named[m.str(3)] = m.str(4);
        } else if (m[5].matched) {
            sc.positional.push_back(m.str(5));
        } else if (m[6].matched) {
            sc.positional.push_back(m.str(6));
        } else {
            sc.positional.push_back(m.str(7));
        }
    }
    return sc;
}

// Hugo looks a ref up from the content root unless it starts with "." (relative
// to the page); the result is written as a site path the link resolver knows.
std::string refToPath(const std::string& ref) {
    std::string p = ref;
    if (!p.empty() && p[0] != '.' && p[0] != '/') p = "/" + p;
    if (util::endsWith(p, "/_index.md")) p = p.substr(0, p.size() - 9);
    else if (util::endsWith(p, "/index.md")) p = p.substr(0, p.size() - 8);
    else if (p == "_index.md" || p == "index.md") p = "./";
    else if (util::endsWith(p, ".md")) p = p.substr(0, p.size() - 3) + "/";
    return p;
}

std::string escapeTitle(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

std::string expandShortcodes(const std::string& body, const std::string& file, int firstLine,
                             diag::Diagnostics& diags) {
    if (body.find("{{") == std::string::npos) return body;
    static const std::regex shortcode(R"(\{\{([<%])(.*?)([>%])\}\})");
    static const std::regex fence(R"(^ {0,3}(`{3,}|~{3,}))");
    std::string out;
    out.reserve(body.size());
    std::string openFence;
    size_t start = 0;
    int lineNo = firstLine;
    while (start <= body.size()) {
        size_t nl = body.find('\n', start);
        std::string line = body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        std::smatch fm;
        if (std::regex_search(line, fm, fence)) {
            std::string f = fm.str(1);
            if (openFence.empty()) openFence = f;
            else if (f[0] == openFence[0] && f.size() >= openFence.size() && util::trim(line) == f) openFence.clear();
        }
        bool inCodeFence = !openFence.empty() && !(std::regex_search(line, fm, fence) && fm.str(1) == openFence &&
                                                    line.find("{{") == std::string::npos);
        if (!inCodeFence || line.find("highlight") != std::string::npos) {
            std::string result;
            auto begin = std::sregex_iterator(line.begin(), line.end(), shortcode);
            size_t last = 0;
            for (auto it = begin; it != std::sregex_iterator(); ++it) {
                const auto& m = *it;
                result += line.substr(last, static_cast<size_t>(m.position(0)) - last);
                last = static_cast<size_t>(m.position(0) + m.length(0));
                Shortcode sc = parseShortcode(m.str(2));
                int col = static_cast<int>(m.position(0)) + 1;
                if (sc.name == "figure" && !sc.closing) {
                    std::string src = sc.named["src"];
                    std::string alt = sc.named.count("alt") ? sc.named["alt"] : sc.named["caption"];
                    std::string caption = sc.named.count("caption") ? sc.named["caption"] : sc.named["title"];
                    result += "![" + alt + "](" + src + (caption.empty() ? "" : " \"" + escapeTitle(caption) + "\"") + ")";
                } else if (sc.name == "highlight") {
                    if (sc.closing) {
                        result += "```";
                        openFence.clear();
                    } else {
                        result += "```" + (sc.positional.empty() ? std::string() : sc.positional[0]);
                        openFence = "```";
                    }
                } else if ((sc.name == "ref" || sc.name == "relref") && !sc.closing) {
                    result += refToPath(sc.positional.empty() ? std::string() : sc.positional[0]);
                } else if (!sc.name.empty()) {
                    if (!sc.closing)
                        diags.warning(file, lineNo, col, "unknown Hugo shortcode '" + sc.name +
                                                             "': left out, its inner text is kept");
                }
            }
            result += line.substr(last);
            line = result;
        }
        out += line;
        if (nl == std::string::npos) break;
        out += '\n';
        start = nl + 1;
        ++lineNo;
    }
    return out;
}

}  // namespace markdown
