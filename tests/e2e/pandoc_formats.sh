#!/usr/bin/env bash
# Extra formats through Pandoc: headings, code and tables survive into DOCX
# and ODT; without Pandoc the error says how to install it and nothing is written.
source "$(dirname "$0")/../tools/e2e_lib.sh"
need pandoc
need unzip
"$EXPORTER" build --content "$SOURCE_DIR/content" --path A --format docx,odt --out "$WORK/out" --quiet 2>"$WORK/log" \
  && pass "build --format docx,odt" || { cat "$WORK/log"; fail "build"; finish; }
docx="$WORK/out/python-advanced-guide-path-a.docx"
unzip -p "$docx" word/document.xml >"$WORK/doc.xml"
grep -q 'w:val="Heading1"' "$WORK/doc.xml" && pass "DOCX has Heading 1 paragraphs" || fail "no Heading 1 in DOCX"
grep -q 'w:val="Heading2"' "$WORK/doc.xml" && pass "DOCX has Heading 2 paragraphs" || fail "no Heading 2 in DOCX"
grep -q '<w:tbl>' "$WORK/doc.xml" && pass "DOCX has tables" || fail "no table in DOCX"
grep -q 'w:val="SourceCode"' "$WORK/doc.xml" && pass "DOCX has code blocks" || fail "no code block in DOCX"
grep -q '基礎概念與事件迴圈' "$WORK/doc.xml" && pass "chapter title in DOCX" || fail "chapter title missing from DOCX"
grep -q 'async def' "$WORK/doc.xml" && pass "code text in DOCX" || fail "code text missing from DOCX"
unzip -p "$WORK/out/python-advanced-guide-path-a.odt" content.xml >"$WORK/odt.xml"
grep -q 'text:h' "$WORK/odt.xml" && grep -q '協程與 Task 管理' "$WORK/odt.xml" && pass "ODT headings" || fail "ODT headings"

# Without pandoc on PATH: exit 1, a message that says how to install it, no file.
set +e
PATH=/nonexistent "$EXPORTER" build --content "$SOURCE_DIR/content" --path A --format docx --out "$WORK/none" --quiet 2>"$WORK/err"
rc=$?
set -e
[ $rc -eq 1 ] && grep -q "apt-get install pandoc" "$WORK/err" && pass "missing pandoc: exit 1 with install hint" || { cat "$WORK/err"; fail "missing pandoc: exit $rc"; }
[ -z "$(ls -A "$WORK/none" 2>/dev/null)" ] && pass "missing pandoc: nothing written" || fail "files left: $(ls -A "$WORK/none")"
finish
