# Shared helpers for the end-to-end tests (sourced, not run).
set -euo pipefail
: "${EXPORTER:?EXPORTER must point at the built exporter}"
: "${SOURCE_DIR:=$(pwd)}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1768867200}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
failures=0
passes=0
pass() { passes=$((passes + 1)); echo "ok - $*"; }
fail() { failures=$((failures + 1)); echo "FAIL - $*"; }
finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
need() {  # a tool the test needs: missing is a failure, never a skip
  command -v "$1" >/dev/null 2>&1 || { echo "FAIL - $1 is not installed (run make deps)"; exit 1; }
}
epubcheck() {
  java -jar /usr/bin/epubcheck "$@"
}
