#!/usr/bin/env bash
# Installs the portal with its dev extras and runs the whole suite: ruff, the import contracts
# (lint-imports, pyproject.toml), then pytest in two phases. First every test that can share
# the machine, on one pytest-xdist worker per CPU (PYTEST_XDIST_AUTO_NUM_WORKERS to choose),
# each worker with its own test database and live server (browser tests included); then the
# tests that stop a service, one at a time. Services are used when their
# variables are set (see `eval "$(bash scripts/services.sh)"`); otherwise their tests are
# skipped with the reason. PORTAL_REQUIRE_SERVICES=1 makes any skipped test fail the run.
# Extra arguments go to both phases (a `-m` given there replaces the phase's own).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh dev
.venv/bin/ruff check .
.venv/bin/lint-imports

NO_TESTS=5  # pytest's exit code when nothing was collected or selected
set +e
.venv/bin/pytest -n auto --dist loadgroup -m "not outage" "$@"
parallel=$?
.venv/bin/pytest -m outage "$@"
serial=$?
set -e

# Arguments that select a few tests may leave one phase empty, never both; without
# arguments both phases have tests, and an empty one means tests went missing.
if [ $# -gt 0 ] && [ "$parallel" -eq $NO_TESTS ] && [ "$serial" -ne $NO_TESTS ]; then parallel=0; fi
if [ $# -gt 0 ] && [ "$serial" -eq $NO_TESTS ] && [ "$parallel" -ne $NO_TESTS ]; then serial=0; fi
if [ "$parallel" -ne 0 ]; then exit "$parallel"; fi
exit "$serial"
