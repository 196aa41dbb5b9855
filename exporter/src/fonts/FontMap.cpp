#include "fonts/FontMap.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>

namespace fonts {

void FontMapDeleter::operator()(PangoFontMap* map) const {
    if (map) g_object_unref(map);
}

std::string dataDir() {
    if (const char* env = std::getenv("EXPORTER_DATA_DIR"); env && *env) return env;
    return EXPORTER_DATA_DIR;
}

namespace {

// Parsing the configuration and scanning the font directories is done once;
// every font map shares the resulting (reference-counted, read-only) config.
FcConfig* sharedConfig(const std::string& dir) {
    static std::once_flag once;
    static FcConfig* config = nullptr;
    static std::string failure;
    std::call_once(once, [&] {
        FcConfig* c = FcConfigCreate();
        std::string file = dir + "/fonts/fonts.conf";
        if (!FcConfigParseAndLoad(c, reinterpret_cast<const FcChar8*>(file.c_str()), FcTrue)) {
            FcConfigDestroy(c);
            failure = "cannot load the font configuration " + file;
            return;
        }
        if (!FcConfigBuildFonts(c)) {
            FcConfigDestroy(c);
            failure = "fontconfig could not scan the fonts named in " + file;
            return;
        }
        config = c;
    });
    if (!config) throw std::runtime_error(failure);
    return config;
}

}  // namespace

FontMapPtr createFontMap(const std::string& dir) {
    FcConfig* config = sharedConfig(dir);
    PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!map) throw std::runtime_error("Pango has no FreeType font map");
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    return FontMapPtr(map);
}

}  // namespace fonts
