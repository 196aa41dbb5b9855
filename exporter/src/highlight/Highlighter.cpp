#include "highlight/Highlighter.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QString>

#include <map>

namespace highlight {

namespace ksh = KSyntaxHighlighting;

namespace {

model::TokenStyle styleOf(ksh::Theme::TextStyle s) {
    using T = ksh::Theme::TextStyle;
    using M = model::TokenStyle;
    switch (s) {
        case T::Keyword: return M::Keyword;
        case T::ControlFlow: return M::ControlFlow;
        case T::Function: return M::Function;
        case T::Variable: return M::Variable;
        case T::Operator: return M::Operator;
        case T::BuiltIn: return M::BuiltIn;
        case T::Extension: return M::Extension;
        case T::Preprocessor: return M::Preprocessor;
        case T::Attribute: return M::Attribute;
        case T::String: case T::VerbatimString: return M::String;
        case T::Char: return M::Char;
        case T::SpecialString: case T::SpecialChar: return M::SpecialString;
        case T::DecVal: case T::BaseN: case T::Float: return M::Number;
        case T::Constant: return M::Constant;
        case T::DataType: return M::DataType;
        case T::Comment: case T::CommentVar: return M::Comment;
        case T::Documentation: return M::Documentation;
        case T::Annotation: return M::Annotation;
        case T::Error: case T::Alert: return M::Error;
        case T::Warning: return M::Warning;
        case T::Information: case T::Others: case T::RegionMarker: case T::Import: return M::Other;
        default: return M::Normal;
    }
}

class TokenCollector : public ksh::AbstractHighlighter {
public:
    model::CodeLine* line = nullptr;
    QString text;
    int pos = 0;  // UTF-16 offset up to which the line has been emitted

    // Emits what the definition left unformatted up to `offset` as Normal text.
    using AbstractHighlighter::highlightLine;

    void fillTo(int offset) {
        if (offset > pos) append(model::TokenStyle::Normal, pos, offset - pos);
    }

protected:
    void applyFormat(int offset, int length, const ksh::Format& format) override {
        if (length <= 0 || offset < pos) return;
        fillTo(offset);
        append(format.isValid() ? styleOf(format.textStyle()) : model::TokenStyle::Normal, offset, length);
    }

private:
    void append(model::TokenStyle style, int offset, int length) {
        std::string piece = text.mid(offset, length).toStdString();
        pos = offset + length;
        if (!line->empty() && line->back().style == style) line->back().text += piece;
        else line->push_back({style, std::move(piece)});
    }
};

// A Repository is not thread-safe: each thread that highlights owns one, so
// pages can be converted in parallel.
ksh::Repository& repository() {
    thread_local ksh::Repository repo;
    return repo;
}

}  // namespace

std::string definitionFor(const std::string& lang) {
    static const std::map<std::string, std::string> names = {
        {"python", "Python"}, {"py", "Python"}, {"python3", "Python"}, {"pycon", "Python"},
        {"cython", "Python"}, {"pyx", "Python"},  // no Cython definition: Python is closest
        {"c", "C"}, {"h", "C"}, {"cpp", "C++"}, {"c++", "C++"}, {"cxx", "C++"}, {"hpp", "C++"},
        {"rust", "Rust"}, {"rs", "Rust"}, {"toml", "TOML"}, {"bash", "Bash"}, {"sh", "Bash"},
        {"shell", "Bash"}, {"console", "Bash"}, {"zsh", "Zsh"}, {"json", "JSON"}, {"yaml", "YAML"},
        {"yml", "YAML"}, {"ini", "INI Files"}, {"cfg", "INI Files"}, {"diff", "Diff"}, {"patch", "Diff"},
        {"makefile", "Makefile"}, {"make", "Makefile"}, {"cmake", "CMake"}, {"sql", "SQL"},
        {"javascript", "JavaScript"}, {"js", "JavaScript"}, {"typescript", "TypeScript"},
        {"html", "HTML"}, {"xml", "XML"}, {"css", "CSS"}, {"dockerfile", "Dockerfile"},
        {"go", "Go"}, {"java", "Java"}, {"markdown", "Markdown"}, {"md", "Markdown"},
    };
    auto it = names.find(lang);
    return it == names.end() ? std::string() : it->second;
}

std::vector<model::CodeLine> highlight(const std::string& lang, const std::string& code) {
    std::vector<model::CodeLine> lines;
    std::string body = code;
    if (!body.empty() && body.back() == '\n') body.pop_back();
    std::string defName = definitionFor(lang);

    std::vector<std::string> raw;
    size_t start = 0;
    while (true) {
        size_t nl = body.find('\n', start);
        raw.push_back(body.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    lines.resize(raw.size());

    if (defName.empty()) {
        for (size_t i = 0; i < raw.size(); ++i)
            if (!raw[i].empty()) lines[i].push_back({model::TokenStyle::Normal, raw[i]});
        return lines;
    }

    ksh::Definition def = repository().definitionForName(QString::fromStdString(defName));
    TokenCollector collector;
    collector.setDefinition(def);
    collector.setTheme(repository().defaultTheme(ksh::Repository::LightTheme));
    ksh::State state;
    for (size_t i = 0; i < raw.size(); ++i) {
        collector.text = QString::fromStdString(raw[i]);
        collector.line = &lines[i];
        collector.pos = 0;
        state = collector.highlightLine(collector.text, state);
        collector.fillTo(static_cast<int>(collector.text.size()));
    }
    return lines;
}

}  // namespace highlight
