#!/usr/bin/env bash
# Type-check Parley as it is installed: `services/` and `shared/` are the packages
# `parley.services` and `parley.shared` (setuptools package-dir mapping), so their modules import
# each other as `parley.shared...`. mypy resolves packages from folders, so it is given a tree
# with that layout made of symlinks:
#
#   build/typecheck/parley/services -> ../../../services
#   build/typecheck/parley/shared   -> ../../../shared
#
# pyproject.toml points mypy there (mypy_path = "build/typecheck"); `parley` itself has no
# __init__.py and is found as a namespace package. mypy follows the symlinks as folders and
# reports paths inside the tree; those are rewritten to the repository's own paths
# (build/typecheck/parley/shared/x.py -> shared/x.py) so editors can jump to them.
#
#   bash deploy/local/typecheck.sh VENV     (default: .venv)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="${1:-.venv}"
case "$venv" in /*) ;; *) venv="$repo/$venv" ;; esac
mypy="$venv/bin/mypy"
if [ ! -x "$mypy" ]; then
  echo "typecheck: $mypy not found; run \`make setup\` first" >&2
  exit 2
fi

cd "$repo"
tree=build/typecheck/parley
mkdir -p "$tree"
for pkg in services shared; do
  target="../../../$pkg"
  if [ "$(readlink "$tree/$pkg" 2>/dev/null)" != "$target" ]; then
    rm -rf "${tree:?}/$pkg"
    ln -s "$target" "$tree/$pkg"
  fi
done

set +e
"$mypy" -p parley.shared -p parley.services 2>&1 | sed -u -e "s#^$tree/##" -e "s#\([ (\"']\)$tree/#\1#g"
status=${PIPESTATUS[0]}
exit "$status"
