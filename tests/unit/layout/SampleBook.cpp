// The sample book: two modules with chapters, mixed Traditional Chinese, English and code.
#include "SampleBook.h"

#include "fonts/FontMap.h"

namespace sample {

namespace {

using model::Block;
using model::Inline;

Inline text(std::string s) {
    Inline i;
    i.text = std::move(s);
    return i;
}
Inline code(std::string s) {
    Inline i = text(std::move(s));
    i.kind = Inline::Kind::Code;
    return i;
}
Inline wrap(Inline::Kind k, std::vector<Inline> children) {
    Inline i;
    i.kind = k;
    i.children = std::move(children);
    return i;
}
Inline internalLink(std::string label, std::string chapter, std::string anchor) {
    Inline i = wrap(Inline::Kind::Link, {text(std::move(label))});
    i.target.kind = model::LinkTarget::Kind::Internal;
    i.target.chapterId = std::move(chapter);
    i.target.anchor = std::move(anchor);
    return i;
}
Inline externalLink(std::string label, std::string url) {
    Inline i = wrap(Inline::Kind::Link, {text(std::move(label))});
    i.target.kind = model::LinkTarget::Kind::External;
    i.target.url = std::move(url);
    return i;
}
Inline footnoteRef(std::string label, std::string id) {
    Inline i;
    i.kind = Inline::Kind::FootnoteRef;
    i.text = std::move(label);
    i.anchor = std::move(id);
    return i;
}
Block para(std::vector<Inline> inlines, const std::string& file, int line) {
    Block b;
    b.inlines = std::move(inlines);
    b.pos = {file, line, 1};
    return b;
}
Block heading(int level, std::string title, std::string id, const std::string& file, int line) {
    Block b = para({text(std::move(title))}, file, line);
    b.kind = Block::Kind::Heading;
    b.level = level;
    b.id = std::move(id);
    return b;
}
Block codeBlock(std::string lang, std::vector<model::CodeLine> lines, const std::string& file, int line,
                std::string title = "") {
    Block b;
    b.kind = Block::Kind::CodeBlock;
    b.lang = std::move(lang);
    b.lines = std::move(lines);
    b.title = std::move(title);
    b.pos = {file, line, 1};
    for (auto& l : b.lines) {
        for (auto& t : l) b.code += t.text;
        b.code += "\n";
    }
    return b;
}
Block list(bool ordered, std::vector<std::vector<Block>> items, const std::string& file, int line, bool tight = true) {
    Block b;
    b.kind = Block::Kind::List;
    b.ordered = ordered;
    b.tight = tight;
    b.pos = {file, line, 1};
    for (auto& children : items) {
        Block item;
        item.kind = Block::Kind::ListItem;
        item.children = std::move(children);
        item.pos = b.pos;
        b.children.push_back(std::move(item));
    }
    return b;
}

using T = model::TokenStyle;

std::vector<model::CodeLine> pythonExample(int repeat) {
    std::vector<model::CodeLine> lines = {
        {{T::Keyword, "import"}, {T::Normal, " asyncio"}},
        {},
        {{T::Keyword, "async def"}, {T::Normal, " "}, {T::Function, "fetch"}, {T::Normal, "(url: "},
         {T::BuiltIn, "str"}, {T::Normal, ", timeout: "}, {T::BuiltIn, "float"}, {T::Normal, " = "},
         {T::Number, "10.0"}, {T::Normal, ") -> "}, {T::BuiltIn, "dict"}, {T::Normal, ":"}},
        {{T::Normal, "    "}, {T::Comment, "# 模擬網路延遲；真實程式會使用 aiohttp 或 httpx 之類的非同步 HTTP 用戶端函式庫來送出請求"}},
        {{T::Normal, "    "}, {T::ControlFlow, "await"}, {T::Normal, " asyncio.sleep("}, {T::Number, "0.1"},
         {T::Normal, ")"}},
        {{T::Normal, "    "}, {T::ControlFlow, "return"}, {T::Normal, " {"}, {T::String, "\"url\""},
         {T::Normal, ": url, "}, {T::String, "\"status\""}, {T::Normal, ": "}, {T::Number, "200"},
         {T::Normal, ", "}, {T::String, "\"body\""}, {T::Normal, ": "},
         {T::String, "\"a very long string literal that certainly does not fit on one line of the page\""},
         {T::Normal, "}"}},
    };
    std::vector<model::CodeLine> out;
    for (int r = 0; r < repeat; ++r) {
        for (auto& l : lines) out.push_back(l);
        out.push_back({});
    }
    out.push_back({{T::Keyword, "async def"}, {T::Normal, " "}, {T::Function, "main"}, {T::Normal, "():"}});
    out.push_back({{T::Normal, "    results = "}, {T::ControlFlow, "await"},
                   {T::Normal, " asyncio.gather(*(fetch(u) "}, {T::ControlFlow, "for"}, {T::Normal, " u "},
                   {T::ControlFlow, "in"}, {T::Normal, " urls))"}});
    return out;
}

}  // namespace

model::Book sampleBook() {
    model::Book book;
    auto& m = book.meta;
    m.seriesTitle = "Python 進階指南";
    m.pathId = "A";
    m.pathName = "Web/API 開發者";
    m.pathFocus = "非同步程式設計、設計模式與套件發佈，打造可維護的網路服務。";
    m.version = "v0.1.0";
    m.author = "Python 進階指南編輯群";
    m.publisher = "Example Press";
    m.sourceDateEpoch = 1735689600;  // 2025-01-01
    m.keywords = {"Python", "asyncio", "教學"};
    m.baseUrl = "https://example.org/python-advanced/";

    const std::string introFile = "content/_index.md";
    model::Chapter intro;
    intro.role = model::Chapter::Role::Introduction;
    intro.id = "introduction";
    intro.title = "導讀";
    intro.sourceFile = introFile;
    intro.blocks.push_back(para({text("本系列寫給已經熟悉 Python 基礎語法的讀者。每一章都附有可執行的範例，並在結尾整理重點。"
                                      "若你是從 Web 開發轉來，建議先讀"),
                                 internalLink("模組一", "01-asyncio", ""), text("，再依需要跳讀"),
                                 internalLink("事件迴圈一節", "01-asyncio-fundamentals", "事件迴圈"),
                                 text("。官方文件請見"), externalLink("docs.python.org", "https://docs.python.org/3/"),
                                 text("。")},
                                introFile, 5));
    book.chapters.push_back(std::move(intro));

    const std::string modFile = "content/01-asyncio/_index.md";
    model::Chapter mod;
    mod.role = model::Chapter::Role::Module;
    mod.id = "01-asyncio";
    mod.title = "模組一：asyncio 非同步程式設計";
    mod.description = "從事件迴圈到結構化並行";
    mod.sourceFile = modFile;
    mod.blocks.push_back(para({text("本模組共四章，從 coroutine 的基本概念開始，一路談到 TaskGroup 與真實世界的錯誤處理。")},
                              modFile, 8));
    book.chapters.push_back(std::move(mod));

    const std::string chFile = "content/01-asyncio/fundamentals/index.md";
    model::Chapter ch;
    ch.role = model::Chapter::Role::Chapter;
    ch.depth = 1;
    ch.id = "01-asyncio-fundamentals";
    ch.title = "asyncio 基礎：事件迴圈與 coroutine";
    ch.sourceFile = chFile;
    auto& b = ch.blocks;
    b.push_back(heading(2, "為什麼需要非同步", "為什麼需要非同步", chFile, 10));
    for (int i = 0; i < 3; ++i)
        b.push_back(para({text("在 I/O 密集的程式裡，CPU 大部分時間都在等待網路或磁碟回應。Python 3.4 引入的"),
                          code("asyncio"),
                          text("模組讓單一執行緒也能同時處理上千個連線，其核心是事件迴圈（event loop）與 "),
                          wrap(Inline::Kind::Strong, {text("coroutine")}), text("。與多執行緒相比，它沒有"),
                          wrap(Inline::Kind::Emph, {text("競爭條件")}),
                          text("的大部分風險，但要求每個函式都願意主動讓出控制權"), footnoteRef("1", "fn-1"),
                          text("。第 3 版的 API 在 2018 年大幅簡化，asyncio.run() 成為標準入口。")},
                         chFile, 12 + i));
    b.push_back(heading(2, "事件迴圈", "事件迴圈", chFile, 20));
    b.push_back(para({text("下面的範例同時抓取三個網址，並以 "), code("asyncio.gather()"),
                      text(" 等待它們全部完成：")},
                     chFile, 22));
    b.push_back(codeBlock("python", pythonExample(1), chFile, 24, "fetch_all.py"));
    b.push_back(heading(3, "常見的陷阱", "常見的陷阱", chFile, 40));
    b.push_back(list(false,
                     {{para({text("在 coroutine 裡呼叫阻塞函式，例如 "), code("time.sleep()"), text("。")}, chFile, 41)},
                      {para({text("忘記 "), code("await"), text("，得到的是 coroutine 物件而不是結果：")}, chFile, 42),
                       list(true,
                            {{para({text("Python 會發出 RuntimeWarning；")}, chFile, 43)},
                             {para({text("結果永遠不會被計算。")}, chFile, 44)}},
                            chFile, 43)},
                      {para({text("把 CPU 密集的工作放進事件迴圈，應改用 ProcessPoolExecutor。")}, chFile, 45)}},
                     chFile, 41));
    Block tasks = list(false, {{para({text("已完成：安裝 Python 3.12")}, chFile, 46)},
                               {para({text("待辦：閱讀 PEP 3156")}, chFile, 47)}},
                       chFile, 46);
    tasks.children[0].task = 2;
    tasks.children[1].task = 1;
    b.push_back(tasks);
    Block quote;
    quote.kind = Block::Kind::BlockQuote;
    quote.pos = {chFile, 50, 1};
    quote.children.push_back(para({text("「並行不是平行。」Concurrency is about dealing with lots of things at once; "
                                        "parallelism is about doing lots of things at once. —— Rob Pike")},
                                  chFile, 50));
    b.push_back(quote);
    b.push_back(heading(2, "比較表", "比較表", chFile, 55));
    Block table;
    table.kind = Block::Kind::Table;
    table.pos = {chFile, 56, 1};
    table.headerRows = 1;
    table.aligns = {model::Align::Left, model::Align::Left, model::Align::Center};
    auto row = [](std::vector<std::string> cells) {
        model::TableRow r;
        for (auto& c : cells) r.cells.push_back({{text(c)}});
        return r;
    };
    table.rows.push_back(row({"方式", "適用情境", "GIL 影響"}));
    for (int i = 0; i < 14; ++i) {
        table.rows.push_back(row({"asyncio", "大量網路 I/O、WebSocket、爬蟲；單執行緒即可處理上千連線，但所有程式碼都必須是非同步的", "無"}));
        table.rows.push_back(row({"threading", "既有的同步函式庫、少量 I/O", "有"}));
        table.rows.push_back(row({"multiprocessing", "CPU 密集運算，例如影像處理與數值模擬", "無（各自的直譯器）"}));
    }
    b.push_back(table);
    Block hr;
    hr.kind = Block::Kind::ThematicBreak;
    b.push_back(hr);
    b.push_back(heading(2, "長程式碼", "長程式碼", chFile, 80));
    b.push_back(codeBlock("python", pythonExample(6), chFile, 82));
    for (int i = 0; i < 2; ++i)
        b.push_back(para({text("小結：事件迴圈一次只執行一個 coroutine，遇到 await 時切換到其他已就緒的工作。"
                               "理解這一點，就能解釋為什麼 time.sleep() 會卡住整個程式，而 asyncio.sleep() 不會。")},
                         chFile, 120 + i));
    Block fn;
    fn.kind = Block::Kind::Footnote;
    fn.id = "fn-1";
    fn.label = "1";
    fn.pos = {chFile, 130, 1};
    fn.children.push_back(para({text("這就是所謂的合作式多工（cooperative multitasking）。")}, chFile, 130));
    ch.footnotes.push_back(fn);
    book.chapters.push_back(std::move(ch));

    const std::string ch2File = "content/01-asyncio/patterns/index.md";
    model::Chapter ch2;
    ch2.role = model::Chapter::Role::Chapter;
    ch2.depth = 1;
    ch2.id = "01-asyncio-patterns";
    ch2.title = "常見模式：TaskGroup、逾時與取消";
    ch2.sourceFile = ch2File;
    ch2.blocks.push_back(heading(2, "TaskGroup", "taskgroup", ch2File, 5));
    ch2.blocks.push_back(para({text("Python 3.11 新增的 TaskGroup 提供結構化並行：群組內任何一個工作失敗，其餘工作都會被取消。"
                                    "回到"),
                               internalLink("事件迴圈", "01-asyncio-fundamentals", "事件迴圈"),
                               text("一節複習基本概念。")},
                              ch2File, 7));
    // Figures: PNG, JPEG and SVG fixtures from tests/golden/layout/images.
    const std::string images = fonts::dataDir() + "/tests/golden/layout/images/";
    struct Pic {
        const char *file, *type, *caption;
    } pics[] = {{"diagram.svg", "image/svg+xml", "圖 1：事件迴圈的三個階段（SVG）"},
                {"gradient.png", "image/png", "圖 2：PNG 圖片"},
                {"gradient.jpg", "image/jpeg", "圖 3：JPEG 圖片"}};
    for (const Pic& p : pics) {
        ch2.assets.push_back({images + p.file, std::string("images/") + p.file, p.type});
        Block fig;
        fig.kind = Block::Kind::Figure;
        fig.pos = {ch2File, 20, 1};
        Inline img;
        img.kind = Inline::Kind::Image;
        img.text = p.caption;
        img.src = std::string("images/") + p.file;
        fig.inlines.push_back(img);
        fig.caption.push_back(text(p.caption));
        ch2.blocks.push_back(std::move(fig));
    }
    book.chapters.push_back(std::move(ch2));
    return book;
}

}  // namespace sample
