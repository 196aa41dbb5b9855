#!/usr/bin/env python3
"""Checks that a PDF gives its text back (pdftotext -layout off):
- no space injected between two Han characters;
- every sentence of prose in the given Markdown files is found in the PDF's
  text (compared with all whitespace removed, since lines are broken).
Usage: check_pdf_text.py PDF_TEXT MARKDOWN...
"""
import re
import sys

HAN = r'[\u3400-\u4dbf\u4e00-\u9fff]'


def prose_sentences(md):
    text = open(md, encoding="utf-8").read()
    text = re.sub(r'\A(---|\+\+\+)\n.*?\n\1\n', '', text, flags=re.S)
    text = re.sub(r'^( {0,3})(`{3,}|~{3,}).*?^\1\2\s*$', '', text, flags=re.S | re.M)
    out = []
    for para in re.split(r'\n\s*\n', text):
        if para.lstrip().startswith(('|', '#', '>', '-', '*', '1.', '!', '[^', '<')):
            continue
        flat = para.replace('\n', '')
        # keep only plain runs: no markup, links or code inside
        for sentence in re.split(r'[。！？]', flat):
            if re.search(r'[`*_\[\]()<>{}|\\]', sentence):
                continue
            s = re.sub(r'\s+', '', sentence)
            if len(re.findall(HAN, s)) >= 12:
                out.append(s)
    return out


def main(argv):
    pdf_text = open(argv[1], encoding="utf-8").read()
    problems = 0
    spaced = re.findall(f'{HAN} +{HAN}', pdf_text)
    if spaced:
        print(f"error: {len(spaced)} space(s) between Han characters, e.g. {spaced[:5]}")
        problems += 1
    squashed = re.sub(r'\s+', '', pdf_text)
    checked = missing = 0
    for md in argv[2:]:
        for s in prose_sentences(md):
            checked += 1
            if s not in squashed:
                missing += 1
                if missing <= 10:
                    print(f"{md}: error: sentence not found in the PDF text: {s[:60]}")
    if missing:
        problems += 1
    print(f"{checked} sentences checked, {missing} missing, {len(spaced)} spaced Han pairs")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
