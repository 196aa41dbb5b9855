// Loads a content tree once and assembles one Book per learning path.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "collect/ContentTree.h"
#include "collect/LearningPaths.h"
#include "diag/Diagnostics.h"
#include "markdown/MarkdownConverter.h"
#include "model/Book.h"

namespace pipeline {

struct ProjectOptions {
    std::string contentDir = "content";
    bool includeDrafts = false;
};

struct BookOptions {
    std::set<int> chosenModules;  // narrows 「或」 and 「/」 alternatives; empty keeps them all
    std::string baseUrl;
    std::string version;          // overrides the index page's 文件版本
    std::string author;
    std::string publisher;
    std::vector<std::string> keywords;
    int64_t sourceDateEpoch = 0;
};

struct Project {
    collect::ContentTree tree;
    std::map<std::string, markdown::ConvertedPage> pages;  // every page, by URL
    collect::SeriesIndex index;                             // paths filled in, never empty
};

Project loadProject(const ProjectOptions& options, diag::Diagnostics& diags);

const collect::LearningPath* findPath(const Project& project, const std::string& id);

model::Book makeBook(const Project& project, const collect::LearningPath& path, const BookOptions& options,
                     diag::Diagnostics& diags);

// "ch-01-asyncio-fundamentals" for /01-asyncio/fundamentals/, "introduction" for /.
std::string chapterIdFor(const std::string& url);

}  // namespace pipeline
