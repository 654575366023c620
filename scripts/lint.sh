#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over the libraries and programs, with a build's
# compile_commands.json; exits non-zero on any finding. Takes a few minutes on two cores.
#
# usage: scripts/lint.sh [BUILD_DIR]    (default: build/, configured here if needed)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-${SINMUN_BUILD_DIR:-$root/build}}"
command -v run-clang-tidy >/dev/null || { echo "lint: run-clang-tidy not installed (apt-get install clang-tidy)" >&2; exit 2; }
cmake -S "$root" -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
run-clang-tidy -p "$build" -j "$(nproc)" -quiet -extra-arg=-Wno-unknown-warning-option \
  "^$root/(base|analyzers|corpus|schema|indexer|searcher|cli|server|resources|lexicon)/"
