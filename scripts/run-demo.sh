#!/usr/bin/env bash
# One command for a newcomer: virtual environment, install, migrate, demo content, serve on
# http://127.0.0.1:8000 with the embedded default (SQLite, database search, eager tasks,
# console e-mail). Pass a different address as the first argument if 8000 is taken.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=portal.settings.dev
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py seed_demo
exec .venv/bin/python manage.py runserver "${1:-127.0.0.1:8000}"
