# shellcheck shell=bash disable=SC2034  # sets variables for the scripts that source it
# Shared by the measurement scripts (sourced, not run). Each script defines die() first.
#
# Sets repo (the checkout), shared ($SINMUN_SHARED, else ../shared beside it) and build
# ($SINMUN_BUILD_DIR, else build/ in it).
repo="$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel 2>/dev/null ||
        (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd))"
shared="${SINMUN_SHARED:-$repo/../shared}"
build="${SINMUN_BUILD_DIR:-$repo/build}"

# find_bin NAME: the executable NAME anywhere under the build dir (targets live in their
# own subdirectories), or die saying how to get it.
find_bin() {
  local path
  path="$(find "$build" -maxdepth 3 -type f -name "$1" -perm -u+x -print -quit 2>/dev/null)"
  [[ -n "$path" ]] || die "$1 not found under $build: build it (cmake --build $build --target $1) or set SINMUN_BUILD_DIR"
  echo "$path"
}

# timed_run LOG COMMAND...: runs COMMAND with its output in LOG (dies showing its tail if it
# fails) and sets elapsed_ms, peak_rss_kb and cpu_ms (user + system; "-" without
# /usr/bin/time). CPU time does not depend on what else the machine is doing; wall time does.
timed_run() {
  local log="$1" t0 t1
  shift
  t0="$(date +%s%N)"
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M %U %S' -o "$log.rss" "$@" >"$log" 2>&1 || { tail -5 "$log" >&2; die "failed: $*"; }
    read -r peak_rss_kb cpu_ms <<<"$(tail -1 "$log.rss" | awk '{printf "%s %.0f", $1, ($2 + $3) * 1000}')"
  else
    "$@" >"$log" 2>&1 || { tail -5 "$log" >&2; die "failed: $*"; }
    peak_rss_kb="-" cpu_ms="-"
  fi
  t1="$(date +%s%N)"
  elapsed_ms=$(((t1 - t0) / 1000000))
}
