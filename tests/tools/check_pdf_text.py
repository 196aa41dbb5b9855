#!/usr/bin/env python3
"""Checks that a PDF gives its text back to pdftotext (SPEC §5: no Han
character lost, no space injected between Han characters).

Usage: check_pdf_text.py BOOK.pdf MARKDOWN...

The MARKDOWN files are the sources of the book (content/_index.md among them:
its title is the series title printed in the running heads).

1. Spaced Han pairs. `pdftotext -enc UTF-8` (reading order, what a reader's
   copy and paste gives) must not put a space between two Han characters
   unless the source has one there too. A space is accepted only when the
   same characters around it (up to 4 on each side, within one line of the
   PDF text) occur with a space in the sources, after the Markdown inline
   syntax that the book does not print has been removed (link destinations,
   backticks, `**`) and table rows have had their `|` cell separators turned
   into a space (pdftotext may put two cells of a row on one line). A space
   the layout adds (justification, a Han/Latin gap emitted as a character,
   a join of two lines) has no such counterpart and is reported.
   Also: no U+FFFD in the text, and every Han character used in the sources
   appears somewhere in it.
2. Prose sentences. Every plain sentence of the sources' paragraphs, list
   items and block quotes (at least 12 Han characters, no markup, links or
   code inside) and every such heading (at least 6) must be found in the PDF
   text, compared with all whitespace removed. This uses `pdftotext -layout`,
   because the default mode joins a line ending in a hyphen with the next
   line and drops the hyphen ("free-" + "threaded" -> "freethreaded"), which
   would hide whether a hyphen the source has was really printed.

In both texts, per page (pages are separated by form feeds), only what the
layout puts around the text block is removed, so that a sentence running
over a page break compares as one:
- the running head: on a page's first non-empty line, the series title and
  the chapter title (each possibly cut short, as the head truncates long
  titles), nothing else on that line;
- the footer: a page's last non-empty line when it is only a page label
  (arabic or lower-case roman numerals).
A space between two Han characters is also accepted where the character(s)
left of it and right of it stand in different cells of one source table row
(pdftotext reads side-by-side cells as one line).
Nothing else is stripped or normalised, so a dropped, changed or spaced
character inside the text block still fails the check.
"""
import re
import subprocess
import sys

HAN = r'[\u3400-\u4dbf\u4e00-\u9fff]'
CONTEXT = 4


def front_matter_title(text):
    m = re.match(r'\A(---|\+\+\+)\n(.*?)\n\1\n', text, flags=re.S)
    if not m:
        return None
    t = re.search(r'^title\s*[:=]\s*(.*?)\s*$', m.group(2), flags=re.M)
    if not t:
        return None
    return t.group(1).strip().strip('"\'')


LIST_MARK = re.compile(r'^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?')


def text_units(para):
    """(text, minimum Han count) of a Markdown block: a paragraph, each item of
    a list, a block quote, a heading. Tables, images, footnote definitions and
    HTML are left out (table cells that wrap come out of pdftotext interleaved
    with their neighbours, line by line)."""
    lines = para.strip('\n').split('\n')
    first = lines[0].lstrip()
    if first.startswith(('|', '!', '[^', '<')):
        return []
    if first.startswith('#'):
        return [(first.lstrip('#').strip(), 6)]
    if first.startswith('>'):
        return [(''.join(re.sub(r'^\s*>+\s?', '', l) for l in lines), 12)]
    if LIST_MARK.match(lines[0]):
        items = []
        for l in lines:
            if LIST_MARK.match(l):
                items.append(LIST_MARK.sub('', l))
            elif items:
                items[-1] += l.strip()
        return [(i, 12) for i in items]
    return [(''.join(lines), 12)]


def prose_sentences(text):
    text = re.sub(r'\A(---|\+\+\+)\n.*?\n\1\n', '', text, flags=re.S)
    text = re.sub(r'^( {0,3})(`{3,}|~{3,}).*?^\1\2\s*$', '', text, flags=re.S | re.M)
    out = []
    for para in re.split(r'\n\s*\n', text):
        for flat, min_han in text_units(para):
            # keep only plain runs: no markup, links or code inside
            for sentence in re.split(r'[。！？]', flat):
                if re.search(r'[`*_\[\]()<>{}|\\]', sentence):
                    continue
                s = re.sub(r'\s+', '', sentence)
                if len(re.findall(HAN, s)) >= min_han:
                    out.append(s)
    return out


