#include "util/AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>

namespace util {

namespace {

// Fixed-size registry readable from a signal handler without locking.
constexpr int kMaxTemps = 64;
char g_temps[kMaxTemps][4096];
std::atomic<bool> g_used[kMaxTemps];
std::mutex g_registryMutex;

int registerTemp(const std::string& path) {
    std::lock_guard<std::mutex> lock(g_registryMutex);
    for (int i = 0; i < kMaxTemps; ++i) {
        if (!g_used[i].load()) {
            std::snprintf(g_temps[i], sizeof g_temps[i], "%s", path.c_str());
            g_used[i].store(true);
            return i;
        }
    }
    return -1;
}

void unregisterTemp(const std::string& path) {
    std::lock_guard<std::mutex> lock(g_registryMutex);
    for (int i = 0; i < kMaxTemps; ++i)
        if (g_used[i].load() && path == g_temps[i]) g_used[i].store(false);
}

extern "C" void onFatalSignal(int sig) {
    for (int i = 0; i < kMaxTemps; ++i)
        if (g_used[i].load()) ::unlink(g_temps[i]);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
    namespace fs = std::filesystem;
    fs::path t(target_);
    temp_ = (t.parent_path() / ("." + t.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
    registerTemp(temp_);
}

AtomicFile::~AtomicFile() {
    if (!committed_) std::remove(temp_.c_str());
    unregisterTemp(temp_);
}

void AtomicFile::commit() {
    int fd = ::open(temp_.c_str(), O_RDONLY);
    if (fd < 0) throw std::runtime_error("cannot open " + temp_ + ": " + std::strerror(errno));
    int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw std::runtime_error("cannot write " + target_ + ": " + std::strerror(errno));
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        throw std::runtime_error("cannot rename " + temp_ + " to " + target_ + ": " + std::strerror(errno));
    committed_ = true;
}

void installCleanupSignalHandlers() {
    std::signal(SIGINT, onFatalSignal);
    std::signal(SIGTERM, onFatalSignal);
    std::signal(SIGHUP, onFatalSignal);
}

}  // namespace util
