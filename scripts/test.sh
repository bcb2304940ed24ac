#!/usr/bin/env bash
# Installs the portal with its dev extras and runs the whole suite: ruff, the import contracts
# (lint-imports, pyproject.toml), then pytest.
# Services are used when their variables are set (see `eval "$(bash scripts/services.sh)"`);
# otherwise their tests are skipped with the reason. PORTAL_REQUIRE_SERVICES=1 makes any
# skipped test fail the run. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh dev
.venv/bin/ruff check .
.venv/bin/lint-imports
exec .venv/bin/pytest "$@"
