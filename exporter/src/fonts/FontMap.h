// Loads the private fontconfig configuration (fonts/fonts.conf) into a Pango font map.
#pragma once

#include <memory>
#include <string>

typedef struct _PangoFontMap PangoFontMap;
typedef struct _FcConfig FcConfig;

namespace fonts {

struct FontMapDeleter {
    void operator()(PangoFontMap* map) const;
};
using FontMapPtr = std::unique_ptr<PangoFontMap, FontMapDeleter>;

// A Pango/Cairo font map that sees only the fonts fonts/fonts.conf allows.
// Throws std::runtime_error if the configuration cannot be loaded.
// Each thread that lays out text should own its own map.
FontMapPtr createFontMap(const std::string& dataDir);

// Where fonts/, styles/ live: $EXPORTER_DATA_DIR, else the source tree.
std::string dataDir();

}  // namespace fonts
