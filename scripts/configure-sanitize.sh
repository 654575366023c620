#!/usr/bin/env bash
# Configures the sanitizer build (clang, ASan + UBSan, the fuzz targets and the tests) in the
# directory given (default build-sanitize/); scripts/fuzz.sh and scripts/test-sanitize.sh
# build in it. -O1 -g: readable reports at a bearable speed.
#
# usage: scripts/configure-sanitize.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-${SINMUN_SANITIZE_BUILD_DIR:-$root/build-sanitize}}"
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DSINMUN_SANITIZE=address,undefined -DSINMUN_BUILD_FUZZERS=ON \
  -DSINMUN_BUILD_TESTS=ON -DSINMUN_BUILD_BENCHMARKS=OFF >/dev/null
