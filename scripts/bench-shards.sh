#!/usr/bin/env bash
# Index time of one database against shards, and the cost of serving shards remotely, on
# one input: sinmun-baseline (plain Xapian n-grams), sinmun-index --jobs J into one database,
# and sinmun-index --jobs J --shards N for each N; rounds interleaved (A B C A B C …) so that
# the load of a shared machine spreads evenly. Then the queries of QUERIES (one a line) on
# the single database, on the local shards and on the same shards behind xapian-tcpsrv
# (scripts/serve-shards.sh), as queries per second of one sinmun-search --queries run.
#
# usage: scripts/bench-shards.sh INPUT [ROUNDS [SHARDS_LIST [QUERIES]]]
#   scripts/bench-shards.sh ../shared/data/news_rss_leads-dev.jsonl 3 "2 4"
# Prints one line per run and a summary (median wall seconds, median CPU seconds, peak RSS,
# size after compaction). Needs GNU time (/usr/bin/time).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_BUILD_DIR:-$root/build}"
input=${1:?usage: scripts/bench-shards.sh INPUT [ROUNDS [SHARDS_LIST [QUERIES]]]}
rounds=${2:-3}
shard_counts=${3:-2}
queries=${4:-}
jobs=${SINMUN_BENCH_JOBS:-$(nproc)}
work=$(mktemp -d)
serve_pid=""
cleanup() {
  [[ -n $serve_pid ]] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# run NAME COMMAND...: wall s, CPU s, peak RSS MB, size MB of $work/db.
run() {
  local name=$1
  shift
  rm -rf "$work/db"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 2; }
  read -r wall user sys rss <"$work/time"
  local size
  size=$(du -sm "$work/db" | cut -f1)
  echo "$name $wall $(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}') $((rss / 1024)) $size" | tee -a "$work/runs" >&2
}

echo "# name wall_s cpu_s peak_rss_mb size_mb (jobs $jobs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))" >&2
for ((r = 1; r <= rounds; r++)); do
  run baseline "$build/scripts/sinmun-baseline" index --db "$work/db" "$input"
  run single "$build/indexer/sinmun-index" -q --jobs "$jobs" --db "$work/db" "$input"
  for n in $shard_counts; do
    run "shards-$n" "$build/indexer/sinmun-index" -q --jobs "$jobs" --shards "$n" --db "$work/db" "$input"
  done
done
echo "# median of $rounds: name wall_s cpu_s peak_rss_mb size_mb wall/baseline"
python3 - "$work/runs" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, cpu, rss, size = line.split()
    runs.setdefault(name, []).append((float(wall), float(cpu), int(rss), int(size)))
base = statistics.median(r[0] for r in runs["baseline"])
for name, rs in sorted(runs.items()):
    wall = statistics.median(r[0] for r in rs)
    print(f"{name} {wall:.2f} {statistics.median(r[1] for r in rs):.2f} {max(r[2] for r in rs)} {rs[-1][3]} {wall / base:.2f}")
PY

[[ -n $queries ]] || exit 0
"$build/indexer/sinmun-index" -q --jobs "$jobs" --db "$work/single" "$input"
n=${shard_counts%% *}
"$build/indexer/sinmun-index" -q --jobs "$jobs" --shards "$n" --db "$work/sharded" "$input"
awk '{print NR "\t" $0}' "$queries" >"$work/q.tsv"
bash "$root/scripts/serve-shards.sh" "$work/sharded" 33500 "$work/remote.stub" >/dev/null 2>&1 &
serve_pid=$!
for _ in $(seq 100); do [[ -s $work/remote.stub ]] && break; sleep 0.1; done
echo "# $(wc -l <"$work/q.tsv") queries, top 10 (a --queries batch run): name queries/s client_cpu_ms/query"
for db in single:"$work/single" "local-$n":"$work/sharded" "remote-$n":"$work/remote.stub"; do
  /usr/bin/time -f '%e %U %S' -o "$work/time" \
    "$build/searcher/sinmun-search" --db "${db#*:}" --queries "$work/q.tsv" --limit 10 >/dev/null 2>"$work/err" ||
    { cat "$work/err" >&2; exit 2; }
  read -r wall user sys <"$work/time"
  awk -v name="${db%%:*}" -v q="$(wc -l <"$work/q.tsv")" -v w="$wall" -v u="$user" -v s="$sys" \
    'BEGIN{printf "%s %.1f %.2f\n", name, q / w, 1000 * (u + s) / q}'
done
