// Collects diagnostics from every stage; printed GCC-style, never thrown.
#pragma once

#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

#include "model/Book.h"

namespace diag {

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    model::SourcePos pos;
    std::string message;
};

class Diagnostics {
public:
    void error(const model::SourcePos& pos, std::string message);
    void warning(const model::SourcePos& pos, std::string message);
    void error(const std::string& file, int line, int col, std::string message);
    void warning(const std::string& file, int line, int col, std::string message);

    bool hasErrors() const;
    size_t errorCount() const;
    size_t warningCount() const;
    std::vector<Diagnostic> entries() const;

    // Prints "file:line:col: severity: message" lines in a stable order.
    void print(std::ostream& out) const;

private:
    void add(Diagnostic d);
    mutable std::mutex mutex_;
    std::vector<Diagnostic> entries_;
};

std::string format(const Diagnostic& d);

}  // namespace diag
