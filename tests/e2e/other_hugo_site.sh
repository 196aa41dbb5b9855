#!/usr/bin/env bash
# Another Hugo site (tests/fixtures/hugo-site): TOML and YAML front matter,
# leaf pages inside sections, PNG/GIF/SVG images, shortcodes, drafts, and no
# 學習路徑 section. Its one book must pass EPUBCheck like the series does.
source "$(dirname "$0")/../tools/e2e_lib.sh"
need java
site="$SOURCE_DIR/tests/fixtures/hugo-site/content"
"$EXPORTER" build --content "$site" --path all --format epub --out "$WORK/out" --name handbook --quiet 2>"$WORK/log" \
  && pass "build" || { cat "$WORK/log"; fail "build"; finish; }
book="$WORK/out/handbook-path-a.epub"
epubcheck "$book" >"$WORK/check" 2>&1 || true
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$WORK/check" && pass "EPUBCheck clean" || { cat "$WORK/check"; fail "EPUBCheck"; }
python3 "$SOURCE_DIR/tests/tools/check_epub_links.py" "$book" >"$WORK/links" && pass "links resolve" || { cat "$WORK/links"; fail "links"; }
unzip -p "$book" OEBPS/package.opf >"$WORK/opf"
for t in 'image/png' 'image/gif' 'image/svg+xml'; do
  grep -q "media-type=\"$t\"" "$WORK/opf" && pass "manifest has $t" || fail "manifest lacks $t"
done
grep -q 'ch-blog-draft' "$WORK/opf" && fail "draft page included" || pass "draft page left out"
order=$(grep -o 'idref="i-ch-blog-[a-z]*-xhtml' "$WORK/opf" | sed 's/.*ch-blog-//; s/-xhtml//' | tr '\n' ' ')
[ "$order" = "new old " ] && pass "blog posts newest first (Hugo order)" || fail "blog order: $order"
grep -q "raw HTML block kept as plain text" "$WORK/log" && pass "raw <details> block reported" || fail "no warning for raw HTML"
finish
