#!/usr/bin/env python3
"""Checks a built PDF the way issue 3 asks; for e2e tests and by hand.

usage: tools/check_pdf.py BOOK.pdf [SOURCE.md ...]

- qpdf --check passes with no warning;
- pdffonts: every font embedded, CJK faces only the TC ones;
- pdftotext: no U+FFFD; with sources given, every Han character of the
  sources is in the text, and every "Han space Han" in the text also occurs
  in a source (so the typesetter injected no space between Han).
Prints the page count; exits 1 with the reasons on failure.
"""
import re
import subprocess
import sys

HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    pdf, sources = argv[1], argv[2:]
    problems = []

    check = run("qpdf", "--check", pdf)
    if check.returncode != 0 or "WARNING" in check.stdout + check.stderr:
        problems.append("qpdf --check: " + (check.stdout + check.stderr).strip())

    fonts = run("pdffonts", pdf).stdout.splitlines()[2:]
    for line in fonts:
        cols = line.split()
        name = cols[0]
        if cols[-5] != "yes":
            problems.append("font not embedded: " + line)
        if re.search(r"CJK(jp|kr|sc|hk)", name, re.I):
            problems.append("non-TC CJK face: " + name)

    text = run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout
    if "\ufffd" in text:
        problems.append("pdftotext shows U+FFFD")
    if sources:
        source = ""
        for path in sources:
            with open(path, encoding="utf-8") as f:
                source += f.read() + "\n"
        lost = set(re.findall(HAN, source)) - set(re.findall(HAN, text))
        if lost:
            problems.append("Han characters lost: " + "".join(sorted(lost))[:80])
        # Markdown syntax between two words is not text: [a](url) b, **a** b, `a` b.
        flat = re.sub(r"\]\([^)]*\)|\]\[[^\]]*\]|[\[\]*_`~]|\{\{<[^>]*>\}\}|</?[A-Za-z][^<>\n]*>", "", source)
        flat = re.sub(r"\s+", " ", flat)
        injected = {m for m in re.findall(HAN + " +" + HAN, text)
                    if re.sub(" +", " ", m) not in flat}
        if injected:
            problems.append("spaces injected between Han: " + ", ".join(sorted(injected)[:10]))

    pages = re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf).stdout)
    print(f"{pdf}: {pages.group(1) if pages else '?'} pages, {len(fonts)} fonts")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
