#!/usr/bin/env bash
# Builds Sinmun in Release (without tests) and makes the Debian package with CPack:
# sinmun_<version>_<arch>.deb in the build dir, its Depends found by dpkg-shlibdeps.
# Install it with `apt-get install ./sinmun_<version>_<arch>.deb`.
#
# usage: scripts/package.sh     (build dir: build/, or $SINMUN_BUILD_DIR)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${SINMUN_BUILD_DIR:-$root/build}"

for tool in dpkg-shlibdeps file; do
  command -v "$tool" >/dev/null ||
    { echo "package: $tool is needed (scripts/install-deps.sh installs it)" >&2; exit 2; }
done
"$root/scripts/build.sh" -DSINMUN_BUILD_TESTS=OFF -DSINMUN_BUILD_BENCHMARKS=OFF
(cd "$build" && cpack -G DEB --config CPackConfig.cmake >/dev/null)
deb="$(ls -t "$build"/sinmun_*.deb | head -1)"
echo "package: $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends Suggests
