#!/usr/bin/env bash
# Known-item relevance of sinmun against the plain-Xapian baseline and Elasticsearch's default
# Korean analysis (Nori) on the dev sets ($SHARED/data/*-title2body-dev/: docs.jsonl,
# queries.tsv, qrels.tsv).
#
# usage: scripts/eval-relevance.sh [--set NAME] [--keep DIR | --reuse DIR] [--systems LIST]
#                                  [--install-nori]
#   --set NAME       only this set (directory name, or its prefix before -title2body-dev)
#   --keep DIR       keep work files (crawl copies, databases, runs, logs) in DIR
#   --reuse DIR      as --keep, but a database already in DIR (made with the same
#                    SINMUN_INDEX_ARGS) is searched again instead of rebuilt (idx_s, rss_MB: -)
#   --systems LIST   comma-separated subset of sinmun,baseline,nori (default: all three)
#   --install-nori   as root, apt-get install what the Nori yardstick needs when it is missing
#                    (nothing is ever installed without this flag)
# Environment:
#   SINMUN_SHARED       shared dir (default: <repo root>/../shared)
#   SINMUN_BUILD_DIR    where the binaries were built (default: <repo root>/build)
#   SINMUN_INDEX_ARGS   extra args for sinmun-index  (word-split; e.g. analyzer modes)
#   SINMUN_SEARCH_ARGS  extra args for sinmun-search (word-split)
#   SINMUN_NORI         the Nori peer (default: $SINMUN_SHARED/tools/lucene-nori/nori); its own
#                       NORI_* variables (NORI_JAVA_OPTS, NORI_DECOMPOUND) pass through
# Per set and system: index with sinmun-index / sinmun-baseline index / nori index, run the
# queries (ASCII " stripped: headline quotes are quotations, not phrases) with --limit 100
# through sinmun-search, sinmun-baseline search --op or / --op and, and nori search with
# BENCH_OP=or (these sets are pasted headlines, where AND over every word is unfair) after 3
# untimed warm-up passes, score each run with $SHARED/tools/eval.py, and print one table.
# Index time and peak RSS are taken around the whole index process (the JVM's start included
# for Nori), index size with du. Query latency is the p50/p99 of the LATENCY line each searcher
# prints; qerr counts the queries that could not run (the baseline's Xapian parse errors,
# Nori's query errors; they score 0). Nori needs $SHARED/tools/lucene-nori and Java with
# Debian's Lucene 8; without them it is skipped with a line saying why and the other systems
# are still measured. Exits 0 when the shared data is absent (nothing to measure).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "eval-relevance: $*" >&2; exit 2; }

only_set="" keep="" reuse=false systems="sinmun,baseline,nori" install_nori=false
while (($#)); do
  case "$1" in
    --set) only_set="${2:?--set needs a NAME}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a DIR}"; shift 2 ;;
    --reuse) keep="${2:?--reuse needs a DIR}"; reuse=true; shift 2 ;;
    --systems) systems="${2:?--systems needs a LIST}"; shift 2 ;;
    --install-nori) install_nori=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "eval-relevance: unknown argument '$1'" >&2; usage >&2; exit 1 ;;
  esac
done
want_sinmun=false want_baseline=false want_nori=false
IFS=, read -r -a system_list <<<"$systems"
for s in "${system_list[@]}"; do
  case "$s" in
    sinmun) want_sinmun=true ;;
    baseline) want_baseline=true ;;
    nori) want_nori=true ;;
    *) echo "eval-relevance: unknown system '$s' (sinmun, baseline, nori)" >&2; exit 1 ;;
  esac
done

# shellcheck source=scripts/lib/measure.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
# shellcheck source=scripts/lib/nori.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/nori.sh"
if [[ ! -d "$shared/data" ]]; then
  echo "eval-relevance: ../shared/data not found, skipping"
  exit 0
fi
command -v python3 >/dev/null || die "python3 is needed for $shared/tools/eval.py"

