#!/usr/bin/env bash
# Configures and builds Sinmun in Release into build/ (or $SINMUN_BUILD_DIR).
# Extra arguments go to the cmake configure step, e.g. -DSINMUN_WARNINGS_AS_ERRORS=ON.
#
# usage: scripts/build.sh [CMAKE_ARGS...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
