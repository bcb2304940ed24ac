#!/usr/bin/env bash
# One command for a newcomer: virtual environment, install, migrate, demo content, then the
# portal on http://127.0.0.1:8000 with the embedded default (SQLite, database search, console
# e-mail) and a Celery worker with its beat over a SQLite broker, so that reminders, sweeps and
# digests run without Redis. Pass another address as the first argument if 8000 is taken
# (`bash scripts/run-demo.sh 127.0.0.1:8123` or just `8123`): links in e-mails and calendar
# files use it. Ends by printing the demo logins and the address; LOG_LEVEL=INFO shows every
# task and request after them. Ctrl-C stops the server and the worker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

address="${1:-127.0.0.1:8000}"
[[ "$address" == *:* ]] || address="127.0.0.1:$address"
export DJANGO_SETTINGS_MODULE=portal.settings.dev PYTHONUNBUFFERED=1
export SITE_URL="${SITE_URL:-http://$address}" DJANGO_RUNSERVER_HIDE_WARNING=true
python=.venv/bin/python

echo "Preparing the database and the demo content (a minute or two the first time)..."
$python manage.py migrate --noinput -v 0
logins="$($python manage.py seed_demo)"  # printed last, below

# The worker and the server read tasks from this file; the beat keeps its schedule beside it.
export CELERY_BROKER_URL="sqla+sqlite:///$PWD/celery-broker.sqlite3"
children=()
stop() {
  trap - EXIT INT TERM
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

# `python -m celery` from here, so that this checkout's code runs (not the one the virtual
# environment was installed from).
$python -m celery -A portal --quiet worker --beat --schedule "$PWD/celerybeat-schedule" \
  --loglevel "${LOG_LEVEL:-WARNING}" --concurrency 1 --without-mingle --without-gossip &
children+=($!)
$python manage.py runserver "$address" &
children+=($!)

# The server's own lines are out once it answers; then the logins close the output.
until $python -c "import sys, urllib.request as r, urllib.error as e
try: r.urlopen(sys.argv[1], timeout=2)
except e.HTTPError: pass" "$SITE_URL/healthz" 2>/dev/null; do
  for pid in "${children[@]}"; do kill -0 "$pid" 2>/dev/null || exit 1; done
  sleep 0.5
done
printf '%s\n' "$logins"
echo "The portal: $SITE_URL/ (English: $SITE_URL/en/, admin: $SITE_URL/admin/). Ctrl-C stops it."
wait -n "${children[@]}"
