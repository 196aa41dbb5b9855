#!/usr/bin/env bash
# Every learning path of the real series as PDF: qpdf --check clean, only
# embedded Noto CJK TC / Noto Sans Mono fonts, text extracts back without
# lost or spaced-out Han characters, byte-identical rebuilds.
source "$(dirname "$0")/../tools/e2e_lib.sh"
need qpdf
need pdffonts
need pdftotext
need pdfinfo

out="$WORK/out"
"$EXPORTER" build --content "$SOURCE_DIR/content" --path all --format pdf --out "$out" --quiet 2>"$WORK/log" \
  && pass "build --path all --format pdf" || { cat "$WORK/log"; fail "build failed"; finish; }
for p in a b c d; do
  f="$out/python-advanced-guide-path-$p.pdf"
  [ -s "$f" ] || { fail "missing $f"; continue; }
  if qpdf --check "$f" >"$WORK/qpdf-$p" 2>&1 && ! grep -qi "warning" "$WORK/qpdf-$p"; then
    pass "qpdf --check path $p"
  else
    tail -5 "$WORK/qpdf-$p"; fail "qpdf --check path $p"
  fi
  pdffonts "$f" >"$WORK/fonts-$p"
  # columns: name type encoding emb sub uni object ID
  if awk 'NR>2 && $(NF-4)!="yes" {bad=1} END {exit bad}' "$WORK/fonts-$p"; then pass "all fonts embedded in path $p"; else cat "$WORK/fonts-$p"; fail "unembedded fonts in path $p"; fi
  if grep -E 'CJK(JP|SC|KR|HK)|CJKjp|CJKsc|CJKkr' "$WORK/fonts-$p" >/dev/null; then cat "$WORK/fonts-$p"; fail "non-TC CJK face in path $p"; else pass "CJK faces are TC in path $p"; fi
  others=$(awk 'NR>2 {print $1}' "$WORK/fonts-$p" | sed 's/^[A-Z]*+//' | grep -v -E '^(NotoSerifCJKtc|NotoSansCJKtc|NotoSansMonoCJKtc|NotoSansMono|NotoSansSymbols2?|NotoSansDevanagari)-' || true)
  [ -z "$others" ] && pass "only the configured fonts in path $p" || fail "unexpected fonts in path $p: $others"
done

# Text comes back: every plain prose sentence of the chapters in path D.
# (check_pdf_text.py runs pdftotext itself, per page, and says what it strips.)
if python3 "$SOURCE_DIR/tests/tools/check_pdf_text.py" "$out/python-advanced-guide-path-d.pdf" \
    $(find "$SOURCE_DIR/content" -name '*.md' | sort) >"$WORK/text" 2>&1; then
  pass "pdftotext: $(tail -1 "$WORK/text")"
else
  cat "$WORK/text"; fail "pdftotext"
fi

pages=$(pdfinfo "$out/python-advanced-guide-path-d.pdf" | awk '/^Pages:/ {print $2}')
[ "${pages:-0}" -gt 30 ] && pass "path D has $pages pages" || fail "path D has ${pages:-0} pages"
pdfinfo "$out/python-advanced-guide-path-a.pdf" >"$WORK/info"
grep -q "Title:.*Python 進階指南" "$WORK/info" && pass "PDF title metadata" || { cat "$WORK/info"; fail "PDF title metadata"; }

"$EXPORTER" build --content "$SOURCE_DIR/content" --path A,C --format pdf --out "$WORK/again" --quiet 2>/dev/null
for p in a c; do
  cmp -s "$out/python-advanced-guide-path-$p.pdf" "$WORK/again/python-advanced-guide-path-$p.pdf" \
    && pass "path $p PDF rebuild is byte-identical" || fail "path $p PDF differs on rebuild"
done
finish
