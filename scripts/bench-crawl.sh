#!/usr/bin/env bash
# Indexing a real-shaped crawl directory: builds one HTML page per record of
# $SHARED/data/news_rss_leads-dev.jsonl (scripts/make-crawl.py, YYYY/MM/DD/ID.html, three
# Korean news-site shapes) in a temp dir, then measures sinmun-index on it.
#
# usage: scripts/bench-crawl.sh [--runs N] [--limit N] [--keep DIR]
#   --runs N     fresh-database runs per --jobs value, interleaved j1 j2 j1 j2 ... (default 2)
#   --limit N    only the first N records (a quick try; the table says so)
#   --keep DIR   work in DIR (created; must be empty) and keep it: crawl/, databases, logs
# Environment:
#   SINMUN_SHARED      shared dir (default: <repo root>/../shared)
#   SINMUN_BUILD_DIR   where the binaries were built (default: <repo root>/build)
# Measures, for sinmun-index --jobs 1 and --jobs 2:
#   full       a fresh database: wall seconds (median), files/s and MB/s (bytes of the crawl
#              dir), peak RSS (/usr/bin/time -f %M; "-" if missing)
#   no-change  a second run on the same database right after (median), and its ratio to
#              the full run (target: under 5%)
#   touch 1%   after `touch -m` on 1% of the files (mtime only), on the last run's database
#   change 1%  after appending a sentence to the article text of another 1% of the files
# and checks from the summary lines of sinmun-index ("N files: R read, U unchanged, ...",
# "... holds N documents") that every file is read once, the no-change run reads nothing,
# the changed files (and only they) are read again, and documents == records.
# Exits 0 when the data file is absent (nothing to measure); 2 when a check fails.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench-crawl: $*" >&2; exit 2; }

runs=2 limit="" keep=""
while (($#)); do
  case "$1" in
    --runs) runs="${2:?--runs needs N}"; shift 2 ;;
    --limit) limit="${2:?--limit needs N}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a DIR}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-crawl: unknown argument '$1'" >&2; usage >&2; exit 1 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench-crawl: --runs must be a positive integer" >&2; exit 1; }
[[ -z "$limit" || "$limit" =~ ^[1-9][0-9]*$ ]] ||
  { echo "bench-crawl: --limit must be a positive integer" >&2; exit 1; }

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib/measure.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
data="$shared/data/news_rss_leads-dev.jsonl"
if [[ ! -f "$data" ]]; then
  echo "bench-crawl: ../shared/data not found, skipping"
  exit 0
fi

index_bin="$(find_bin sinmun-index)"
search_bin="$(find_bin sinmun-search)"

