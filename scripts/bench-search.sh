#!/usr/bin/env bash
# Search latency (issue 5): one database from all of $SHARED/data (news-dev.jsonl,
# news_rss_leads-dev.jsonl and bulk/kowiki-2020-sample.jsonl, copied into a temp crawl dir),
# then query sets generated from the news titles by scripts/make-queries.py (fixed seed):
#   words      500 two-word queries (two content words of one title)
#   phrase     300 phrase queries "w1 w2" (two content words next to each other in a title)
#   dated      the two-word set with --from 2025-09-01 --to 2026-03-31
#   date+fs    the two-word set with --sort date --facets --snippets
#   rel+fs     the two-word set with --facets --snippets (relevance order)
# Each set runs --runs times in batch mode (sinmun-search --queries); the last (warm) run's
# LATENCY line is reported: n, p50/p95/p99/mean ms, and PASS/MISS against p99 < 10 ms.
# For a set that misses, its --slowest K queries are found by running every query alone,
# three times in one batch process, and taking the median (warm) time.
#
# usage: scripts/bench-search.sh [--no-bulk] [--keep DIR] [--runs N] [--limit N] [--slowest K]
#   --no-bulk      leave out bulk/kowiki-2020-sample.jsonl (110 MB, 50k pages)
#   --keep DIR     work in DIR and keep it; a later run with the same DIR (and the same
#                  --no-bulk and SINMUN_INDEX_ARGS) reuses its database and reports the
#                  index time measured when it was built
#   --runs N       runs per query set, the last one reported (default 2)
#   --limit N      results per query (default 10)
#   --slowest K    slowest queries to list for each set that misses (default 5; 0: none)
# Environment:
#   SINMUN_SHARED       shared dir (default: <repo root>/../shared)
#   SINMUN_BUILD_DIR    where the binaries were built (default: <repo root>/build)
#   SINMUN_INDEX_ARGS   extra args for sinmun-index  (word-split)
#   SINMUN_SEARCH_ARGS  extra args for sinmun-search (word-split)
# Exits 0 when the shared data is absent (nothing to measure).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench-search: $*" >&2; exit 2; }

bulk=true keep="" runs=2 limit=10 slowest=5
while (($#)); do
  case "$1" in
    --no-bulk) bulk=false; shift ;;
    --keep) keep="${2:?--keep needs a DIR}"; shift 2 ;;
    --runs) runs="${2:?--runs needs N}"; shift 2 ;;
    --limit) limit="${2:?--limit needs N}"; shift 2 ;;
    --slowest) slowest="${2:?--slowest needs K}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-search: unknown argument '$1'" >&2; usage >&2; exit 1 ;;
  esac
done
for v in runs limit; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "bench-search: --$v must be a positive integer" >&2; exit 1; }
done
[[ "$slowest" =~ ^[0-9]+$ ]] || { echo "bench-search: --slowest must be a number" >&2; exit 1; }

# shellcheck source=scripts/lib/measure.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
if [[ ! -d "$shared/data" ]]; then
  echo "bench-search: ../shared/data not found, skipping"
  exit 0
fi
command -v python3 >/dev/null || die "python3 is needed for scripts/make-queries.py"

inputs=("$shared/data/news-dev.jsonl" "$shared/data/news_rss_leads-dev.jsonl")
$bulk && inputs+=("$shared/data/bulk/kowiki-2020-sample.jsonl")
for f in "${inputs[@]}"; do [[ -f "$f" ]] || die "$f not found (use --no-bulk to leave out the bulk file)"; done

sinmun_index="$(find_bin sinmun-index)"
sinmun_search="$(find_bin sinmun-search)"
read -r -a index_args <<<"${SINMUN_INDEX_ARGS:-}"
read -r -a search_args <<<"${SINMUN_SEARCH_ARGS:-}"

if [[ -n "$keep" ]]; then
  mkdir -p "$keep"
  work="$(cd "$keep" && pwd)"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
db="$work/sinmun.db"
# What the database was built from; a kept database is reused only for the same inputs.
want_info="bulk=$bulk index_args=${SINMUN_INDEX_ARGS:-}"

# --- index (or reuse) ----------------------------------------------------------------------
if [[ -f "$work/index.info" && -d "$db" && "$(sed -n 1p "$work/index.info")" == "$want_info" ]]; then
  read -r idx_secs idx_rss <<<"$(sed -n 2p "$work/index.info")"
  idx_note="reused from $work"
else
  rm -rf "$db" "$work/crawl" "$work/index.info"
  mkdir -p "$work/crawl"
  # A copy rather than a symlink: a crawl walker may rightly refuse to follow links.
  cp "${inputs[@]}" "$work/crawl/"
  chmod u+w "$work/crawl/"*
  echo "bench-search: indexing $(du -shL "$work/crawl" | cut -f1) into $db" >&2
  idx_rss="-"
  t0="$(date +%s%N)"
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f %M -o "$work/index.rss" "$sinmun_index" --db "$db" --quiet "${index_args[@]}" "$work/crawl" \
      >"$work/index.log" 2>&1 || { tail -5 "$work/index.log" >&2; die "sinmun-index failed"; }
    idx_rss="$(awk '{printf "%.0f", $1 / 1024}' "$work/index.rss")"
  else
    "$sinmun_index" --db "$db" --quiet "${index_args[@]}" "$work/crawl" >"$work/index.log" 2>&1 ||
      { tail -5 "$work/index.log" >&2; die "sinmun-index failed"; }
  fi
  t1="$(date +%s%N)"
  idx_secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b - a) / 1e9}')"
  printf '%s\n%s %s\n' "$want_info" "$idx_secs" "$idx_rss" >"$work/index.info"
  idx_note="fresh"
