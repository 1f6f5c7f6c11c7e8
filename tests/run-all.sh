#!/usr/bin/env bash
# Set up a fresh machine for the test suite and run it: the README's second command.
# Installs what the browser tests of the network pages need when it is missing (needs root
# and apt-get, as on CI): Debian's Chromium, and a CJK font so Chinese labels are drawn as
# glyphs, not empty boxes; and OpenLink Virtuoso 7, the SPARQL server the remote-store tests
# start and stop themselves. Then makes .venv, installs zonekg with its test extra, runs the
# lint and type check (tests/lint.sh) and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# fc-list comes with fontconfig (a dependency of chromium); no fc-list means no font either.
if ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family)" ]; }; then
  missing+=(fonts-wqy-microhei)
fi
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "note: ${missing[*]} not installed (needs root and apt-get); the browser or store tests will fail" >&2
  fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,bench]'
# Lint and types first (seconds; a failure still lets the tests run, and fails the run after).
lint=0
bash tests/lint.sh || lint=$?
# Everything, the slow tests too (the default run, plain pytest, leaves them out).
.venv/bin/python -m pytest -m "slow or not slow" "$@"
exit $lint
