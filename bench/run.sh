#!/usr/bin/env bash
# `make bench`: wall time, CPU time and peak memory of the PDF and EPUB builds,
# of the bare Pango + Cairo floor, and of pandoc → EPUB, on a generated corpus
# at ¼, ½ and 1× (about 1 MB) and on path D of content/. Figures, not tests.
set -euo pipefail
BUILD=${BUILD:-build}
EXPORTER=${EXPORTER:-$BUILD/exporter}
FLOOR=${FLOOR:-$BUILD/bench_floor}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1768867200}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "GNU time is missing (make deps installs it)"; exit 1; }

# measure NAME CMD... → "wall cpu peakMB"
measure() {
  local name=$1; shift
  "$TIME" -f "%e %U %S %M" -o "$OUT/$name.time" "$@" >/dev/null 2>"$OUT/$name.err" || { cat "$OUT/$name.err"; exit 1; }
  awk '{printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$OUT/$name.time"
}

mb() { find "$1" -name '*.md' -print0 | xargs -0 cat | wc -c | awk '{printf "%.2f", $1 / 1048576}'; }

printf "%-22s %6s | %-22s | %-22s | %-22s | %-16s | %9s %9s %9s\n" \
  "corpus" "MB" "PDF wall/cpu/peakMB" "floor wall/cpu/peakMB" "EPUB wall/cpu/peakMB" "pandoc EPUB" "PDF/floor" "EPUB/pdc" "PDF s/MB"
run_case() {
  local label=$1 dir=$2 path=$3
  local key=${label//[^A-Za-z0-9]/_}
  local size; size=$(mb "$dir")
  read -r pw pc pm < <(measure "$key-pdf" "$EXPORTER" build --content "$dir" --path "$path" --format pdf --out "$OUT/b" --quiet --name x)
  read -r fw fc fm < <(measure "$key-floor" "$FLOOR" --content "$dir" --path "$path")
  read -r ew ec em < <(measure "$key-epub" "$EXPORTER" build --content "$dir" --path "$path" --format epub --out "$OUT/b" --quiet --name x)
  local pandoc="-" ratio_pandoc="-"
  if command -v pandoc >/dev/null; then
    find "$dir" -name '*.md' | sort | xargs cat > "$OUT/all.md"
    read -r dw dc dm < <(measure "$key-pandoc" pandoc -f markdown -t epub3 -o "$OUT/p.epub" --metadata title=bench "$OUT/all.md")
    pandoc="${dw}s"
    ratio_pandoc=$(awk -v a="$ew" -v b="$dw" 'BEGIN {printf "%.3f", a / b}')
  fi
  local ratio_floor per_mb
  ratio_floor=$(awk -v a="$pw" -v b="$fw" 'BEGIN {printf "%.2f", a / b}')
  per_mb=$(awk -v a="$pw" -v b="$size" 'BEGIN {printf "%.2f", a / b}')
  printf "%-22s %6s | %6ss %6ss %6s | %6ss %6ss %6s | %6ss %6ss %6s | %-16s | %9s %9s %9s\n" \
    "$label" "$size" "$pw" "$pc" "$pm" "$fw" "$fc" "$fm" "$ew" "$ec" "$em" "$pandoc" "$ratio_floor" "$ratio_pandoc" "$per_mb"
}

for kb in 256 512 1024; do
  python3 "$(dirname "$0")/make_corpus.py" "$OUT/corpus-$kb" "$kb"
  run_case "generated ${kb} KB" "$OUT/corpus-$kb" D
done
run_case "content/ path D" content D
echo "targets: PDF/floor ≤ 1.5, EPUB/pandoc ≤ 0.1, peak ≤ 300 MB; s/MB should stay flat as the corpus grows"
