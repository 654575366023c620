#!/usr/bin/env bash
# Serves each shard of a sharded database (sinmun-index --shards N) with its own
# xapian-tcpsrv (Debian xapian-tools) on 127.0.0.1, prints the Xapian stub that opens them
# as one remote database, and runs until interrupted; the servers are stopped on any exit
# (Ctrl-C, SIGTERM, a server that dies, an error).
#
# Shard i listens on BASEPORT + i, or the next free port in steps of N (default BASEPORT 33400), so
# the ports are free even when some are taken. With STUB, the stub is also written there
# (replaced whole, once every server listens): give it to --db.
#
# usage: scripts/serve-shards.sh DIR [BASEPORT [STUB]]
#   scripts/serve-shards.sh news.db 33400 /tmp/news.remote &
#   sinmun-search --db /tmp/news.remote H200 수출
#
# Environment: SINMUN_TCPSRV_TIMEOUT (ms, default 10000): xapian-tcpsrv's idle and active
# connection timeouts (--timeout).
set -euo pipefail

die() {
  echo "serve-shards: $*" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 3 && $1 != -* ]] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }
dir=${1%/}
base=${2:-33400}
stub_out=${3:-}
command -v xapian-tcpsrv >/dev/null || die "xapian-tcpsrv not found (apt-get install xapian-tools)"
[[ -f $dir/XAPIANDB ]] || die "$dir is not a sharded database (no $dir/XAPIANDB; sinmun-index --shards N makes one)"
[[ $base =~ ^[0-9]+$ ]] && ((base > 0 && base < 65536)) || die "BASEPORT must be a port number, not '$base'"

shards=()
while read -r type path; do
  [[ -z $type || $type == \#* ]] && continue
  [[ $type == glass || $type == auto || $type == chert ]] || die "$dir/XAPIANDB: cannot serve the line '$type $path'"
  [[ $path == /* ]] || path=$dir/$path
  shards+=("$path")
done <"$dir/XAPIANDB"
((${#shards[@]} > 0)) || die "$dir/XAPIANDB lists no shard"

pids=()
logs=$(mktemp -d)
stop() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$logs"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Starts xapian-tcpsrv for shard $1 on the first free port from $2; sets `port`.
start() {
  local shard=$1 log
  port=$2
  while ((port < 65536)); do
    log=$logs/$port.log
    # In a process group of its own: on SIGTERM xapian-tcpsrv signals its whole group
    # (kill(0, SIGTERM), for its forked connections), which would otherwise be ours and
    # whoever started us.
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --timeout "${SINMUN_TCPSRV_TIMEOUT:-10000}" "$shard" \
      >"$log" 2>&1 </dev/null &
    local pid=$!
    for _ in $(seq 100); do  # up to 10 s to listen, or to fail to bind
      grep -q '^Listening' "$log" && { pids+=("$pid"); return 0; }
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    grep -q 'already in use' "$log" || die "xapian-tcpsrv for $shard failed: $(tr '\n' ' ' <"$log")"
    port=$((port + ${#shards[@]}))
  done
  die "no free port for $shard"
}

stub=""
for i in "${!shards[@]}"; do
  start "${shards[$i]}" $((base + i))
  stub+="remote :127.0.0.1:$port"$'\n'
done
if [[ -n $stub_out ]]; then
  printf '%s' "$stub" >"$stub_out.new"
  mv "$stub_out.new" "$stub_out"
fi
echo "serve-shards: ${#shards[@]} shards of $dir served; the stub (--db FILE holding these lines):" >&2
printf '%s' "$stub"
# Until a signal, or until a server dies (then the others are stopped too).
wait -n "${pids[@]}" || true
die "a xapian-tcpsrv exited; stopping the others"
