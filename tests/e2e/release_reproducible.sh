#!/usr/bin/env bash
# `make release` from two fresh clones of the same commit gives byte-identical
# books, manifest and SHA256SUMS; SOURCE_DATE_EPOCH comes from the commit
# date; the version is printed in the books; the sums verify.
source "$(dirname "$0")/../tools/e2e_lib.sh"
need git
need pdftotext
unset SOURCE_DATE_EPOCH
exporter=$(readlink -f "$EXPORTER")
for n in one two; do
  git clone -q "$SOURCE_DIR" "$WORK/$n"
  make -s -C "$WORK/$n" release-books EXPORTER="$exporter" VERSION=v9.8.7 DIST="$WORK/$n/dist" >"$WORK/$n.log" 2>&1 \
    && pass "make release-books in clone $n" || { cat "$WORK/$n.log"; fail "release in clone $n"; finish; }
done
a=$(sha256sum "$WORK/one/dist/SHA256SUMS" | cut -d' ' -f1)
b=$(sha256sum "$WORK/two/dist/SHA256SUMS" | cut -d' ' -f1)
echo "SHA256SUMS of clone one: $a"
echo "SHA256SUMS of clone two: $b"
[ "$a" = "$b" ] && pass "two clones give identical SHA256SUMS" || { diff "$WORK/one/dist/SHA256SUMS" "$WORK/two/dist/SHA256SUMS"; fail "clones differ"; }
(cd "$WORK/one/dist" && sha256sum -c --quiet SHA256SUMS) && pass "sha256sum -c verifies" || fail "sha256sum -c"
count=$(ls "$WORK/one/dist" | grep -c '^python-advanced-guide-v9.8.7-path-[a-d]\.\(pdf\|epub\)$')
[ "$count" -eq 8 ] && pass "8 books named python-advanced-guide-v9.8.7-path-*" || fail "$count books"
python3 - "$WORK/one/dist/python-advanced-guide-v9.8.7-manifest.json" "$(git -C "$WORK/one" rev-parse HEAD)" <<'PY' && pass "manifest fields" || fail "manifest fields"
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
assert m["version"] == "v9.8.7" and m["source_commit"] == sys.argv[2]
assert len(m["books"]) == 8
for b in m["books"]:
    assert b["bytes"] > 0 and len(b["sha256"]) == 64 and b["chapters"]
    assert (b.get("pages", 0) > 0) if b["format"] == "pdf" else (b.get("spine_items", 0) > 0)
PY
pdftotext -l 4 "$WORK/one/dist/python-advanced-guide-v9.8.7-path-a.pdf" - | grep -q "v9.8.7" && pass "version in the PDF front matter" || fail "version not in PDF"
unzip -p "$WORK/one/dist/python-advanced-guide-v9.8.7-path-a.epub" OEBPS/package.opf | grep -q "v9.8.7" && pass "version in EPUB metadata" || fail "version not in EPUB"
if grep -ra "$WORK" "$WORK/one/dist" >/dev/null; then fail "a build path leaked into the output"; else pass "no build paths in the output"; fi
finish
