#!/usr/bin/env bash
# Browser test of the search page: Debian's headless chromium, driven by playwright-core
# (pinned in tests/web/package-lock.json), against the real sinmun-serve over a database
# indexed from corpus/sample. Installs chromium (and a Korean font, so that the screenshots
# are legible) with apt when missing, and the npm packages with `npm ci` when
# tests/web/node_modules does not match the lock file. Safe to run again.
#
# usage: scripts/test-web.sh
# Environment:
#   SINMUN_BUILD_DIR   where sinmun-serve and sinmun-index were built (default: <repo>/build);
#                      the screenshots go there too (web-screenshot.png, web-screenshot-phone.png)
set -euo pipefail

die() { echo "test-web: $*" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_BUILD_DIR:-$root/build}"
[[ -d "$build" ]] || die "build dir $build not found: run scripts/build.sh (or set SINMUN_BUILD_DIR)"
build="$(cd "$build" && pwd)"
for bin in server/sinmun-serve indexer/sinmun-index; do
  [[ -x "$build/$bin" ]] || die "$build/$bin not found: build it (cmake --build $build)"
done

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-nanum 2>/dev/null | grep -q "install ok installed" || missing+=(fonts-nanum)
if ((${#missing[@]} > 0)); then
  [[ $(id -u) -eq 0 ]] || die "missing packages: ${missing[*]}; run as root or install them"
  echo "test-web: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are needed (scripts/install-deps.sh)"

cd "$root/tests/web"
# npm ci starts from scratch every time; skip it while the installed tree matches the lock.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
SINMUN_BUILD_DIR="$build" node --test browser.test.mjs