if $want_sinmun; then sinmun_index="$(find_bin sinmun-index)"; sinmun_search="$(find_bin sinmun-search)"; fi
if $want_baseline; then baseline="$(find_bin sinmun-baseline)"; fi
if $want_nori; then
  if $install_nori && [[ -x "$nori" ]]; then nori_install; fi
  if ! nori_probe; then
    [[ ! -x "$nori" ]] || $install_nori || nori_why+=" (as root: --install-nori)"
    echo "eval-relevance: nori skipped: $nori_why"
    want_nori=false
  fi
fi
read -r -a index_args <<<"${SINMUN_INDEX_ARGS:-}"
read -r -a search_args <<<"${SINMUN_SEARCH_ARGS:-}"

sets=()
for dir in "$shared"/data/*-title2body-dev; do
  name="$(basename "$dir")"
  if [[ -z "$only_set" || "$only_set" == "$name" || "$only_set-title2body-dev" == "$name" ]]; then
    sets+=("$name")
  fi
done
((${#sets[@]})) || { echo "eval-relevance: no set matches '$only_set'" >&2; exit 1; }

if [[ -n "$keep" ]]; then
  mkdir -p "$keep"
  work="$(cd "$keep" && pwd)"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

# timed LOG CMD...: runs CMD with stdout+stderr to LOG; sets secs and rss_mb ("-" when
# /usr/bin/time is missing). A failing command stops the script with LOG's tail.
timed() {
  timed_run "$@"
  rss_mb="$peak_rss_kb"
  [[ "$rss_mb" == - ]] || rss_mb="$(awk -v k="$peak_rss_kb" 'BEGIN {printf "%.0f", k / 1024}')"
  secs="$(awk -v ms="$elapsed_ms" 'BEGIN {printf "%.1f", ms / 1000}')"
}

db_mb() { du -sk "$1" | awk '{printf "%.1f", $1 / 1024}'; }

# row SET SYSTEM QRELS RUN ERRLOG IDX_SECS IDX_MB RSS_MB: one table row.
row() {
  local metrics latency qerr
  metrics="$(python3 "$shared/tools/eval.py" "$3" "$4" | awk -F'\t' 'NR == 2 {print $2, $3, $4, $5}')"
  latency="$(sed -n 's/.*LATENCY .*p50_ms=\([0-9.]*\).*p99_ms=\([0-9.]*\).*/\1 \2/p' "$5" | tail -1)"
  [[ -n "$latency" ]] || latency="? ?"
  qerr="$(sed -n -e 's/^PARSE_ERRORS n=\([0-9]*\).*/\1/p' -e 's/.*LATENCY .*errors=\([0-9]*\).*/\1/p' "$5" |
    tail -1)"
  # shellcheck disable=SC2086  # metrics and latency are space-separated fields
  printf '%-30s %-12s %7s %7s %7s %7s %7s %7s %7s %7s %7s %5s\n' "$1" "$2" $metrics "$6" "$7" "$8" \
    $latency "${qerr:--}"
}