def printed_source(text):
    """The source with the inline syntax the book does not print removed."""
    lines = []
    for line in text.split('\n'):
        if line.lstrip().startswith('|'):
            line = re.sub(r'\s*\|\s*', ' ', line)
        lines.append(line)
    text = '\n'.join(lines)
    text = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', text)
    text = text.replace('`', '').replace('**', '')
    return re.sub(r'[ \t]+', ' ', text)


def pdftotext(pdf, *opts):
    return subprocess.run(['pdftotext', '-enc', 'UTF-8', *opts, pdf, '-'],
                          check=True, capture_output=True).stdout.decode('utf-8')


def is_head_part(part, titles):
    return any(t.startswith(part) for t in titles)


def strip_page_furniture(text, series, chapters):
    pages = text.split('\f')
    out = []
    for page in pages:
        lines = page.split('\n')
        body = [i for i, l in enumerate(lines) if l.strip()]
        if body:
            last = body[-1]
            if re.fullmatch(r'\s*(\d+|[ivxlcdm]+)\s*', lines[last]):
                lines[last] = ''
                body.pop()
        # default mode: series title and chapter title on lines of their own;
        # -layout: both on the first line, far apart
        heads = 0
        for i in body[:2]:
            parts = re.split(r'\s{2,}', lines[i].strip())
            if heads == 0 and parts[0] == series and all(is_head_part(p, chapters) for p in parts[1:]):
                heads = len(parts)
                lines[i] = ''
            elif heads == 1 and len(parts) == 1 and is_head_part(parts[0], chapters):
                heads = 2
                lines[i] = ''
            else:
                break
        out.append('\n'.join(lines))
    return '\f'.join(out)


def main(argv):
    if len(argv) < 3 or not argv[1].endswith('.pdf'):
        print(__doc__.split('\n\n')[1])
        return 2
    pdf, mds = argv[1], argv[2:]
    sources = {md: open(md, encoding='utf-8').read() for md in mds}
    series = None
    chapters = []
    for md, text in sources.items():
        title = front_matter_title(text)
        if not title:
            continue
        if md.endswith('content/_index.md'):
            series = title
        chapters.append(title)
    if not series:
        print("error: content/_index.md (the series title) must be among the Markdown files")
        return 2

    problems = 0
    raw_reading = pdftotext(pdf)
    if '\ufffd' in raw_reading:
        print("error: the PDF text has U+FFFD (a glyph without a Unicode mapping)")
        problems += 1
    lost = set(re.findall(HAN, ''.join(sources.values()))) - set(re.findall(HAN, raw_reading))
    if lost:
        print(f"error: {len(lost)} Han character(s) of the sources never appear in the PDF text: {''.join(sorted(lost))[:40]}")
        problems += 1
    reading = strip_page_furniture(raw_reading, series, chapters)
    printed = '\n'.join(printed_source(t) for t in sources.values())
    # Table cells sit side by side: pdftotext reads a row's lines across the
    # cells, so the end of one cell's line meets the next cell with a space.
    rows = [[printed_source(c).strip() for c in line.strip().strip('|').split('|')]
            for t in sources.values() for line in t.split('\n') if line.lstrip().startswith('|')]

    def across_cells(left, right):
        return any(left in row[i] and right in cell for row in rows
                   for i in range(len(row)) for cell in row[i + 1:])

    spaced = []
    for line in reading.split('\n'):
        for m in re.finditer(f'(?=({HAN} +{HAN}))', line):
            a, b = m.start(), m.start() + len(m.group(1))
            ctx = re.sub(' +', ' ', line[max(0, a - CONTEXT):b + CONTEXT])
            left = re.search(f'{HAN}{{1,2}}$', line[:a + 1]).group(0)
            right = re.match(f'{HAN}{{1,2}}', line[b - 1:]).group(0)
            if ctx not in printed and not across_cells(left, right):
                spaced.append(ctx)
    if spaced:
        print(f"error: {len(spaced)} space(s) between Han characters not in the source, e.g. {spaced[:5]}")
        problems += 1

    layout = strip_page_furniture(pdftotext(pdf, '-layout'), series, chapters)
    squashed = re.sub(r'\s+', '', layout)
    checked = missing = 0
    for md, text in sources.items():
        for s in prose_sentences(text):
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
