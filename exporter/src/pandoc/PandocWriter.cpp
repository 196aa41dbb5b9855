#include "pandoc/PandocWriter.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

#include "util/Text.h"
#include "xhtml/XhtmlWriter.h"

extern char** environ;

namespace fs = std::filesystem;

namespace pandoc {

namespace {

std::string findPandoc() {
    if (const char* env = std::getenv("PANDOC"); env && *env) return env;
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t colon = dirs.find(':', start);
        std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!dir.empty()) {
            std::string candidate = dir + "/pandoc";
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return {};
}

// A temporary directory removed when it goes out of scope.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "exporter-pandoc-XXXXXX").string();
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data())) throw std::runtime_error("cannot create a temporary directory");
        path_ = buf.data();
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace

bool isPandocFormat(const std::string& format) { return format == "docx" || format == "odt"; }

void writeWithPandoc(const model::Book& book, const std::string& format, const std::string& outPath) {
    std::string exe = findPandoc();
    if (exe.empty())
        throw PandocMissing("--format " + format +
                            " needs Pandoc, which is not installed; install it with `sudo apt-get install pandoc` "
                            "(or `make deps`). EPUB and PDF do not need it.");
    TempDir tmp;
    xhtml::XhtmlOptions options;
    options.stylesheet = "";
    std::string html = tmp.path() + "/book.xhtml";
    std::ofstream(html, std::ios::binary) << xhtml::renderCollected(book, options);
    std::set<std::string> copied;
    for (auto& ch : book.chapters)
        for (auto& a : ch.assets) {
            if (!copied.insert(a.href).second) continue;
            fs::path target = fs::path(tmp.path()) / a.href;
            fs::create_directories(target.parent_path());
            fs::copy_file(a.sourcePath, target, fs::copy_options::overwrite_existing);
        }
    std::string log = tmp.path() + "/pandoc.log";
    std::string title = book.meta.seriesTitle + "：路徑 " + book.meta.pathId + " " + book.meta.pathName;
    std::vector<std::string> args = {exe,
                                     "--from=html",
                                     "--to=" + format,
                                     "--resource-path=" + tmp.path(),
                                     "--metadata=title:" + title,
                                     "--metadata=lang:" + book.meta.language,
                                     "--output=" + outPath,
                                     html};
    if (!book.meta.author.empty()) args.insert(args.end() - 1, "--metadata=author:" + book.meta.author);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw PandocMissing("cannot run " + exe + ": " + std::strerror(rc));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string message;
        try {
            message = util::trim(util::readFile(log));
        } catch (const std::exception&) {
        }
        throw std::runtime_error("pandoc failed to write " + format + (message.empty() ? "" : ": " + message));
    }
}

}  // namespace pandoc
