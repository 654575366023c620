#!/usr/bin/env bash
# Archive scale (issue 11): index size, indexing speed and query latency against corpus size,
# on synthetic archives made by scripts/make-scale-corpus.py (real Korean prose reassembled;
# its rankings mean nothing, its size and vocabulary are an archive's; say so when quoting).
#
# Per size: write the corpus (or reuse it), index it with sinmun-index (wall time, docs/s, MB/s
# of input, peak RSS, database size after its automatic compaction), and at the baseline sizes
# also with plain Xapian n-grams (sinmun-baseline: Xapian's FLAG_CJK_NGRAM, one thread) for
# the ratio. Then run each query set in batch mode (sinmun-search --queries, --runs passes,
# the last reported) and print p50/p95/p99:
#   words     two content words of one headline          dated    the same, --from/--to a year
#   phrase    "w1 w2", adjacent words of a headline       words+fs the same, --facets --snippets
#   headline  a whole pasted headline (loosened OR)       head+fs  the same, --facets --snippets
# The query sets come from the corpus's own headlines (scripts/make-queries.py, fixed seed).
# Results go to WORK/results.tsv (one row per size and measure) and, with gnuplot, to a plot of
# latency and size against corpus size.
#
# usage: scripts/bench-scale.sh [--sizes LIST] [--baseline-at LIST] [--work DIR] [--runs N]
#                               [--queries N] [--plot FILE.png] [--keep-corpus]
#   --sizes LIST        comma-separated article counts (default 100000,300000,1000000)
#   --baseline-at LIST  sizes at which plain Xapian is indexed too (default: the first size;
#                       "none" for none)
#   --work DIR          corpora, databases and logs (default: a fresh temp dir, removed at the
#                       end); a database already in DIR built by the same binaries with the same
#                       SINMUN_INDEX_ARGS is reused (its index figures are the ones measured then)
#   --runs N            passes per query set (default 2; the last, warm, is reported)
#   --queries N         queries per set (default 300)
#   --plot FILE.png     also draw FILE.png (needs gnuplot: apt-get install gnuplot-nox)
#   --keep-corpus       keep each corpus file after indexing it (default: deleted when --work
#                       is a temp dir)
# Environment: SINMUN_SHARED, SINMUN_BUILD_DIR, SINMUN_INDEX_ARGS (e.g. "--jobs 2"),
# SINMUN_SEARCH_ARGS, as the other bench scripts. Exits 0 when the shared data is absent, 2
# before a size whose build the disk cannot hold (about 20 kB an article at its peak: 1M
# articles need 19 GB free).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench-scale: $*" >&2; exit 2; }

sizes="100000,300000,1000000" baseline_at="" work="" runs=2 queries=300 plot="" keep_corpus=false
while (($#)); do
  case "$1" in
    --sizes) sizes="${2:?--sizes needs a LIST}"; shift 2 ;;
    --baseline-at) baseline_at="${2:?--baseline-at needs a LIST}"; shift 2 ;;
    --work) work="${2:?--work needs a DIR}"; shift 2 ;;
    --runs) runs="${2:?--runs needs N}"; shift 2 ;;
    --queries) queries="${2:?--queries needs N}"; shift 2 ;;
    --plot) plot="${2:?--plot needs a FILE}"; shift 2 ;;
    --keep-corpus) keep_corpus=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-scale: unknown argument '$1'" >&2; usage >&2; exit 1 ;;
  esac
done
IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench-scale: bad size '$n'" >&2; exit 1; }; done
for v in runs queries; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "bench-scale: --$v must be a positive integer" >&2; exit 1; }
done
[[ -n "$baseline_at" ]] || baseline_at="${size_list[0]}"
[[ "$baseline_at" == none ]] && baseline_at=""

# shellcheck source=scripts/lib/measure.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
if [[ ! -d "$shared/data" ]]; then
  echo "bench-scale: ../shared/data not found, skipping"
  exit 0
fi
command -v python3 >/dev/null || die "python3 is needed for the corpus and query generators"
if [[ -n "$plot" ]] && ! command -v gnuplot >/dev/null; then die "--plot needs gnuplot (apt-get install gnuplot-nox)"; fi
sinmun_index="$(find_bin sinmun-index)"
sinmun_search="$(find_bin sinmun-search)"
[[ -z "$baseline_at" ]] || baseline="$(find_bin sinmun-baseline)"
read -r -a index_args <<<"${SINMUN_INDEX_ARGS:-}"
read -r -a search_args <<<"${SINMUN_SEARCH_ARGS:-}"

if [[ -n "$work" ]]; then
  mkdir -p "$work"
  work="$(cd "$work" && pwd)"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  $keep_corpus || drop_corpus=true
fi
results="$work/results.tsv"
printf 'size\tmeasure\tvalue\n' >"$results"
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results"; }
mb_of() { du -sk "$1" | awk '{printf "%.1f", $1 / 1024}'; }
# What a database was built with; a kept one is reused only when this is unchanged.
build_info() { printf '%s %s\n' "$(md5sum <"$1" | cut -c1-12)" "${SINMUN_INDEX_ARGS:-}"; }

