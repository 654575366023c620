#!/usr/bin/env bash
# The first command of the README: installs everything (Debian 12, as root), builds in
# Release, indexes the bundled sample corpus and searches it for `H200 수출`.
# Idempotent: a second run rebuilds nothing that is current and re-indexes in place.
#
# usage: scripts/setup.sh [QUERY...]     (default query: H200 수출)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DSINMUN_BUILD_TESTS=OFF -DSINMUN_BUILD_BENCHMARKS=OFF

"$build/indexer/sinmun-index" --db "$build/sample.db" "$root/corpus/sample"
if (($# == 0)); then set -- H200 수출; fi
echo "== sinmun-search --db $build/sample.db $* =="
"$build/searcher/sinmun-search" --db "$build/sample.db" "$@"
