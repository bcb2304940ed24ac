#!/usr/bin/env bash
# Installs and starts the portal's backing services on a Debian machine without Docker:
# PostgreSQL, Redis and a single-node Elasticsearch 8 (the minimal distribution from Maven
# Central), plus the tools the tests drive (Chromium, gettext, a compose CLI).
# Idempotent: a second call finds everything running and only prints the environment to use.
#
#   eval "$(bash scripts/services.sh)"      # exports DATABASE_URL, REDIS_URL, ...
#
# Progress goes to stderr; stdout carries only `export` lines.
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9200}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-elasticsearch}"
STATE_DIR="${PORTAL_SERVICES_DIR:-/var/lib/portal-services}"
PG_USER=portal
PG_PASSWORD=portal
PG_DB=portal

log() { printf '[services] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

wait_for() {  # wait_for NAME SECONDS COMMAND...
  local name=$1 seconds=$2; shift 2
  for _ in $(seq "$seconds"); do
    if "$@" >/dev/null 2>&1; then log "$name is answering"; return 0; fi
    sleep 1
  done
  log "$name did not answer within ${seconds}s"; return 1
}

apt_install() {  # installs the Debian packages that are missing, updating the lists once
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >&2
}

start_postgres() {
  apt_install postgresql
  if ! pg_isready -q -h 127.0.0.1; then
    local cluster
    cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
    log "starting PostgreSQL cluster $cluster"
    # shellcheck disable=SC2086
    as_root pg_ctlcluster $cluster start
  fi
  wait_for PostgreSQL 60 pg_isready -h 127.0.0.1
  as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'\"" | grep -q 1 \
    || as_root su postgres -c "psql -qc \"CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'\"" >&2
  as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='$PG_DB'\"" | grep -q 1 \
    || as_root su postgres -c "createdb -O $PG_USER $PG_DB" >&2
}

start_redis() {
  apt_install redis-server
  if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    log "starting Redis"
    as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >&2
  fi
  wait_for Redis 30 redis-cli -h 127.0.0.1 ping
}

es_answers() { curl -fsS "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s"; }

start_elasticsearch() {
  apt_install curl unzip maven default-jre-headless
  if es_answers >/dev/null 2>&1; then log "Elasticsearch already running"; return 0; fi
  local home="$STATE_DIR/elasticsearch-$ES_VERSION"
  if [ ! -x "$home/bin/elasticsearch" ]; then
    local download="$STATE_DIR/download"
    as_root mkdir -p "$download"
    log "fetching Elasticsearch $ES_VERSION from Maven Central"
    as_root mvn -q dependency:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$download" >&2
    as_root unzip -q -o "$download/elasticsearch-$ES_VERSION.zip" -d "$STATE_DIR"
  fi
  id "$ES_USER" >/dev/null 2>&1 || as_root useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
  as_root tee "$home/config/elasticsearch.yml" >/dev/null <<YML
cluster.name: portal
node.name: portal-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
path.data: $STATE_DIR/es-data
path.logs: $STATE_DIR/es-logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
  as_root mkdir -p "$STATE_DIR/es-data" "$STATE_DIR/es-logs"
  as_root chown -R "$ES_USER" "$home" "$STATE_DIR/es-data" "$STATE_DIR/es-logs"
  local java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  log "starting Elasticsearch $ES_VERSION (heap $ES_HEAP, java $java_home)"
  as_root su -s /bin/bash "$ES_USER" -c \
    "ES_JAVA_HOME='$java_home' ES_JAVA_OPTS='-Xms$ES_HEAP -Xmx$ES_HEAP' '$home/bin/elasticsearch' -d -p '$STATE_DIR/es-logs/es.pid'" \
    >"$STATE_DIR/es-console.log" 2>&1 </dev/null
  wait_for Elasticsearch 180 es_answers || { tail -n 40 "$STATE_DIR/es-console.log"; return 1; }
}

install_test_tools() {
  # Not services, but what the test suite drives: Chromium (with CJK fonts, so Korean pages
  # render in screenshots), gettext to check the translation catalogue, and a compose CLI to
  # validate docker-compose.yml.
  apt_install chromium fonts-noto-cjk gettext docker-compose
}

# Whatever a tool prints (pg_ctlcluster's "Removed stale pid file.", apt's chatter) goes to
# stderr. The daemons started here must not inherit the caller's stdout either: a caller that
# captures it, `$(bash scripts/services.sh)`, would wait for them to exit, i.e. forever.
{
  as_root mkdir -p "$STATE_DIR"
  start_postgres
  start_redis
  start_elasticsearch
  install_test_tools
} >&2

cat <<ENV
export DATABASE_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:5432/$PG_DB
export REDIS_URL=redis://127.0.0.1:6379/0
export CELERY_BROKER_URL=redis://127.0.0.1:6379/1
export ELASTICSEARCH_URL=http://127.0.0.1:$ES_PORT
export ELASTICSEARCH_VERSION=$ES_VERSION
export CHROMIUM_PATH=/usr/bin/chromium
ENV
