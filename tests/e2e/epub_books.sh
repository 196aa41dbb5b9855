#!/usr/bin/env bash
# Every learning path of the real series as EPUB: EPUBCheck clean, links
# resolve, the right chapters in the right order, byte-identical rebuilds.
source "$(dirname "$0")/../tools/e2e_lib.sh"
need java
need python3
[ -f /usr/bin/epubcheck ] || { echo "FAIL - epubcheck is not installed (run make deps)"; exit 1; }

out="$WORK/out"
"$EXPORTER" build --content "$SOURCE_DIR/content" --path all --format epub --out "$out" --quiet 2>"$WORK/log" \
  && pass "build --path all --format epub" || { cat "$WORK/log"; fail "build failed"; finish; }
for p in a b c d; do
  f="$out/python-advanced-guide-path-$p.epub"
  [ -s "$f" ] || { fail "missing $f"; continue; }
  epubcheck "$f" >"$WORK/check-$p" 2>&1 || true
  if grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$WORK/check-$p"; then
    pass "EPUBCheck path $p: $(grep Messages "$WORK/check-$p")"
  else
    cat "$WORK/check-$p"; fail "EPUBCheck path $p"
  fi
  python3 "$SOURCE_DIR/tests/tools/check_epub_links.py" "$f" >"$WORK/links-$p" 2>&1 \
    && pass "links and ids resolve in path $p" || { cat "$WORK/links-$p"; fail "links in path $p"; }
done

# Chapter order of path A as the index page defines it: 模組一 → 模組三 → 模組七.
spine=$(unzip -p "$out/python-advanced-guide-path-a.epub" OEBPS/package.opf | grep -o 'idref="i-[^"]*"' | sed 's/idref="i-//; s/-xhtml"//' | tr '\n' ' ')
expected="introduction ch-01-asyncio ch-01-asyncio-fundamentals ch-01-asyncio-coroutines-tasks ch-01-asyncio-patterns ch-01-asyncio-real-world ch-03-design-patterns ch-03-design-patterns-generics ch-03-design-patterns-exception-design ch-03-design-patterns-context-managers ch-03-design-patterns-plugin-system ch-03-design-patterns-integration ch-07-packaging ch-07-packaging-pyproject-toml ch-07-packaging-build-systems ch-07-packaging-distribution ch-07-packaging-best-practices "
[ "$spine" = "$expected" ] && pass "path A spine order" || fail "path A spine: $spine"

# Path C holds both alternatives by default, one with --choose.
unzip -l "$out/python-advanced-guide-path-c.epub" >"$WORK/c-list"
grep -q ch-06-rust-extensions-pyo3-basics "$WORK/c-list" && pass "path C includes 模組六 by default" || fail "path C lacks 模組六"
"$EXPORTER" build --content "$SOURCE_DIR/content" --path C --choose 5 --format epub --out "$WORK/c5" --quiet 2>/dev/null
unzip -l "$WORK/c5/python-advanced-guide-path-c.epub" >"$WORK/c5-list"
if grep -q ch-06-rust "$WORK/c5-list"; then fail "--choose 5 kept 模組六"; else pass "--choose 5 narrows path C to 模組五"; fi

# No space injected between Han characters by soft line breaks: the source's
# 「…的結尾\n下一行…」 must come out joined.
unzip -p "$out/python-advanced-guide-path-d.epub" OEBPS/introduction.xhtml > "$WORK/intro.xhtml"
grep -q "深入探討 Python 的內部機制" "$WORK/intro.xhtml" && pass "index page text survives" || fail "index page text"

# Byte-identical rebuild.
"$EXPORTER" build --content "$SOURCE_DIR/content" --path all --format epub --out "$WORK/again" --quiet 2>/dev/null
for p in a b c d; do
  cmp -s "$out/python-advanced-guide-path-$p.epub" "$WORK/again/python-advanced-guide-path-$p.epub" \
    && pass "path $p rebuild is byte-identical" || fail "path $p differs on rebuild"
done
finish
