#!/usr/bin/env bash
# The second command of the README and what CI runs: installs what is missing, builds
# everything with warnings as errors, runs the whole test suite with ctest, then the
# browser test of the web page (scripts/test-web.sh), and ends with one line counting both.
#
# usage: scripts/test.sh [CTEST_ARGS...]   e.g. scripts/test.sh -R Analyzer (ctest only)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DSINMUN_BUILD_TESTS=ON -DSINMUN_BUILD_BENCHMARKS=ON -DSINMUN_WARNINGS_AS_ERRORS=ON

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
(cd "$build" && ctest --output-on-failure -j"$(nproc)" "$@") | tee "$log" || status=1
if (($# == 0)); then
  SINMUN_BUILD_DIR="$build" "$root/scripts/test-web.sh" | tee -a "$log" || status=1
fi

# "100% tests passed, 0 tests failed out of 212" (ctest) and "# pass 5" / "# fail 0" (node).
read -r ctest_failed ctest_total < <(sed -n 's/.* \([0-9]\+\) tests failed out of \([0-9]\+\).*/\1 \2/p' "$log" | tail -1) ||
  { ctest_failed=0; ctest_total=0; }
web_passed="$(sed -n 's/^# pass \([0-9]\+\)$/\1/p' "$log" | tail -1)"
web_failed="$(sed -n 's/^# fail \([0-9]\+\)$/\1/p' "$log" | tail -1)"
passed=$((ctest_total - ctest_failed + ${web_passed:-0}))
failed=$((ctest_failed + ${web_failed:-0}))
echo "sinmun: ${passed} passed, ${failed} failed"
exit "$status"
