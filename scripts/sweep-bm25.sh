#!/usr/bin/env bash
# BM25 parameter sweep: runs scripts/eval-relevance.sh --systems sinmun once per (k1, b) grid
# point with SINMUN_SEARCH_ARGS="--bm25 K1,B", indexing each dev set once (--reuse), and
# prints MRR@10 and R@100 per set per grid point (best MRR@10 per set marked with *).
# The current default (sinmun-search --help: 1.0,0.5, Xapian's BM25Weight() defaults) is
# always measured too, as the reference row.
#
# usage: scripts/sweep-bm25.sh [--k1 LIST] [--b LIST] [--set NAME] [--work DIR]
#   --k1 LIST    comma-separated k1 values (default 0.6,0.9,1.2,1.6)
#   --b LIST     comma-separated b values (default 0.4,0.75,0.9)
#   --set NAME   only this dev set (passed to eval-relevance.sh --set)
#   --work DIR   keep databases, runs and per-point tables in DIR; a later sweep with the
#                same DIR searches the same databases again instead of re-indexing
# Environment: as scripts/eval-relevance.sh (SINMUN_SHARED, SINMUN_BUILD_DIR,
# SINMUN_INDEX_ARGS); SINMUN_SEARCH_ARGS is set per grid point (extra args appended).
# Needs a sinmun-search with --bm25 K1,B; exits 2 with a message if it has none.
# Exits 0 when the shared data is absent (nothing to measure).
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "sweep-bm25: $*" >&2; exit 2; }

k1s="0.6,0.9,1.2,1.6" bs="0.4,0.75,0.9" only_set="" keep=""
while (($#)); do
  case "$1" in
    --k1) k1s="${2:?--k1 needs a LIST}"; shift 2 ;;
    --b) bs="${2:?--b needs a LIST}"; shift 2 ;;
    --set) only_set="${2:?--set needs a NAME}"; shift 2 ;;
    --work) keep="${2:?--work needs a DIR}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "sweep-bm25: unknown argument '$1'" >&2; usage >&2; exit 1 ;;
  esac
done
number='^[0-9]+(\.[0-9]+)?$'
IFS=, read -r -a k1_list <<<"$k1s"
IFS=, read -r -a b_list <<<"$bs"
for v in "${k1_list[@]}" "${b_list[@]}"; do
  [[ "$v" =~ $number ]] || { echo "sweep-bm25: '$v' is not a number" >&2; exit 1; }
done

# shellcheck source=scripts/lib/measure.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
if [[ ! -d "$shared/data" ]]; then
  echo "sweep-bm25: ../shared/data not found, skipping"
  exit 0
fi
search="$(find "$build" -maxdepth 3 -type f -name sinmun-search -perm -u+x -print -quit 2>/dev/null)"
[[ -n "$search" ]] || die "sinmun-search not found under $build: build it or set SINMUN_BUILD_DIR"
help="$("$search" --help 2>&1 || true)"  # captured first: grep -q in a pipe risks SIGPIPE
grep -q -- '--bm25' <<<"$help" ||
  die "$search has no --bm25 K1,B option yet: rebuild it from a source that has one
  (cmake --build $build --target sinmun-search); nothing was measured"
default="$(sed -n 's/.*--bm25 .*(default \([0-9.]*,[0-9.]*\)).*/\1/p' <<<"$help")"
[[ -n "$default" ]] || default="1.0,0.5"

if [[ -n "$keep" ]]; then
  mkdir -p "$keep"
  work="$(cd "$keep" && pwd)"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

points=("$default")
for k1 in "${k1_list[@]}"; do
  for b in "${b_list[@]}"; do
    [[ "$k1,$b" == "$default" ]] || points+=("$k1,$b")
  done
done

set_args=()
[[ -z "$only_set" ]] || set_args=(--set "$only_set")
extra="${SINMUN_SEARCH_ARGS:-}"
# results.tsv: k1,b <TAB> set <TAB> MRR@10 <TAB> R@100
: >"$work/results.tsv"
i=0
for p in "${points[@]}"; do
  i=$((i + 1))
  echo "sweep-bm25: [$i/${#points[@]}] --bm25 $p" >&2
  out="$work/eval.${p/,/_}.txt"
  SINMUN_SEARCH_ARGS="--bm25 $p${extra:+ $extra}" \
    "$repo/scripts/eval-relevance.sh" --systems sinmun --reuse "$work/eval" "${set_args[@]}" >"$out" ||
    die "eval-relevance.sh failed at --bm25 $p (output in $out)"
  awk -v p="$p" '$2 == "sinmun" {print p "\t" $1 "\t" $3 "\t" $6}' "$out" >>"$work/results.tsv"
done

# One row per grid point, two columns (MRR@10, R@100) per set; * marks each set's best MRR@10.
awk -F'\t' -v def="$default" '
  { key[NR] = $1; set[NR] = $2; mrr[NR] = $3; r100[NR] = $4
    if (!($2 in seen)) { seen[$2] = 1; sets[++ns] = $2 }
    if (!($1 in pseen)) { pseen[$1] = 1; pts[++np] = $1 }
    m[$1, $2] = $3; r[$1, $2] = $4
    if (!($2 in best) || $3 > best[$2]) best[$2] = $3 }
  END {
    printf "%-6s %-5s", "k1", "b"
    for (s = 1; s <= ns; s++) { short = sets[s]; sub(/-title2body-dev$/, "", short)
      printf "  %-24s", short }
    printf "\n%-12s", ""
    for (s = 1; s <= ns; s++) printf "  %-12s%-12s", "MRR@10", "R@100"
    printf "\n"
    for (i = 1; i <= np; i++) {
      split(pts[i], kb, ",")
      printf "%-6s %-5s", kb[1], kb[2]
      for (s = 1; s <= ns; s++)
        printf "  %-12s%-12s", m[pts[i], sets[s]] (m[pts[i], sets[s]] == best[sets[s]] ? "*" : ""), r[pts[i], sets[s]]
      printf "%s\n", pts[i] == def ? "  (current default)" : ""
    }
  }' "$work/results.tsv"
[[ -z "$keep" ]] || echo "# work files kept in $work (eval/: databases and runs; eval.*.txt: per-point tables)"