fi
db_mb="$(du -sk "$db" | awk '{printf "%.1f", $1 / 1024}')"
doccount="$(xapian-delve -1 "$db" 2>/dev/null | sed -n 's/^number of documents = //p' || true)"
[[ -n "$doccount" ]] || doccount="?"

# --- queries -------------------------------------------------------------------------------
python3 "$repo/scripts/make-queries.py" --out "$work" "${inputs[0]}" "${inputs[1]}"

# name|query file|options
sets=(
  "words|words.tsv|"
  "phrase|phrases.tsv|"
  "dated|words.tsv|--from 2025-09-01 --to 2026-03-31"
  "date+fs|words.tsv|--sort date --facets --snippets"
  "rel+fs|words.tsv|--facets --snippets"
)

# slowest_queries FILE OPTIONS...: "ms<TAB>qid<TAB>query" of the $slowest slowest queries of
# FILE. Each query runs alone in its own batch process, three times over: the median of the
# three is its time with warm caches. (One --json query per process is no good for this: its
# took_ms is the first query of a process, which pays for cold starts the batch run does not.)
slowest_queries() {
  local file="$1" qid query lat
  shift
  while IFS=$'\t' read -r qid query; do
    printf '%s.%d\t%s\n' "$qid" 1 "$query" "$qid" 2 "$query" "$qid" 3 "$query" >"$work/one.tsv"
    lat="$("$sinmun_search" --db "$db" --queries "$work/one.tsv" --limit "$limit" "$@" "${search_args[@]}" \
      2>&1 >/dev/null | sed -n 's/.*LATENCY .*p50_ms=\([0-9.]*\).*/\1/p')"
    printf '%s\t%s\t%s\n' "${lat:-?}" "$qid" "$query"
  done <"$work/$file" | sort -t$'\t' -k1,1 -g -r | awk -v k="$slowest" 'NR <= k'  # not head: SIGPIPE
}

rows=() slow_reports=()
for entry in "${sets[@]}"; do
  IFS='|' read -r name file optstr <<<"$entry"
  read -r -a opts <<<"$optstr"
  for ((run = 1; run <= runs; run++)); do
    "$sinmun_search" --db "$db" --queries "$work/$file" --limit "$limit" "${opts[@]}" "${search_args[@]}" \
      >"$work/$name.run" 2>"$work/$name.err" || { tail -5 "$work/$name.err" >&2; die "sinmun-search failed on $name"; }
  done
  lat="$(grep -o 'LATENCY .*' "$work/$name.err" | tail -1)"
  [[ -n "$lat" ]] || die "no LATENCY line from sinmun-search on $name (see $work/$name.err)"
  n="$(sed -n 's/.*n=\([0-9]*\).*/\1/p' <<<"$lat")"
  p50="$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$lat")"
  p95="$(sed -n 's/.*p95_ms=\([0-9.]*\).*/\1/p' <<<"$lat")"
  p99="$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$lat")"
  mean="$(sed -n 's/.*mean_ms=\([0-9.]*\).*/\1/p' <<<"$lat")"
  hits="$(awk '{q[$1] = 1} END {print length(q)}' "$work/$name.run")"
  verdict="$(awk -v p="$p99" 'BEGIN {print (p < 10) ? "PASS" : "MISS"}')"
  rows+=("$(printf '%-8s %-45s %5s %6s %8s %8s %8s %8s  %s' "$name" "${optstr:--}" "$n" "$hits" "$p50" "$p95" \
    "$p99" "$mean" "$verdict")")
  if [[ "$verdict" == MISS && "$slowest" -gt 0 ]]; then
    echo "bench-search: $name misses, timing its queries one by one" >&2
    slow_reports+=("# slowest $slowest of $name (ms, median of 3 runs of the query alone in one process):"
      "$(slowest_queries "$file" "${opts[@]}")")
  fi
  echo "bench-search: $name done ($lat)" >&2
done

echo "# database: $doccount documents, $db_mb MB; index ${idx_secs} s wall, peak RSS ${idx_rss} MB ($idx_note)"
echo "# inputs: $(for f in "${inputs[@]}"; do basename "$f"; done | paste -sd' ')"
echo "# --limit $limit, $runs runs per set, last run reported; target p99 < 10 ms"
[[ -z "${SINMUN_INDEX_ARGS:-}${SINMUN_SEARCH_ARGS:-}" ]] ||
  echo "# SINMUN_INDEX_ARGS='${SINMUN_INDEX_ARGS:-}' SINMUN_SEARCH_ARGS='${SINMUN_SEARCH_ARGS:-}'"
printf '%-8s %-45s %5s %6s %8s %8s %8s %8s  %s\n' set options n w/hits p50_ms p95_ms p99_ms mean_ms p99\<10ms
printf '%s\n' "${rows[@]}"
((${#slow_reports[@]} == 0)) || printf '%s\n' "${slow_reports[@]}"
[[ -z "$keep" ]] || echo "# work files kept in $work"
