#!/usr/bin/env python3
"""Checks the shape of written chapters (../shared/CONTENT.md): the four
layers as ## headings, a 重點回顧, at least 4,000 Han characters of prose
outside code, and links to related chapters.

Usage: check_chapters.py CONTENT_DIR [MODULE_DIR ...]
Only the named modules are checked (the series is written module by module);
with none named, every module listed in WRITTEN_MODULES is.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from run_examples import code_blocks  # noqa: E402

WRITTEN_MODULES = ["01-asyncio", "02-metaprogramming", "03-design-patterns", "04-cpython-internals", "05-c-extensions",
                   "06-rust-extensions", "07-packaging"]
LAYERS = ["原理層", "設計層", "實作層", "實戰應用"]
MIN_HAN = 4000
HAN = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]')


def prose(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for start, end, *_ in code_blocks(path):
        for i in range(start - 1, min(end + 1, len(lines))):
            lines[i] = ""
    text = "\n".join(lines)
    text = re.sub(r'\A---\n.*?\n---\n', '', text, flags=re.S)
    return re.sub(r'`[^`\n]*`', '', text)


def check(path):
    problems = []
    text = prose(path)
    han = len(HAN.findall(text))
    if han < MIN_HAN:
        problems.append(f"only {han} Han characters of prose outside code (need {MIN_HAN})")
    heads = re.findall(r'^## +(.+?)\s*$', text, re.M)
    for layer in LAYERS:
        if not any(layer in h for h in heads):
            problems.append(f"no '## {layer}' heading")
    if not any("重點回顧" in h for h in re.findall(r'^#{2,3} +(.+?)\s*$', text, re.M)):
        problems.append("no 重點回顧 heading")
    if not re.search(r'\]\(\.\./(\.\./)?[0-9a-z-]+/', text):
        problems.append("no link to a related chapter")
    return han, problems


def main(argv):
    root = argv[1] if len(argv) > 1 else "content"
    modules = argv[2:] or WRITTEN_MODULES
    failed = passed = 0
    for m in modules:
        mdir = os.path.join(root, m)
        for ch in sorted(os.listdir(mdir)):
            p = os.path.join(mdir, ch, "index.md")
            if not os.path.isfile(p):
                continue
            han, problems = check(p)
            for pr in problems:
                print(f"{p}:1: error: {pr}")
            print(f"{p}: {han} Han characters")
            if problems:
                failed += 1
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