# kept DB COMMAND: DB was built by this COMMAND with these arguments, and is reused.
kept() { [[ -d "$1" && -f "$1.info" && "$(sed -n 1p "$1.info")" == "$(build_info "$2")" ]]; }

# A size needs about this much free disk an article at its peak: its corpus, its databases
# and, while the parts of a build merge, the parts (1M synthetic articles: 1.4 GB of JSON,
# 12 GB of parts, 6 GB merged).
kb_per_article=20
# check_space N DB: refuses to build N articles into DB (replacing what DB holds) on a disk
# that cannot hold them; a disk that fills mid-merge costs the run and breaks every tool on
# the machine.
check_space() {
  local free_kb replaced_kb=0
  free_kb="$(df -Pk "$work" | awk 'NR == 2 {print $4}')"
  [[ ! -d "$2" ]] || replaced_kb="$(du -sk "$2" | cut -f1)"
  if ((free_kb + replaced_kb < $1 * kb_per_article)); then
    die "$1 articles need about $(($1 * kb_per_article / 1024 / 1024 + 1)) GB free in $work, which has" \
      "$(((free_kb + replaced_kb) / 1024 / 1024)) GB: free some, or choose another --work"
  fi
}

# index_one NAME DB LOG COMMAND...: builds DB unless an identical build is kept; sets idx_secs,
# idx_cpu_s and idx_rss_mb (from the build that made DB).
index_one() {
  local name="$1" db="$2" log="$3"
  shift 3
  if kept "$db" "$1"; then
    read -r idx_secs idx_rss_mb idx_cpu_s <<<"$(sed -n 2p "$db.info")"
    idx_cpu_s="${idx_cpu_s:--}"
    echo "bench-scale: $name: reusing $db" >&2
    return
  fi
  rm -rf "$db" "$db.info"
  echo "bench-scale: $name: indexing" >&2
  timed_run "$log" "$@"
  idx_secs="$(awk -v ms="$elapsed_ms" 'BEGIN {printf "%.1f", ms / 1000}')"
  idx_rss_mb="$([[ "$peak_rss_kb" == - ]] && echo - || awk -v k="$peak_rss_kb" 'BEGIN {printf "%.0f", k / 1024}')"
  idx_cpu_s="$([[ "$cpu_ms" == - ]] && echo - || awk -v ms="$cpu_ms" 'BEGIN {printf "%.1f", ms / 1000}')"
  printf '%s\n%s %s %s\n' "$(build_info "$1")" "$idx_secs" "$idx_rss_mb" "$idx_cpu_s" >"$db.info"
}

