#!/usr/bin/env bash
# The GitHub Actions workflows are valid (action-validator, offline), run the
# README's commands, and the release attaches what `make release` makes.
source "$(dirname "$0")/../tools/e2e_lib.sh"
validator="$SOURCE_DIR/tests/tools/node/node_modules/.bin/action-validator"
[ -x "$validator" ] || { echo "FAIL - action-validator is not installed (run make deps)"; exit 1; }
for wf in "$SOURCE_DIR"/.github/workflows/*.yml; do
  "$validator" "$wf" >"$WORK/out" 2>&1 && pass "valid: $(basename "$wf")" || { cat "$WORK/out"; fail "invalid: $(basename "$wf")"; }
done
ci="$SOURCE_DIR/.github/workflows/ci.yml"
rel="$SOURCE_DIR/.github/workflows/release.yml"
grep -q "make deps" "$ci" && grep -q "make test" "$ci" && pass "ci runs make deps and make test" || fail "ci commands"
grep -q "pull_request" "$ci" && pass "ci runs on pull requests" || fail "ci triggers"
grep -q '"v\*"' "$rel" && pass "release runs on v* tags" || fail "release trigger"
grep -q 'make release VERSION=' "$rel" && grep -q 'sha256sum -c SHA256SUMS' "$rel" && pass "release builds and verifies" || fail "release steps"
grep -q 'gh release upload' "$rel" && pass "release attaches the files" || fail "release upload"
finish
