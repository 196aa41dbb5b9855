#!/usr/bin/env python3
"""Generates a reproducible benchmark corpus: a Hugo content tree of mixed
Traditional Chinese prose, code blocks, tables and lists, of about SIZE_KB
kilobytes of Markdown. Same arguments, same bytes (seeded generator).

Usage: make_corpus.py OUT_DIR SIZE_KB
"""
import os
import random
import sys

SUBJECTS = ["事件迴圈", "描述器", "元類別", "垃圾回收器", "直譯器", "執行緒池", "模組載入器", "位元組碼",
            "參考計數", "記憶體配置器", "型別檢查器", "套件管理工具", "建構後端", "擴充模組", "協程排程器"]
VERBS = ["負責", "決定", "影響", "簡化", "延遲", "加速", "保護", "追蹤", "隔離", "管理"]
OBJECTS = ["物件的生命週期", "函式呼叫的成本", "變數的查找順序", "例外的傳遞路徑", "資源的釋放時機",
           "字典的存取效率", "程式的啟動時間", "模組之間的相依關係", "執行緒之間的同步", "快取的命中率"]
CONNECT = ["因此", "然而", "換句話說", "實務上", "在大多數情況下", "值得注意的是", "相較之下", "另一方面"]
LATIN = ["Python 3.11", "CPython", "asyncio", "PEP 703", "GIL", "dict", "list", "Cython", "PyO3", "pyproject.toml",
         "2 倍", "16 KiB", "O(n)", "API", "JSON", "HTTP/2"]


def sentence(r):
    s = f"{r.choice(CONNECT)}，{r.choice(SUBJECTS)}{r.choice(VERBS)}{r.choice(OBJECTS)}"
    if r.random() < 0.5:
        s += f"，這在 {r.choice(LATIN)} 中尤其明顯"
    if r.random() < 0.3:
        s += f"，也就是所謂的「{r.choice(SUBJECTS)}」"
    return s + "。"


def paragraph(r, n=None):
    return "".join(sentence(r) for _ in range(n or r.randint(3, 8)))


def code_block(r):
    name = r.choice(["fetch", "parse", "render", "collect", "measure"])
    lines = [f"def {name}_{r.randint(1, 999)}(items, limit={r.randint(2, 64)}):",
             f'    """{r.choice(SUBJECTS)}的簡化示意。"""', "    result = []",
             "    for index, item in enumerate(items):",
             "        if index >= limit:", "            break",
             f"        result.append(item * {r.randint(2, 9)} + {r.randint(0, 99)})  # {r.choice(OBJECTS)}",
             "    return result"]
    if r.random() < 0.3:
        lines.append(f"# 一行很長的註解，用來測試自動換行與續行記號：{paragraph(r, 2)}")
    return "```python\n" + "\n".join(lines) + "\n```"


def table(r):
    rows = ["| 項目 | 說明 | 數值 |", "| --- | --- | ---: |"]
    for _ in range(r.randint(3, 7)):
        rows.append(f"| {r.choice(SUBJECTS)} | {sentence(r)} | {r.randint(1, 10000)} |")
    return "\n".join(rows)


def bullet_list(r):
    items = [f"- {sentence(r)}" for _ in range(r.randint(3, 6))]
    if r.random() < 0.4:
        items.insert(1, f"  1. {sentence(r)}")
    return "\n".join(items)


def chapter(r, title, size):
    out = [f'---\ntitle: "{title}"\nweight: {r.randint(1, 99)}\ndate: 2026-01-20\n---\n', paragraph(r)]
    n = 0
    while sum(len(x.encode()) for x in out) < size:
        n += 1
        out.append(f"## 第 {n} 節：{r.choice(SUBJECTS)}與{r.choice(OBJECTS)}")
        for _ in range(r.randint(2, 5)):
            kind = r.random()
            if kind < 0.6:
                out.append(paragraph(r))
            elif kind < 0.75:
                out.append(code_block(r))
            elif kind < 0.87:
                out.append(table(r))
            else:
                out.append(bullet_list(r))
    return "\n\n".join(out) + "\n"


NUMERALS = "一二三四五六七八九十"


def main(out, size_kb):
    r = random.Random(20261124)
    modules = 6
    chapters_per_module = 5
    per_chapter = size_kb * 1024 // (modules * chapters_per_module)
    os.makedirs(out, exist_ok=True)
    index = ['---\ntitle: "效能基準語料"\ndescription: "由程式產生的測試書"\n---\n', paragraph(r), "## 教學模組\n"]
    for m in range(1, modules + 1):
        index.append(f"### [模組{NUMERALS[m - 1]}：第 {m} 組主題](m{m}/)\n\n{sentence(r)}\n")
        os.makedirs(f"{out}/m{m}", exist_ok=True)
        with open(f"{out}/m{m}/_index.md", "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "模組{NUMERALS[m - 1]}：第 {m} 組主題"\nweight: {m}\n---\n\n{paragraph(r)}\n')
        for c in range(1, chapters_per_module + 1):
            os.makedirs(f"{out}/m{m}/c{c}", exist_ok=True)
            with open(f"{out}/m{m}/c{c}/index.md", "w", encoding="utf-8") as f:
                f.write(chapter(r, f"第 {m}.{c} 章", per_chapter))
    steps = " → ".join(f"模組{NUMERALS[m - 1]}" for m in range(1, modules + 1))
    index.append(f"## 學習路徑\n\n### 路徑 D：完整\n\n```text\n{steps}\n```\n\n重點：{sentence(r)}\n")
    with open(f"{out}/_index.md", "w", encoding="utf-8") as f:
        f.write("\n".join(index))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
