#!/usr/bin/env bash
# Lint and type check: ruff (style, bug risk, size; settings in pyproject.toml) and mypy on every
# package. tests/run-all.sh runs it, so CI does; run it alone before landing (a few seconds once
# mypy's cache is warm). Needs the lint extra (the test extra includes it).
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
status=0
"$py" -m ruff check --quiet . || status=1
# mypy finds modules by name, and the packages sit at the top level under their installed names
# (zonekg.graph is graph/, pyproject's package-dir), which only the editable install's import hook
# knows. A tree of links gives mypy the same names.
tree=.mypy_cache/tree
mkdir -p "$tree/zonekg"
for package in api graph loaders ontology visualize; do
  ln -sfn "../../../$package" "$tree/zonekg/$package"
done
MYPYPATH=$tree "$py" -m mypy || status=1
exit $status
