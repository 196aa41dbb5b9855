#!/usr/bin/env bash
# The command line: help, exit codes, GCC-style diagnostics, atomic output.
source "$(dirname "$0")/../tools/e2e_lib.sh"

"$EXPORTER" --help >"$WORK/help" && grep -q "learning path" "$WORK/help" && pass "--help" || fail "--help"
"$EXPORTER" build --help >"$WORK/bhelp" && grep -q -- "--format" "$WORK/bhelp" && pass "build --help" || fail "build --help"

"$EXPORTER" paths --content "$SOURCE_DIR/content" >"$WORK/paths" 2>/dev/null
for p in "路徑 A：Web/API 開發者" "路徑 B：框架開發者" "路徑 C：效能工程師" "路徑 D：完整學習" "重點：理解瓶頸、用原生語言加速"; do
  grep -q "$p" "$WORK/paths" && pass "paths lists $p" || fail "paths lacks $p"
done

set +e
"$EXPORTER" build --content "$SOURCE_DIR/content" --path Z --format epub --out "$WORK/z" 2>"$WORK/err"; rc=$?
set -e
[ $rc -eq 2 ] && grep -q "unknown learning path 'Z'" "$WORK/err" && pass "unknown path: exit 2" || fail "unknown path: exit $rc"
set +e
"$EXPORTER" build --content "$SOURCE_DIR/content" --path A --format mobi --out "$WORK/z" 2>/dev/null; rc=$?
"$EXPORTER" frobnicate 2>/dev/null; rc2=$?
set -e
[ $rc -eq 2 ] && pass "unknown format: exit 2" || fail "unknown format: exit $rc"
[ $rc2 -eq 2 ] && pass "unknown subcommand: exit 2" || fail "unknown subcommand: exit $rc2"

# A tree with errors: every error reported with file:line, exit 1, no book written,
# an older book in --out left untouched.
bad="$WORK/bad/content"
mkdir -p "$bad/m/c"
printf -- '---\ntitle: 壞\n---\n\n## 教學模組\n\n### [模組一：M](m/)\n\n## 學習路徑\n\n### 路徑 A：甲\n\n```text\n模組一\n```\n' >"$bad/_index.md"
printf -- '---\ntitle: M\n---\n\n見[不存在](../nowhere/)。\n' >"$bad/m/_index.md"
printf -- '---\ntitle: C\n---\n\n![缺圖](missing.png)\n\n[錨](../#沒有)\n' >"$bad/m/c/index.md"
mkdir -p "$WORK/badout"
echo "old book" >"$WORK/badout/book-path-a.epub"
set +e
"$EXPORTER" build --content "$bad" --path A --format epub --out "$WORK/badout" --name book 2>"$WORK/err"; rc=$?
set -e
[ $rc -eq 1 ] && pass "content errors: exit 1" || fail "content errors: exit $rc"
grep -q "content/m/_index.md:5:2: error: link to a missing page '../nowhere/'" "$WORK/err" && pass "missing page with file:line:col" || { cat "$WORK/err"; fail "missing page message"; }
grep -q "content/m/c/index.md:5:1: error: image 'missing.png' not found" "$WORK/err" && pass "missing image with file:line:col" || fail "missing image message"
grep -q "content/m/c/index.md:7:1: error: link to a missing anchor '#沒有'" "$WORK/err" && pass "missing anchor with file:line:col" || fail "missing anchor message"
[ "$(cat "$WORK/badout/book-path-a.epub")" = "old book" ] && pass "old book untouched" || fail "old book replaced"
[ -z "$(ls -A "$WORK/badout" | grep -v book-path-a.epub)" ] && pass "no temporary files left" || fail "leftovers: $(ls -A "$WORK/badout")"

set +e
"$EXPORTER" check --content "$bad" 2>"$WORK/check"; rc=$?
set -e
[ $rc -eq 1 ] && [ "$(grep -c ': error: ' "$WORK/check")" -eq 3 ] && pass "check collects all 3 errors" || { cat "$WORK/check"; fail "check: exit $rc"; }

"$EXPORTER" check --content "$SOURCE_DIR/content" 2>"$WORK/real" && pass "check on the real series: exit 0" || { cat "$WORK/real"; fail "check on the series"; }
if grep -q ": error: " "$WORK/real"; then fail "errors in the series"; else pass "no errors in the series"; fi
finish
