#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan + UBSan) and runs each for a while on a
# corpus seeded from our test fixtures. A crash, leak, UB report or timeout stops that target
# and fails the script; the input is kept under $build/fuzz-findings/ (reproduce it with
# `$build/fuzz/TARGET FILE`), and a fix comes with a regression test in tests/.
# The corpus grown by each run is kept in $build/fuzz-corpus/TARGET for the next one.
#
# usage: scripts/fuzz.sh [--short | SECONDS] [TARGET...]
#   --short   5 s per target (what .ci/run does: about 40 s for the eight)
#   SECONDS   seconds per target (default 600)
#   TARGET    fuzz_analyzer fuzz_query_parser fuzz_html_extractor fuzz_warc_reader
#             fuzz_json_reader fuzz_http_response fuzz_gzip fuzz_charset (default: all)
# The build directory is $SINMUN_SANITIZE_BUILD_DIR (default build-sanitize/), shared with
# scripts/test-sanitize.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_SANITIZE_BUILD_DIR:-$root/build-sanitize}"

seconds=600
if [[ "${1:-}" == "--short" ]]; then
  seconds=5
  shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds="$1"
  shift
fi
declare -A seeds=(
  [fuzz_analyzer]="tests/morph/fixtures corpus/sample/txt"
  [fuzz_query_parser]="fuzz/seeds/query"
  [fuzz_html_extractor]="tests/corpus/fixtures/html corpus/sample/html"
  [fuzz_warc_reader]="tests/corpus/fixtures/warc"
  [fuzz_json_reader]="tests/corpus/fixtures/jsonl corpus/sample/json corpus/sample/feeds"
  [fuzz_http_response]="fuzz/seeds/http"
  [fuzz_gzip]="tests/corpus/fixtures/gz"
  [fuzz_charset]="tests/corpus/fixtures/html tests/corpus/fixtures/txt"
)
targets=("$@")
((${#targets[@]})) || targets=(fuzz_analyzer fuzz_query_parser fuzz_html_extractor fuzz_warc_reader
                                fuzz_json_reader fuzz_http_response fuzz_gzip fuzz_charset)
for target in "${targets[@]}"; do
  [[ -n "${seeds[$target]:-}" ]] || { echo "fuzz.sh: unknown target $target" >&2; exit 1; }
done

"$root/scripts/configure-sanitize.sh" "$build"
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >/dev/null

failed=()
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  findings="$build/fuzz-findings"
  mkdir -p "$corpus" "$findings"
  seed_dirs=()
  for dir in ${seeds[$target]}; do seed_dirs+=("$root/$dir"); done
  echo "fuzz.sh: $target for ${seconds} s"
  # -rss_limit_mb: a reader must stay far below it on inputs of -max_len bytes.
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$findings/$target-" "$corpus" "${seed_dirs[@]}" \
      >"$build/fuzz-$target.log" 2>&1; then
    tail -40 "$build/fuzz-$target.log" >&2
    failed+=("$target")
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$build/fuzz-$target.log" | tail -2 | sed "s/^/  /"
  fi
done
if ((${#failed[@]})); then
  echo "fuzz.sh: findings in ${failed[*]} (inputs in $build/fuzz-findings/)" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${seconds} s each, no findings"
