#!/usr/bin/env bash
# Creates .venv with Python 3.11 (if missing) and installs the portal with the pinned
# constraints. Sourced by run-demo.sh and test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "Python 3.11 is required (found $("$PYTHON" --version 2>&1)); set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
extras="${1:-}"
stamps=(".venv/.installed${extras:+-$extras}")
[ -n "$extras" ] || stamps+=(.venv/.installed-*)  # an install with extras includes the plain one
installed=false
for stamp in "${stamps[@]}"; do
  if [ -f "$stamp" ] && [ ! pyproject.toml -nt "$stamp" ] && [ ! constraints.txt -nt "$stamp" ]; then
    installed=true
  fi
done
if ! $installed; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e ".${extras:+[$extras]}"
  touch "${stamps[0]}"
fi
