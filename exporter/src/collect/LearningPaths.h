// Learning paths read from the series index page itself: its 「教學模組」 list
// names the modules, its 「學習路徑」 section orders them per reader.
#pragma once

#include <string>
#include <vector>

#include "diag/Diagnostics.h"
#include "model/Book.h"

namespace collect {

struct ModuleEntry {
    int number = 0;     // 模組N
    std::string title;  // heading text
    std::string href;   // link as written ("01-asyncio/")
    model::SourcePos pos;
};

struct PathStep {
    std::vector<int> alternatives;  // module numbers; more than one for 「或」 and 「/」
};

struct LearningPath {
    std::string id;     // "A"
    std::string name;   // "Web/API 開發者"
    std::string focus;  // 重點
    std::vector<PathStep> steps;
    model::SourcePos pos;
};

struct SeriesIndex {
    std::vector<ModuleEntry> modules;
    std::vector<LearningPath> paths;
    std::string version;  // from 「文件版本：v0.1.0」, "" if absent
};

// blocks: the index page converted to the model (links unresolved).
SeriesIndex readSeriesIndex(const std::vector<model::Block>& blocks, diag::Diagnostics& diags);

// Parses one path expression: 「模組一（asyncio）→ 模組五/六」. Exposed for tests and fuzzing.
std::vector<PathStep> parsePathExpression(const std::string& text, const model::SourcePos& pos,
                                          diag::Diagnostics& diags);

// 「一」…「九十九」 and ASCII digits; -1 if not a number.
int parseNumeral(const std::u32string& s);

}  // namespace collect
