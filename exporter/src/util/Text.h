// Small UTF-8 and file helpers shared by the stages (GLib does the Unicode work).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace util {

// Han, kana, bopomofo, Hangul and full-width punctuation: characters between
// which a Markdown soft line break must vanish (no inter-word space in CJK).
bool isEastAsianWide(char32_t c);
bool isHan(char32_t c);

// First / last code point of a UTF-8 string (0 if empty or invalid).
char32_t firstCodePoint(std::string_view s);
char32_t lastCodePoint(std::string_view s);

// Offset of the first invalid UTF-8 byte, or npos.
size_t invalidUtf8Offset(std::string_view s);

std::string readFile(const std::string& path);  // throws std::runtime_error

std::string trim(std::string_view s);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);

// "%E6%9F%90" → "某"; the input unchanged if it is not valid percent-encoding.
std::string percentDecode(const std::string& s);

std::string sha256Hex(std::string_view data);
// A name-based UUID (RFC 4122 version 5 layout over SHA-1) for deterministic identifiers.
std::string uuidFromName(std::string_view name);

// ISO 8601 UTC ("2026-01-20T00:00:00Z") for a Unix time.
std::string isoUtc(int64_t epoch);

// SOURCE_DATE_EPOCH if set and valid, else the current time.
int64_t sourceDateEpoch();

}  // namespace util