rows=()
for name in "${sets[@]}"; do
  src="$shared/data/$name"
  dir="$work/$name"
  # reusable SYSTEM: --reuse and DIR holds SYSTEM's database, built with these index args.
  reusable() {
    $reuse && [[ -d "$dir/$1.db" && -f "$dir/$1.index-args" && -f "$dir/crawl/docs.jsonl" &&
      "$(cat "$dir/$1.index-args")" == "${SINMUN_INDEX_ARGS:-}" ]]
  }
  if ! { reusable sinmun || reusable baseline || reusable nori; }; then
    rm -rf "$dir"
    mkdir -p "$dir/crawl"
    # A copy rather than a symlink: a crawl walker may rightly refuse to follow links.
    cp "$src/docs.jsonl" "$dir/crawl/docs.jsonl"
    chmod u+w "$dir/crawl/docs.jsonl"
  fi
  tr -d '"' <"$src/queries.tsv" >"$dir/queries.tsv"
  qrels="$src/qrels.tsv"
  echo "eval-relevance: $name ($(wc -l <"$dir/queries.tsv") queries)" >&2

  if $want_sinmun; then
    if reusable sinmun; then
      secs="-" rss_mb="-"
    else
      rm -rf "$dir/sinmun.db"
      timed "$dir/sinmun-index.log" "$sinmun_index" --db "$dir/sinmun.db" "${index_args[@]}" "$dir/crawl"
      printf '%s\n' "${SINMUN_INDEX_ARGS:-}" >"$dir/sinmun.index-args"
    fi
    idx_secs="$secs" idx_rss="$rss_mb" idx_mb="$(db_mb "$dir/sinmun.db")"
    # --no-collapse: a known item folded under its wire-copy sibling would count as a miss,
    # and the baseline does not fold either.
    "$sinmun_search" --db "$dir/sinmun.db" --queries "$dir/queries.tsv" --limit 100 --no-collapse "${search_args[@]}" \
      >"$dir/sinmun.run" 2>"$dir/sinmun.err" || { tail -5 "$dir/sinmun.err" >&2; die "sinmun-search failed on $name"; }
    rows+=("$(row "$name" sinmun "$qrels" "$dir/sinmun.run" "$dir/sinmun.err" "$idx_secs" "$idx_mb" "$idx_rss")")
  fi

  if $want_baseline; then
    if reusable baseline; then
      secs="-" rss_mb="-"
    else
      rm -rf "$dir/baseline.db"
      timed "$dir/baseline-index.log" "$baseline" index --db "$dir/baseline.db" "$dir/crawl/docs.jsonl"
      printf '%s\n' "${SINMUN_INDEX_ARGS:-}" >"$dir/baseline.index-args"
    fi
    idx_secs="$secs" idx_rss="$rss_mb" idx_mb="$(db_mb "$dir/baseline.db")"
    for op in or and; do
      "$baseline" search --db "$dir/baseline.db" --queries "$dir/queries.tsv" --limit 100 --op "$op" \
        >"$dir/baseline-$op.run" 2>"$dir/baseline-$op.err" ||
        { tail -5 "$dir/baseline-$op.err" >&2; die "sinmun-baseline search failed on $name"; }
      rows+=("$(row "$name" "baseline-$op" "$qrels" "$dir/baseline-$op.run" "$dir/baseline-$op.err" \
        "$idx_secs" "$idx_mb" "$idx_rss")")
    done
  fi

  if $want_nori; then
    if reusable nori; then
      secs="-" rss_mb="-"
    else
      rm -rf "$dir/nori.db"
      timed "$dir/nori-index.log" "$nori" index "$dir/crawl/docs.jsonl" "$dir/nori.db"
      printf '%s\n' "${SINMUN_INDEX_ARGS:-}" >"$dir/nori.index-args"
    fi
    idx_secs="$secs" idx_rss="$rss_mb" idx_mb="$(db_mb "$dir/nori.db")"
    BENCH_OP=or BENCH_WARMUP=3 "$nori" search "$dir/nori.db" "$dir/queries.tsv" 100 \
      >"$dir/nori-or.run" 2>"$dir/nori-or.err" || { tail -5 "$dir/nori-or.err" >&2; die "nori search failed on $name"; }
    rows+=("$(row "$name" nori-or "$qrels" "$dir/nori-or.run" "$dir/nori-or.err" "$idx_secs" "$idx_mb" "$idx_rss")")
  fi
done

[[ -z "${SINMUN_INDEX_ARGS:-}${SINMUN_SEARCH_ARGS:-}" ]] ||
  echo "# SINMUN_INDEX_ARGS='${SINMUN_INDEX_ARGS:-}' SINMUN_SEARCH_ARGS='${SINMUN_SEARCH_ARGS:-}'"
printf '%-30s %-12s %7s %7s %7s %7s %7s %7s %7s %7s %7s %5s\n' set system MRR@10 nDCG@10 R@10 R@100 \
  idx_s idx_MB rss_MB p50_ms p99_ms qerr
if ((${#rows[@]})); then printf '%s\n' "${rows[@]}"; fi
[[ -z "$keep" ]] || echo "# work files kept in $work"
