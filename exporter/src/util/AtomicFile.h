// Writes an output file through a temporary name and renames it into place,
// so a failed or interrupted build never leaves a half-written book.
#pragma once

#include <string>

namespace util {

class AtomicFile {
public:
    explicit AtomicFile(std::string target);
    ~AtomicFile();  // removes the temporary file unless commit() succeeded
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::string& tempPath() const { return temp_; }
    const std::string& target() const { return target_; }
    void commit();  // fsync + rename; throws std::runtime_error

private:
    std::string target_;
    std::string temp_;
    bool committed_ = false;
};

// Temporary files still open at a signal: removed by the handler.
void installCleanupSignalHandlers();

}  // namespace util
