#include "collect/LearningPaths.h"

#include <glib.h>

#include <cstring>
#include <regex>

#include "util/Text.h"

namespace collect {

namespace {

std::u32string toU32(const std::string& s) {
    std::u32string out;
    for (const char* p = s.c_str(); *p; p = g_utf8_next_char(p)) out += static_cast<char32_t>(g_utf8_get_char(p));
    return out;
}

std::string toUtf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        char buf[8];
        int n = g_unichar_to_utf8(c, buf);
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

void textOf(const std::vector<model::Inline>& inlines, std::string& out) {
    for (auto& in : inlines) {
        if (in.kind == model::Inline::Kind::Text || in.kind == model::Inline::Kind::Code) out += in.text;
        textOf(in.children, out);
    }
}

std::string textOf(const std::vector<model::Inline>& inlines) {
    std::string s;
    textOf(inlines, s);
    return util::trim(s);
}

const model::Inline* firstLink(const std::vector<model::Inline>& inlines) {
    for (auto& in : inlines) {
        if (in.kind == model::Inline::Kind::Link) return &in;
        if (auto* l = firstLink(in.children)) return l;
    }
    return nullptr;
}

bool isSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == 0x3000; }

std::u32string trim32(const std::u32string& s) {
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b])) ++b;
    while (e > b && isSpace(s[e - 1])) --e;
    return s.substr(b, e - b);
}

// Splits s where separatorAt(s, i) returns a separator's length (0: none).
template <typename Separator>
std::vector<std::u32string> splitAt(const std::u32string& s, Separator separatorAt) {
    std::vector<std::u32string> parts(1);
    for (size_t i = 0; i < s.size(); ++i) {
        if (size_t n = separatorAt(s, i)) {
            parts.emplace_back();
            i += n - 1;
        } else {
            parts.back() += s[i];
        }
    }
    return parts;
}

}  // namespace

int parseNumeral(const std::u32string& s) {
    if (s.empty()) return -1;
    bool ascii = true;
    for (char32_t c : s) ascii = ascii && c >= U'0' && c <= U'9';
    if (ascii) return s.size() <= 4 ? std::stoi(toUtf8(s)) : -1;
    auto digit = [](char32_t c) -> int {
        switch (c) {
            case U'〇': case U'零': return 0;
            case U'一': return 1; case U'二': case U'兩': return 2; case U'三': return 3;
            case U'四': return 4; case U'五': return 5; case U'六': return 6;
            case U'七': return 7; case U'八': return 8; case U'九': return 9;
            default: return -1;
        }
    };
    size_t ten = s.find(U'十');
    if (ten == std::u32string::npos) {
        if (s.size() != 1) return -1;
        int d = digit(s[0]);
        return d > 0 ? d : -1;
    }
    if (s.find(U'十', ten + 1) != std::u32string::npos || ten > 1 || s.size() - ten > 2) return -1;
    int tens = 1, ones = 0;
    if (ten == 1) {
        tens = digit(s[0]);
        if (tens < 1) return -1;
    }
    if (ten + 1 < s.size()) {
        ones = digit(s[ten + 1]);
        if (ones < 1) return -1;
    }
    return tens * 10 + ones;
}

std::vector<PathStep> parsePathExpression(const std::string& text, const model::SourcePos& pos,
                                          diag::Diagnostics& diags) {
    std::vector<PathStep> steps;
    std::u32string s = toU32(text);
    // Remove parenthesised remarks: 「（asyncio）」, "(C 擴展)".
    std::u32string clean;
    int depth = 0;
    for (char32_t c : s) {
        if (c == U'（' || c == U'(') { ++depth; continue; }
        if (c == U'）' || c == U')') { if (depth > 0) --depth; continue; }
        if (depth == 0) clean += c;
    }
    // Arrows separate steps: →, ⟶, ->.
    std::vector<std::u32string> parts = splitAt(clean, [](const std::u32string& s, size_t i) -> size_t {
        if (s[i] == U'→' || s[i] == U'⟶' || s[i] == U'⇒') return 1;
        return s[i] == U'-' && i + 1 < s.size() && s[i + 1] == U'>' ? 2 : 0;
    });
    for (auto& part : parts) {
        PathStep step;
        std::u32string p = trim32(part);
        if (p.empty()) {
            diags.error(pos, "empty step in learning path '" + util::trim(text) + "'");
            continue;
        }
        std::vector<std::u32string> alts = splitAt(p, [](const std::u32string& s, size_t i) -> size_t {
            return s[i] == U'或' || s[i] == U'/' || s[i] == U'／' || s[i] == U'、' ? 1 : 0;
        });
        for (auto& alt : alts) {
            std::u32string t = trim32(alt);
            if (t.rfind(U"模組", 0) == 0) t = trim32(t.substr(2));
            int n = parseNumeral(t);
            if (n < 1) {
                diags.error(pos, "learning path step '" + toUtf8(trim32(alt)) +
                                     "' does not name a module (write 模組N, N in Chinese numerals or digits)");
                continue;
            }
            step.alternatives.push_back(n);
        }
        if (!step.alternatives.empty()) steps.push_back(std::move(step));
    }
    return steps;
}