index_rows=() query_rows=()
for n in "${size_list[@]}"; do
  corpus_dir="$work/corpus-$n"
  corpus="$corpus_dir/articles.jsonl"
  db="$work/sinmun-$n.db"
  mkdir -p "$corpus_dir"
  kept "$db" "$sinmun_index" || check_space "$n" "$db"
  if [[ ! -s "$corpus" ]]; then
    echo "bench-scale: writing $n articles" >&2
    python3 "$repo/scripts/make-scale-corpus.py" --shared "$shared" "$n" "$corpus.tmp"
    mv "$corpus.tmp" "$corpus"
  fi
  input_mb="$(mb_of "$corpus")"
  index_one "sinmun $n" "$db" "$work/sinmun-$n.index.log" \
    "$sinmun_index" --db "$db" --quiet "${index_args[@]}" "$corpus_dir"
  db_mb="$(mb_of "$db")" s_secs="$idx_secs" s_cpu="$idx_cpu_s"
  docs_s="$(awk -v n="$n" -v s="$s_secs" 'BEGIN {printf "%.0f", n / s}')"
  mb_s="$(awk -v m="$input_mb" -v s="$s_secs" 'BEGIN {printf "%.2f", m / s}')"
  for m in input_mb:"$input_mb" index_s:"$s_secs" index_cpu_s:"$s_cpu" docs_per_s:"$docs_s" input_mb_per_s:"$mb_s" \
    index_rss_mb:"$idx_rss_mb" index_mb:"$db_mb"; do
    record "$n" "${m%%:*}" "${m#*:}"
  done
  row="$(printf '%-8s %-8s %-8s %-8s %-7s %-7s %-7s %-8s' "$n" "$input_mb" "$s_secs" "$s_cpu" "$docs_s" "$mb_s" \
    "$idx_rss_mb" "$db_mb")"
  if [[ ",$baseline_at," == *",$n,"* ]]; then
    bdb="$work/baseline-$n.db"
    index_one "baseline $n" "$bdb" "$work/baseline-$n.index.log" "$baseline" index --db "$bdb" "$corpus"
    b_mb="$(mb_of "$bdb")"
    record "$n" baseline_index_s "$idx_secs"
    record "$n" baseline_index_cpu_s "$idx_cpu_s"
    record "$n" baseline_index_mb "$b_mb"
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b}'; }
    row+="$(printf ' %-8s %-8s %-7s %-6s %-6s %-6s' "$idx_secs" "$idx_cpu_s" "$b_mb" "$(ratio "$s_secs" "$idx_secs")" \
      "$(ratio "$s_cpu" "$idx_cpu_s")" "$(ratio "$db_mb" "$b_mb")")"
  fi
  index_rows+=("$row")

  qdir="$work/queries-$n"
  mkdir -p "$qdir"
  if [[ ! -s "$qdir/headlines.tsv" ]]; then
    # The first 100k articles hold the same headline pool as the rest (a fixed sample).
    if [[ -s "$corpus" ]]; then head -n 100000 "$corpus" >"$qdir/titles.jsonl"
    else die "the corpus of $n was deleted before its queries were made"; fi
    python3 "$repo/scripts/make-queries.py" --out "$qdir" --words "$queries" --phrases "$queries" \
      --headlines "$queries" "$qdir/titles.jsonl"
    rm -f "$qdir/titles.jsonl"
  fi
  if [[ "${drop_corpus:-false}" == true ]]; then rm -f "$corpus"; fi
  # name|query file|options
  sets=(
    "words|words.tsv|"
    "phrase|phrases.tsv|"
    "dated|words.tsv|--from 2025-01-01 --to 2025-12-31"
    "words+fs|words.tsv|--facets --snippets"
    "headline|headlines.tsv|"
    "head+fs|headlines.tsv|--facets --snippets"
  )
  for entry in "${sets[@]}"; do
    IFS='|' read -r name file optstr <<<"$entry"
    read -r -a opts <<<"$optstr"
    for ((run = 1; run <= runs; run++)); do
      "$sinmun_search" --db "$db" --queries "$qdir/$file" --limit 10 "${opts[@]}" "${search_args[@]}" \
        >"$qdir/$name.run" 2>"$qdir/$name.err" || { tail -5 "$qdir/$name.err" >&2; die "sinmun-search failed on $name"; }
    done
    lat="$(grep -o 'LATENCY .*' "$qdir/$name.err" | tail -1)"
    [[ -n "$lat" ]] || die "no LATENCY line from sinmun-search on $name (see $qdir/$name.err)"
    p50="$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$lat")"
    p95="$(sed -n 's/.*p95_ms=\([0-9.]*\).*/\1/p' <<<"$lat")"
    p99="$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$lat")"
    record "$n" "${name}_p50_ms" "$p50"
    record "$n" "${name}_p99_ms" "$p99"
    query_rows+=("$(printf '%-8s %-9s %8s %8s %8s' "$n" "$name" "$p50" "$p95" "$p99")")
    echo "bench-scale: $n $name: $lat" >&2
  done
  # Searching memory: one process running the headline set with facets and snippets.
  timed_run "$qdir/rss.log" "$sinmun_search" --db "$db" --queries "$qdir/headlines.tsv" --limit 10 \
    --facets --snippets "${search_args[@]}"
  [[ "$peak_rss_kb" == - ]] || record "$n" search_rss_mb "$(awk -v k="$peak_rss_kb" 'BEGIN {printf "%.0f", k / 1024}')"
done

echo "# synthetic archives of scripts/make-scale-corpus.py (real prose reassembled, not news);"
echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; SINMUN_INDEX_ARGS='${SINMUN_INDEX_ARGS:-}'"
echo "# ratios against plain Xapian n-grams; cpu_s is user + system time (independent of the load)"
printf '%-8s %-8s %-8s %-8s %-7s %-7s %-7s %-8s %-8s %-8s %-7s %-6s %-6s %-6s\n' articles input_MB index_s cpu_s \
  docs/s MB/s rss_MB index_MB base_s base_cpu base_MB time_x cpu_x size_x
printf '%s\n' "${index_rows[@]}"
echo
printf '%-8s %-9s %8s %8s %8s\n' articles queries p50_ms p95_ms p99_ms
printf '%s\n' "${query_rows[@]}"
echo "# search peak RSS (MB), headline set with facets and snippets:"
awk -F'\t' '$2 == "search_rss_mb" {print "#   " $1 ": " $3}' "$results"
echo "# results: $results"

if [[ -n "$plot" ]]; then
  awk -F'\t' 'NR > 1 {v[$1, $2] = $3; s[$1] = 1} END {
      for (n in s) print n, v[n, "index_mb"], v[n, "words_p99_ms"], v[n, "headline_p99_ms"], v[n, "head+fs_p99_ms"]
    }' "$results" | sort -n >"$work/plot.dat"
  gnuplot <<EOF
set terminal pngcairo size 900,420 font ",10"
set output "$plot"
set multiplot layout 1,2 title "Sinmun on synthetic archives (scripts/bench-scale.sh, $(nproc) cores)"
set xlabel "articles"; set format x "%.0s%c"; set grid
set ylabel "index size (MB)"
plot "$work/plot.dat" using 1:2 with linespoints title "index size"
set ylabel "p99 latency (ms)"
plot "$work/plot.dat" using 1:3 with linespoints title "2 words", \
     "" using 1:4 with linespoints title "pasted headline", \
     "" using 1:5 with linespoints title "headline + facets + snippets"
unset multiplot
EOF
  echo "# plot: $plot"
fi
