#include "diag/Diagnostics.h"

#include <algorithm>
#include <ostream>
#include <set>

namespace diag {

void Diagnostics::add(Diagnostic d) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.push_back(std::move(d));
}

void Diagnostics::error(const model::SourcePos& pos, std::string message) {
    add({Severity::Error, pos, std::move(message)});
}

void Diagnostics::warning(const model::SourcePos& pos, std::string message) {
    add({Severity::Warning, pos, std::move(message)});
}

void Diagnostics::error(const std::string& file, int line, int col, std::string message) {
    error(model::SourcePos{file, line, col}, std::move(message));
}

void Diagnostics::warning(const std::string& file, int line, int col, std::string message) {
    warning(model::SourcePos{file, line, col}, std::move(message));
}

bool Diagnostics::hasErrors() const { return errorCount() > 0; }

size_t Diagnostics::errorCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::count_if(entries_.begin(), entries_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::warningCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::count_if(entries_.begin(), entries_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

std::vector<Diagnostic> Diagnostics::entries() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_;
}

std::string format(const Diagnostic& d) {
    std::string s;
    if (!d.pos.file.empty()) {
        s += d.pos.file;
        if (d.pos.line > 0) {
            s += ':' + std::to_string(d.pos.line);
            if (d.pos.col > 0) s += ':' + std::to_string(d.pos.col);
        }
        s += ": ";
    }
    s += d.severity == Severity::Error ? "error: " : "warning: ";
    s += d.message;
    return s;
}

void Diagnostics::print(std::ostream& out) const {
    // Stable order (file, line, col) and no repeats: the same problem found by
    // several books of one build is reported once.
    auto list = entries();
    std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.pos.file != b.pos.file) return a.pos.file < b.pos.file;
        if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
        return a.pos.col < b.pos.col;
    });
    std::set<std::string> seen;
    for (const auto& d : list) {
        std::string line = format(d);
        if (seen.insert(line).second) out << line << '\n';
    }
}

}  // namespace diag
