#!/usr/bin/env bash
# The second command of the README and what CI runs: installs what is missing, builds
# everything with warnings as errors, runs the whole test suite with ctest, then the
# browser test of the web page (scripts/test-web.sh).
#
# usage: scripts/test.sh [CTEST_ARGS...]   e.g. scripts/test.sh -R Analyzer
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DSINMUN_BUILD_TESTS=ON -DSINMUN_BUILD_BENCHMARKS=ON -DSINMUN_WARNINGS_AS_ERRORS=ON
(cd "$build" && ctest --output-on-failure -j"$(nproc)" "$@")
# The page in a real browser (headless chromium); only with the whole suite.
if (($# == 0)); then SINMUN_BUILD_DIR="$build" "$root/scripts/test-web.sh"; fi
