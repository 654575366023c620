#!/usr/bin/env bash
# HTTP throughput and latency of sinmun-serve's /api/search, measured with wrk over loopback
# at 1, 8 and 64 connections, on a database indexed from
# $SHARED/data/news_rss_leads-dev.jsonl and news-dev.jsonl (copied into a temp crawl dir).
# Each request takes the next query from a rotating set: 40 short queries written below and
# the first 100 headlines of news_rss_leads-title2body-dev/queries.tsv (ASCII quotes dropped).
#
# usage: scripts/bench-serve.sh [--duration SECONDS] [--threads N]
#   --duration SECONDS   per connection level (default 10)
#   --threads N          sinmun-serve --threads (default: its own default)
# Environment:
#   SINMUN_SHARED      shared dir (default: <repo root>/../shared)
#   SINMUN_BUILD_DIR   where the binaries were built (default: <repo root>/build)
# Prints one table row per level: requests/s, p50/p99/max latency in ms, errors (socket
# errors, timeouts over 2 s and non-2xx answers). Exits 0 when the data is absent (nothing
# to measure), 3 if any request failed.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { echo "bench-serve: $*" >&2; exit 2; }

duration=10 threads=""
while (($#)); do
  case "$1" in
    --duration) duration="${2:?--duration needs SECONDS}"; shift 2 ;;
    --threads) threads="${2:?--threads needs N}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-serve: unknown argument '$1'" >&2; usage >&2; exit 1 ;;
  esac
done
[[ "$duration" =~ ^[1-9][0-9]*$ ]] || { echo "bench-serve: --duration must be a positive integer" >&2; exit 1; }
[[ -z "$threads" || "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "bench-serve: --threads must be a positive integer" >&2; exit 1; }

root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SINMUN_SHARED:-$root/../shared}"
build="${SINMUN_BUILD_DIR:-$root/build}"
data=("$shared/data/news_rss_leads-dev.jsonl" "$shared/data/news-dev.jsonl")
for file in "${data[@]}"; do
  if [[ ! -f "$file" ]]; then
    echo "bench-serve: $file not found, skipping"
    exit 0
  fi
done
for bin in server/sinmun-serve indexer/sinmun-index; do
  [[ -x "$build/$bin" ]] || die "$build/$bin not found: build it (cmake --build $build) or set SINMUN_BUILD_DIR"
done
if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] || die "wrk is missing: install it (apt-get install wrk) or run as root"
  echo "bench-serve: installing wrk"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/crawl"
cp "${data[@]}" "$work/crawl/"
chmod u+w "$work/crawl/"*
echo "bench-serve: indexing $(cat "${data[@]}" | wc -l) records" >&2
"$build/indexer/sinmun-index" --quiet --db "$work/db" "$work/crawl" || die "indexing failed"

cat >"$work/queries.txt" <<'QUERIES'
반도체
수출
대통령
환율
금리 인상
부동산
AI
인공지능 규제
삼성전자
SK하이닉스 HBM
날씨
폭염
선거
국회
북한 미사일
올림픽
손흥민
코로나
백신
전기차 배터리
중국 경제
미국 관세
트럼프
일본
유가
주가 하락
코스피
물가
최저임금
저출산
의대 정원
검찰 수사
지진
화재
교통사고
엔비디아
스마트폰
우주 발사
기후 변화
한국은행 기준금리
QUERIES
if [[ -f "$shared/data/news_rss_leads-title2body-dev/queries.tsv" ]]; then
  head -100 "$shared/data/news_rss_leads-title2body-dev/queries.tsv" | cut -f2 | tr -d '"' >>"$work/queries.txt"
fi

# Requests rotate through the queries; each wrk thread starts at its own place in the list.
cat >"$work/rotate.lua" <<'LUA'
local paths = {}
local next_index = 0
local created = 0

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("thread_number", created)
  created = created + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = "/api/search?q=" .. encode(line) .. "&limit=10" end
  end
  next_index = thread_number * 37
end

function request()
  next_index = next_index + 1
  return wrk.format("GET", paths[next_index % #paths + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, summary.requests))
end
LUA

server_args=(--db "$work/db" --listen 127.0.0.1:0)
[[ -z "$threads" ]] || server_args+=(--threads "$threads")
"$build/server/sinmun-serve" "${server_args[@]}" >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
base=""
for _ in $(seq 100); do
  base="$(sed -n 's|^listening on \(http://[^/]*\)/$|\1|p' "$work/serve.out")"
  [[ -n "$base" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; die "sinmun-serve did not start"; }
  sleep 0.1
done
[[ -n "$base" ]] || die "sinmun-serve did not say where it listens"
documents="$(curl -sf "$base/healthz" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')"

cores="$(nproc)"
echo "# $documents documents; $(grep -c . "$work/queries.txt") queries rotating; ${duration} s per level;" \
     "sinmun-serve --threads ${threads:-default}; $cores CPUs (wrk shares them)"
printf '%6s %10s %9s %9s %9s %8s %9s\n' conns req/s p50_ms p99_ms max_ms errors requests
failed=0
for conns in 1 8 64; do
  wrk_threads=$((conns < cores ? conns : cores))
  wrk -t"$wrk_threads" -c"$conns" -d"${duration}s" --timeout 2s -s "$work/rotate.lua" "$base" -- "$work/queries.txt" \
    >"$work/wrk.$conns" 2>&1 || { cat "$work/wrk.$conns" >&2; die "wrk failed"; }
  read -r _ rps p50 p99 max errors requests < <(grep '^RESULT' "$work/wrk.$conns")
  printf '%6s %10s %9s %9s %9s %8s %9s\n' "$conns" "$rps" "$p50" "$p99" "$max" "$errors" "$requests"
  ((errors == 0)) || failed=1
done
if [[ -s "$work/serve.err" ]]; then
  echo "bench-serve: sinmun-serve said:" >&2
  head -20 "$work/serve.err" >&2
fi
((failed == 0)) || { echo "bench-serve: some requests failed" >&2; exit 3; }
