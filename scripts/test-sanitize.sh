#!/usr/bin/env bash
# The whole ctest suite again in the sanitizer build (clang, ASan + UBSan: memory errors,
# leaks and undefined behaviour abort the test that meets them), in build-sanitize/ (or
# $SINMUN_SANITIZE_BUILD_DIR). .ci/run runs it after scripts/test.sh.
#
# usage: scripts/test-sanitize.sh [CTEST_ARGS...]   e.g. scripts/test-sanitize.sh -R Warc
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_SANITIZE_BUILD_DIR:-$root/build-sanitize}"

"$root/scripts/configure-sanitize.sh" "$build"
cmake --build "$build" -j"$(nproc)"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=0:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cd "$build" && ctest --output-on-failure -j"$(nproc)" "$@"
