#!/usr/bin/env bash
# Fails (exit 1, listing the files) when a tracked C++ source is not as clang-format
# (.clang-format) writes it; fix with: git ls-files '*.cc' '*.h' | xargs clang-format -i
#
# usage: scripts/check-format.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format not installed (apt-get install clang-format)" >&2; exit 2; }
bad=()
while IFS= read -r file; do
  clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done < <(git ls-files '*.cc' '*.h' 2>/dev/null || find . -name '*.cc' -o -name '*.h' | grep -v node_modules)
if ((${#bad[@]} > 0)); then
  printf 'check-format: not clang-formatted: %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "check-format: every C++ source is clang-formatted"
