#include "util/Text.h"

#include <glib.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace util {

bool isHan(char32_t c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

bool isEastAsianWide(char32_t c) {
    if (isHan(c)) return true;
    return (c >= 0x2E80 && c <= 0x2FDF) ||   // radicals
           (c >= 0x3000 && c <= 0x303F) ||   // CJK symbols and punctuation 「」。、
           (c >= 0x3040 && c <= 0x30FF) ||   // kana
           (c >= 0x3100 && c <= 0x312F) ||   // bopomofo
           (c >= 0x31A0 && c <= 0x31BF) ||   // bopomofo extended
           (c >= 0xAC00 && c <= 0xD7AF) ||   // Hangul
           (c >= 0xFE30 && c <= 0xFE4F) ||   // CJK compatibility forms
           (c >= 0xFF00 && c <= 0xFF60) ||   // full-width forms （），：
           (c >= 0xFFE0 && c <= 0xFFE6);
}

char32_t firstCodePoint(std::string_view s) {
    if (s.empty()) return 0;
    gunichar c = g_utf8_get_char_validated(s.data(), static_cast<gssize>(s.size()));
    return (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) ? 0 : c;
}

char32_t lastCodePoint(std::string_view s) {
    if (s.empty()) return 0;
    const char* end = s.data() + s.size();
    const char* p = g_utf8_find_prev_char(s.data(), end);
    if (!p) return 0;
    return firstCodePoint(std::string_view(p, static_cast<size_t>(end - p)));
}

size_t invalidUtf8Offset(std::string_view s) {
    const gchar* end = nullptr;
    if (g_utf8_validate_len(s.data(), s.size(), &end)) return std::string_view::npos;
    return static_cast<size_t>(end - s.data());
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
    return std::string(s.substr(b, e - b));
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool endsWith(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string percentDecode(const std::string& s) {
    char* d = g_uri_unescape_string(s.c_str(), nullptr);
    if (!d) return s;
    std::string out(d);
    g_free(d);
    return out;
}

std::string sha256Hex(std::string_view data) {
    gchar* hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
                                             reinterpret_cast<const guchar*>(data.data()), data.size());
    std::string out(hex);
    g_free(hex);
    return out;
}

std::string uuidFromName(std::string_view name) {
    GChecksum* sum = g_checksum_new(G_CHECKSUM_SHA1);
    g_checksum_update(sum, reinterpret_cast<const guchar*>(name.data()), static_cast<gssize>(name.size()));
    guint8 digest[20];
    gsize len = sizeof digest;
    g_checksum_get_digest(sum, digest, &len);
    g_checksum_free(sum);
    digest[6] = static_cast<guint8>((digest[6] & 0x0F) | 0x50);
    digest[8] = static_cast<guint8>((digest[8] & 0x3F) | 0x80);
    static const char* hexd = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hexd[digest[i] >> 4];
        out += hexd[digest[i] & 0xF];
    }
    return out;
}

std::string isoUtc(int64_t epoch) {
    std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int64_t sourceDateEpoch() {
    if (const char* s = std::getenv("SOURCE_DATE_EPOCH"); s && *s) {
        char* end = nullptr;
        long long v = std::strtoll(s, &end, 10);
        if (end && *end == '\0' && v >= 0) return v;
    }
    return static_cast<int64_t>(std::time(nullptr));
}

}  // namespace util
