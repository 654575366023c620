#!/usr/bin/env bash
# Soak test of sinmun-serve: CONNECTIONS clients on 127.0.0.1 (threads of
# scripts/lib/soak_load.py, one keep-alive connection each) ask mixed searches, articles and
# health checks back to back for MINUTES, while sinmun-index adds a batch of new articles
# every few seconds. Prints the figures docs/RELIABILITY.md keeps: requests, errors (expected
# 0), p50/p99 latency, RSS of the server sampled every 10 s (expected flat), commits, and how
# long the server took to stop on SIGTERM with its connections open.
#
# usage: scripts/soak.sh [--minutes M] [--connections C] [--commit-every SECONDS]
#   defaults: 10 minutes, 64 connections, a commit every 5 s. Uses the tools built in build/
#   (or $SINMUN_BUILD_DIR: scripts/build.sh first) and corpus/sample. Exit status 1 on any
#   error or failed commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_BUILD_DIR:-$root/build}"
minutes=10
connections=64
every=5
while (($#)); do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --commit-every) every="$2"; shift 2 ;;
    *) echo "usage: scripts/soak.sh [--minutes M] [--connections C] [--commit-every SECONDS]" >&2; exit 1 ;;
  esac
done
index="$build/indexer/sinmun-index"
serve="$build/server/sinmun-serve"
for tool in "$index" "$serve"; do
  [[ -x "$tool" ]] || { echo "soak.sh: $tool not built (scripts/build.sh)" >&2; exit 1; }
done

work="$(mktemp -d)"
serve_pid=""
indexer_pid=""
cleanup() {
  [[ -z "$indexer_pid" ]] || kill "$indexer_pid" 2>/dev/null || true
  [[ -z "$serve_pid" ]] || kill "$serve_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/crawl/soak"
cp -r "$root/corpus/sample" "$work/crawl/sample"
"$index" --quiet --db "$work/news.db" "$work/crawl"
mkdir -p "$work/queries"
python3 "$root/scripts/make-queries.py" --out "$work/queries" --words 300 --phrases 100 \
  "$root"/corpus/sample/feeds/*.jsonl >/dev/null

"$serve" --db "$work/news.db" --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 100); do
  grep -q "^listening on" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
port="$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)/$|\1|p' "$work/serve.out")"
[[ -n "$port" ]] || { cat "$work/serve.err" >&2; exit 1; }

# Every few seconds a batch of new articles (the sample's feed records under new ids, each
# with a line of its own) and an incremental sinmun-index run that commits them.
(
  batch=0
  while sleep "$every"; do
    batch=$((batch + 1))
    python3 - "$batch" "$work/crawl/soak/batch-$(printf %05d "$batch").jsonl" "$root"/corpus/sample/feeds/*.jsonl <<'PY'
import json, sys
batch, out, feeds = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
with open(out, "w", encoding="utf-8") as f:
    n = 0
    for path in feeds:
        for line in open(path, encoding="utf-8"):
            record = json.loads(line)
            n += 1
            record["id"] = f"soak-{batch}-{n}"
            record["body"] += f" 이 기사는 부하 시험 {batch}회차 {n}번 기록이다."
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
    if "$index" --quiet --db "$work/news.db" "$work/crawl" >>"$work/index.log" 2>&1; then
      echo ok >>"$work/commits"
    else
      echo failed >>"$work/commits"
    fi
  done
) &
indexer_pid=$!

documents() { python3 -c "import json,urllib.request; print(json.load(urllib.request.urlopen('http://127.0.0.1:$port/healthz'))['documents'])"; }
before="$(documents)"
python3 "$root/scripts/lib/soak_load.py" --port "$port" --pid "$serve_pid" --seconds "$((minutes * 60))" \
  --connections "$connections" --queries "$work"/queries/*.tsv >"$work/summary.json"
kill "$indexer_pid"
wait "$indexer_pid" 2>/dev/null || true
indexer_pid=""
after="$(documents)"

# SIGTERM with connections still open: a few idle ones and a few sending a header slowly.
python3 - "$port" <<'PY' &
import socket, sys, time
socks = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(8)]
for s in socks[:4]:
    s.sendall(b"GET /healthz HTTP/1.1\r\nX-Slow: ")
for _ in range(30):
    try:
        for s in socks[:4]:
            s.sendall(b"a")
    except OSError:
        break
    time.sleep(0.5)
PY
holder=$!
sleep 1
stop_start="$(date +%s.%N)"
kill -TERM "$serve_pid"
serve_status=0
wait "$serve_pid" || serve_status=$?
stop_seconds="$(echo "$(date +%s.%N) - $stop_start" | bc)"
serve_pid=""
kill "$holder" 2>/dev/null || true

if [[ -s "$work/serve.err" ]]; then
  echo "soak: the server's log (first 20 lines):"
  head -20 "$work/serve.err" | sed 's/^/  /'
fi
commits_ok="$(grep -c '^ok' "$work/commits" || true)"
commits_failed="$(grep -c '^failed' "$work/commits" || true)"
python3 - "$work/summary.json" "$before" "$after" "$commits_ok" "$commits_failed" "$stop_seconds" "$serve_status" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
before, after, ok, failed, stop, status = sys.argv[2:8]
rss = [m for _, m in s["rss_mib"]]
print(f"soak: {s['seconds']} s, {s['connections']} connections, {s['requests']} requests "
      f"({s['requests_per_second']}/s), {s['errors']} errors")
for example in s["error_examples"]:
    print(f"  error: {example}")
print(f"soak: latency p50 {s['p50_ms']} ms, p99 {s['p99_ms']} ms, max {s['max_ms']} ms")
print(f"soak: server RSS MiB first {rss[0]}, after 1 min {rss[min(6, len(rss) - 1)]}, "
      f"max {max(rss)}, last {rss[-1]} (samples: {' '.join(map(str, rss))})")
print(f"soak: {ok} commits ({failed} failed), documents {before} -> {after}")
print(f"soak: SIGTERM with 8 connections open: stopped in {float(stop):.2f} s, exit status {status}")
sys.exit(1 if s["errors"] or int(failed) or int(status) else 0)
PY