if [[ -n "$keep" ]]; then
  mkdir -p "$keep"
  [[ -z "$(ls -A "$keep")" ]] || die "--keep $keep is not empty"
  work="$(cd "$keep" && pwd)"
  case "$work/" in "$repo"/*) die "--keep $keep is inside the repository (the data must stay out of it)" ;; esac
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/bench-crawl.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi

crawl="$work/crawl"
limit_args=()
[[ -z "$limit" ]] || limit_args=(--limit "$limit")
python3 "$here/make-crawl.py" "${limit_args[@]}" --out "$crawl" "$data" ||
  die "make-crawl.py failed"
if [[ -n "$limit" ]]; then
  records="$(head -n "$limit" "$data" | grep -c .)"
else
  records="$(grep -c . "$data")"
fi
find "$crawl" -type f -name '*.html' | LC_ALL=C sort >"$work/files"
files="$(wc -l <"$work/files")"
bytes="$(find "$crawl" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')"
((files == records)) || die "make-crawl wrote $files pages for $records records"

failures=0
fail() { echo "bench-crawl: CHECK FAILED: $*" >&2; failures=$((failures + 1)); }

# index_run LABEL JOBS DB: one sinmun-index run; appends
# "label jobs ms rss_kb seen read unchanged failed skipped warnings docs" to $work/results.
index_run() {
  local label="$1" jobs="$2" db="$3" log
  log="$work/$label.j$jobs.$(date +%s%N).log"
  timed_run "$log" "$index_bin" --db "$db" --jobs "$jobs" "$crawl"
  local stats
  stats="$(awk '
    /^sinmun-index: [0-9]+ files?: / {
      seen = $2; read = $4; unchanged = $6; failed = $8 }
    /articles added or replaced/ {
      for (i = 1; i <= NF; i++) {
        if (($i == "records" || $i == "record") && $(i + 1) == "skipped,") skipped = $(i - 1)
        if ($i == "warnings;" || $i == "warning;") warnings = $(i - 1)
      }
    }
    / holds [0-9]+ documents?$/ { docs = $(NF - 1) }
    END { printf "%s %s %s %s %s %s %s", seen, read + 0, unchanged + 0, failed + 0, skipped + 0, warnings + 0, docs }
  ' "$log")"
  [[ "$stats" =~ ^[0-9]+\ .*\ [0-9]+$ ]] || { cat "$log" >&2; die "no summary in $log"; }
  local others
  others="$(grep -vc '^sinmun-index: ' "$log" || true)"
  ((others == 0)) || { echo "bench-crawl: $label --jobs $jobs printed $others other lines:" >&2; grep -v '^sinmun-index: ' "$log" | head -5 >&2; }
  echo "$label $jobs $elapsed_ms $peak_rss_kb $stats" >>"$work/results"
  echo "bench-crawl: $label --jobs $jobs: $elapsed_ms ms; $stats (seen read unchanged failed skipped warnings docs)" >&2
}

# last LABEL JOBS FIELD: a field (1-based, see index_run) of the last result of LABEL/JOBS.
last() { awk -v l="$1" -v j="$2" -v f="$3" '$1 == l && $2 == j {v = $f} END {print v}' "$work/results"; }

# check LABEL JOBS READ UNCHANGED: the last run of LABEL/JOBS read READ files, kept
# UNCHANGED, failed none, skipped no record and left the database with $records documents.
check() {
  local label="$1" jobs="$2" want_read="$3" want_unchanged="$4"
  local seen read unchanged failed skipped docs
  seen="$(last "$label" "$jobs" 5)" read="$(last "$label" "$jobs" 6)"
  unchanged="$(last "$label" "$jobs" 7)" failed="$(last "$label" "$jobs" 8)"
  skipped="$(last "$label" "$jobs" 9)" docs="$(last "$label" "$jobs" 11)"
  ((seen == files)) || fail "$label --jobs $jobs saw $seen files, not $files"
  ((read == want_read)) || fail "$label --jobs $jobs read $read files, expected $want_read"
  ((unchanged == want_unchanged)) || fail "$label --jobs $jobs kept $unchanged unchanged, expected $want_unchanged"
  ((failed == 0)) || fail "$label --jobs $jobs: $failed files failed"
  ((skipped == 0)) || fail "$label --jobs $jobs: $skipped records skipped"
  ((docs == records)) || fail "$label --jobs $jobs: database holds $docs documents, not $records (records)"
}

: >"$work/results"
jobs_list=(1 2)
for ((run = 1; run <= runs; run++)); do
  for j in "${jobs_list[@]}"; do
    rm -rf "$work/db.j$j"
    index_run full "$j" "$work/db.j$j"
    check full "$j" "$files" 0
    index_run nochange "$j" "$work/db.j$j"
    check nochange "$j" 0 "$files"
  done
done

# 1% of the files, two disjoint sets spread over the sorted list.
awk 'NR % 100 == 1' "$work/files" >"$work/touched"
awk 'NR % 100 == 51' "$work/files" >"$work/changed"
[[ -s "$work/changed" ]] || head -1 "$work/files" >"$work/changed"   # fewer than 51 files
n_touched="$(wc -l <"$work/touched")"
n_changed="$(wc -l <"$work/changed")"
if [[ "$(cat "$work/changed")" == "$(head -1 "$work/touched")" ]]; then : >"$work/touched"; n_touched=0; fi

# touch -m: same size and content, new mtime; the indexer hashes these files, finds the
# content unchanged and counts them as unchanged (read 0).
while IFS= read -r f; do touch -m "$f"; done <"$work/touched"
for j in "${jobs_list[@]}"; do
  index_run touch "$j" "$work/db.j$j"
  check touch "$j" 0 "$files"
done

marker="크롤벤치추가"
sentence=" $marker 문장은 벤치마크가 본문 끝에 덧붙였다."
before="$("$search_bin" --db "$work/db.j1" --json --no-collapse --limit 1 "$marker" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')"
while IFS= read -r f; do
  grep -q '<!-- //본문 -->' "$f" || die "no body marker in $f"
  sed -i "0,/<!-- \/\/본문 -->/s||$sentence<!-- //본문 -->|" "$f"
done <"$work/changed"
for j in "${jobs_list[@]}"; do
  index_run change "$j" "$work/db.j$j"
  check change "$j" "$n_changed" $((files - n_changed))
  found="$("$search_bin" --db "$work/db.j$j" --json --no-collapse --limit 1 "$marker" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')"
  ((before == 0 && found == n_changed)) ||
    fail "change --jobs $j: '$marker' found in $found documents (before: $before), expected $n_changed"
done
echo "bench-crawl: the appended sentence is searchable in $found documents (expected $n_changed)" >&2

# ---- the table ----
mb="$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1e6}')"
echo "# crawl: $files HTML pages ($records records of $(basename "$data")${limit:+, --limit $limit}), $mb MB, 3 page shapes"
echo "# sinmun-index $(date -r "$index_bin" '+built %Y-%m-%d %H:%M'); $runs fresh runs per --jobs, interleaved; $(nproc) cores"
echo "# touch/change: on the last run's database; touched $n_touched files (mtime only), changed $n_changed (sentence appended)"
awk -v files="$files" -v bytes="$bytes" -v runs="$runs" '
  function median(key,   n, i, j, t, a) {
    n = split(times[key], a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    key = $1 " " $2
    times[key] = times[key] (times[key] == "" ? "" : " ") $3
    if ($4 != "-" && $4 + 0 > rss[key] + 0) rss[key] = $4
    if ($4 == "-") rss[key] = "-"
    read[key] = $6; unchanged[key] = $7; failed[key] = $8; docs[key] = $11
  }
  END {
    printf "%-10s %4s %8s %8s %7s %7s %6s %9s %6s %7s %8s\n", "phase", "jobs", "wall_s", "files/s", "MB/s", "rss_MB", "read", "unchanged", "failed", "docs", "vs_full"
    split("full nochange touch change", phases, " ")
    for (p = 1; p <= 4; p++) for (j = 1; j <= 2; j++) {
      key = phases[p] " " j
      if (!(key in times)) continue
      ms = median(key); full = median("full " j)
      label = phases[p] == "nochange" ? "no-change" : phases[p] == "touch" ? "touch 1%" : phases[p] == "change" ? "change 1%" : "full"
      fps = phases[p] == "full" ? sprintf("%.0f", files / (ms / 1000)) : "-"
      mbs = phases[p] == "full" ? sprintf("%.2f", bytes / 1e6 / (ms / 1000)) : "-"
      r = rss[key] == "-" ? "-" : sprintf("%.0f", rss[key] / 1024)
      vs = phases[p] == "full" ? "" : sprintf("%.1f%%", 100 * ms / full)
      printf "%-10s %4d %8.2f %8s %7s %7s %6d %9d %6d %7d %8s\n", label, j, ms / 1000, fps, mbs, r, read[key], unchanged[key], failed[key], docs[key], vs
    }
  }' "$work/results"
awk '$1 == "full" || $1 == "nochange" {a[$1 " j" $2] = a[$1 " j" $2] " " sprintf("%.2f", $3 / 1000)}
  END {printf "# per run (s):"; split("full j1,full j2,nochange j1,nochange j2", k, ",")
    for (i = 1; i <= 4; i++) if (k[i] in a) printf "  %s:%s", k[i], a[k[i]]; printf "\n"}' "$work/results"
awk '$1 == "nochange" {n++; if (($3 + 0) > 0.05 * full[$2]) bad++} $1 == "full" {full[$2] = $3}
  END {printf "# no-change target (< 5%% of the full run): %s\n", bad ? bad " of " n " runs missed it" : "met in all " n " runs"}' "$work/results"
docs_line="$(awk '{print $11}' "$work/results" | sort -u | tr '\n' ' ')"
if [[ "$docs_line" == "$records " ]]; then
  echo "# documents == records: yes, every run left $records documents (from '... holds N documents')"
else
  echo "# documents == records: NO: runs left $docs_line documents for $records records"
fi
echo "# touched files: hashed again, found identical, counted as unchanged (not re-parsed); changed files: read again"
[[ -z "$keep" ]] || echo "# kept: $work (crawl/, db.j1, db.j2, logs, results)"
((failures == 0)) || die "$failures checks failed (see above)"