SeriesIndex readSeriesIndex(const std::vector<model::Block>& blocks, diag::Diagnostics& diags) {
    SeriesIndex index;
    enum class Section { None, Modules, Paths } section = Section::None;
    LearningPath* path = nullptr;
    static const std::regex pathHeading(R"(^路徑\s*([A-Za-z0-9]+)\s*(?:：|:)\s*(.*)$)");
    static const std::regex version(R"(文件版本\s*(?:：|:)\s*(v?[0-9][0-9A-Za-z.+-]*))");
    for (const auto& b : blocks) {
        if (b.kind == model::Block::Kind::Paragraph) {
            std::smatch m;
            std::string t = textOf(b.inlines);
            if (std::regex_search(t, m, version)) index.version = m.str(1);
        }
        if (b.kind == model::Block::Kind::Heading && b.level <= 2) {
            std::string t = textOf(b.inlines);
            path = nullptr;
            if (t.find("教學模組") != std::string::npos) section = Section::Modules;
            else if (t.find("學習路徑") != std::string::npos) section = Section::Paths;
            else section = Section::None;
            continue;
        }
        if (section == Section::Modules && b.kind == model::Block::Kind::Heading && b.level == 3) {
            ModuleEntry m;
            m.number = static_cast<int>(index.modules.size()) + 1;
            m.title = textOf(b.inlines);
            m.pos = b.pos;
            if (const model::Inline* link = firstLink(b.inlines)) m.href = link->src;
            else diags.error(b.pos, "module heading '" + m.title + "' has no link to the module's page");
            index.modules.push_back(std::move(m));
        } else if (section == Section::Paths && b.kind == model::Block::Kind::Heading && b.level == 3) {
            std::string t = textOf(b.inlines);
            std::smatch m;
            LearningPath p;
            p.pos = b.pos;
            if (std::regex_match(t, m, pathHeading)) {
                p.id = m.str(1);
                p.name = util::trim(m.str(2));
            } else {
                diags.error(b.pos, "learning path heading '" + t + "' is not of the form '路徑 A：名稱'");
                p.id = std::string(1, static_cast<char>('A' + index.paths.size()));
                p.name = t;
            }
            for (char& c : p.id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            for (auto& other : index.paths)
                if (other.id == p.id) diags.error(b.pos, "learning path " + p.id + " is defined twice");
            index.paths.push_back(std::move(p));
            path = &index.paths.back();
        } else if (path && b.kind == model::Block::Kind::CodeBlock && path->steps.empty()) {
            model::SourcePos at = b.pos;
            at.line += 1;  // the expression is on the line after the fence
            path->steps = parsePathExpression(b.code, at, diags);
        } else if (path && b.kind == model::Block::Kind::Paragraph && path->focus.empty()) {
            // The paragraph under the path's modules says what it focuses on,
            // usually as 「重點：…」.
            std::string t = textOf(b.inlines);
            for (const char* prefix : {"重點：", "重點:"})
                if (util::startsWith(t, prefix)) t = util::trim(t.substr(std::strlen(prefix)));
            path->focus = t;
        }
    }
    for (auto& p : index.paths) {
        if (p.steps.empty()) diags.error(p.pos, "learning path " + p.id + " has no ```text block naming its modules");
        for (auto& s : p.steps)
            for (int n : s.alternatives)
                if (n > static_cast<int>(index.modules.size()))
                    diags.error(p.pos, "learning path " + p.id + " names 模組" + std::to_string(n) + ", but 「教學模組」 lists only " +
                                           std::to_string(index.modules.size()) + " modules");
    }
    return index;
}

}  // namespace collect
