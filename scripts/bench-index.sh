#!/usr/bin/env bash
# Indexing speed and size: sinmun-index vs the plain-Xapian baseline on
# $SHARED/data/news_rss_leads-dev.jsonl (copied alone into a temp crawl dir).
#
# usage: scripts/bench-index.sh [--runs N] [--systems LIST]
#   --runs N         runs per system, interleaved A B A B ... (default 3)
#   --systems LIST   comma-separated subset of sinmun,baseline (default: both)
# Environment:
#   SINMUN_SHARED       shared dir (default: <repo root>/../shared)
#   SINMUN_BUILD_DIR    where the binaries were built (default: <repo root>/build)
#   SINMUN_INDEX_ARGS   extra args for sinmun-index (word-split)
# Each run indexes into a fresh database. Reports per system the median wall seconds,
# input MB/s at that median, database size (du, last run), the largest peak RSS
# (/usr/bin/time; "-" if missing), and sinmun/baseline ratios when both ran.
# Exits 0 when the data file is absent (nothing to measure).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench-index: $*" >&2; exit 2; }

runs=3 systems="sinmun,baseline"
while (($#)); do
  case "$1" in
    --runs) runs="${2:?--runs needs N}"; shift 2 ;;
    --systems) systems="${2:?--systems needs a LIST}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-index: unknown argument '$1'" >&2; usage >&2; exit 1 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench-index: --runs must be a positive integer" >&2; exit 1; }
IFS=, read -r -a system_list <<<"$systems"
for s in "${system_list[@]}"; do
  [[ "$s" == sinmun || "$s" == baseline ]] ||
    { echo "bench-index: unknown system '$s' (sinmun, baseline)" >&2; exit 1; }
done

# shellcheck source=scripts/lib/measure.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
data="$shared/data/news_rss_leads-dev.jsonl"
if [[ ! -f "$data" ]]; then
  echo "bench-index: $data not found, skipping"
  exit 0
fi

declare -A bin
for s in "${system_list[@]}"; do
  case "$s" in
    sinmun) bin[sinmun]="$(find_bin sinmun-index)" ;;
    baseline) bin[baseline]="$(find_bin sinmun-baseline)" ;;
  esac
done
read -r -a index_args <<<"${SINMUN_INDEX_ARGS:-}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/crawl"
cp "$data" "$work/crawl/"
chmod u+w "$work/crawl/"*
input="$work/crawl/$(basename "$data")"
input_mb="$(du -k "$input" | awk '{printf "%.2f", $1 / 1024}')"

# index_once SYSTEM RUN: one fresh index; appends "secs rss_kb" to $work/SYSTEM.times.
index_once() {
  local system="$1" db="$work/$1.db" log="$work/$1.$2.log"
  local cmd
  rm -rf "$db"
  if [[ "$system" == sinmun ]]; then
    cmd=("${bin[sinmun]}" --db "$db" "${index_args[@]}" "$work/crawl")
  else
    cmd=("${bin[baseline]}" index --db "$db" "$input")
  fi
  timed_run "$log" "${cmd[@]}"
  echo "$elapsed_ms $peak_rss_kb" >>"$work/$system.times"
  echo "bench-index: $system run $2: $elapsed_ms ms" >&2
}

for ((run = 1; run <= runs; run++)); do
  for s in "${system_list[@]}"; do index_once "$s" "$run"; done
done

declare -A median_s size_mb rss_mb
echo "# input: $(basename "$data"), $input_mb MB, $(wc -l <"$input") records; $runs runs each, interleaved"
[[ -z "${SINMUN_INDEX_ARGS:-}" ]] || echo "# SINMUN_INDEX_ARGS='$SINMUN_INDEX_ARGS'"
printf '%-10s %9s %8s %8s %8s\n' system median_s MB/s db_MB rss_MB
for s in "${system_list[@]}"; do
  median_s[$s]="$(cut -d' ' -f1 "$work/$s.times" | sort -n |
    awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f", m / 1000}')"
  size_mb[$s]="$(du -sk "$work/$s.db" | awk '{printf "%.1f", $1 / 1024}')"
  rss_mb[$s]="$(cut -d' ' -f2 "$work/$s.times" | sort -n | tail -1 | awk '$1 == "-" {print "-"; next} {printf "%.0f", $1 / 1024}')"
  printf '%-10s %9s %8s %8s %8s\n' "$s" "${median_s[$s]}" \
    "$(awk -v mb="$input_mb" -v s="${median_s[$s]}" 'BEGIN {printf "%.2f", (s > 0) ? mb / s : 0}')" \
    "${size_mb[$s]}" "${rss_mb[$s]}"
done
if [[ -n "${median_s[sinmun]:-}" && -n "${median_s[baseline]:-}" ]]; then
  awk -v a="${median_s[sinmun]}" -v b="${median_s[baseline]}" -v c="${size_mb[sinmun]}" \
    -v d="${size_mb[baseline]}" -v e="${rss_mb[sinmun]}" -v f="${rss_mb[baseline]}" 'BEGIN {
      printf "ratio sinmun/baseline: time %.2fx, size %.2fx", a / b, c / d
      if (e != "-" && f != "-") printf ", peak RSS %.2fx", e / f
      printf "\n"
    }'
fi
