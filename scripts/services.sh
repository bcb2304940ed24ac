#!/usr/bin/env bash
# Installs and starts the portal's backing services on a Debian machine without Docker:
# PostgreSQL, Redis and Elasticsearch 8 (the minimal distribution from Maven Central): one
# node by default, an N-node cluster with ES_NODES=N; plus the tools the tests drive
# (Chromium, gettext, a compose CLI).
# Idempotent: a second call finds everything running (and restarts a cluster node that is
# not) and only prints the environment to use.
#
#   eval "$(bash scripts/services.sh)"      # exports DATABASE_URL, REDIS_URL, ...
#   ES_NODES=3 ES_PORT=9201 ES_TRANSPORT_PORT=9301 ES_CLUSTER_NAME=portal-cluster \
#     PORTAL_SERVICES_DIR=/var/lib/portal-services/cluster bash scripts/services.sh
#       # a three-node cluster beside the single node: HTTP 9201-9203, transport 9301-9303
#
# Progress goes to stderr; stdout carries only `export` lines.
set -euo pipefail

ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9200}"
ES_NODES="${ES_NODES:-1}"
ES_TRANSPORT_PORT="${ES_TRANSPORT_PORT:-9300}"  # a cluster's nodes: this port and the next ones
ES_CLUSTER_NAME="${ES_CLUSTER_NAME:-portal}"
# Two cores for everything: one node gets 512m, each node of a cluster 384m.
if [ "$ES_NODES" -gt 1 ]; then ES_HEAP="${ES_HEAP:-384m}"; else ES_HEAP="${ES_HEAP:-512m}"; fi
ES_USER="${ES_USER:-elasticsearch}"
STATE_DIR="${PORTAL_SERVICES_DIR:-/var/lib/portal-services}"
# The unpacked distribution; a cluster in another state directory may reuse one (read only).
ES_HOME="${ES_HOME:-$STATE_DIR/elasticsearch-$ES_VERSION}"
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

es_answers() {  # es_answers PORT [STATUS]
  curl -fsS "http://127.0.0.1:$1/_cluster/health?wait_for_status=${2:-yellow}&timeout=1s"
}
es_hosts() {  # every node's HTTP address, comma-separated
  local hosts=()
  for i in $(seq 0 $((ES_NODES - 1))); do hosts+=("http://127.0.0.1:$((ES_PORT + i))"); done
  (IFS=,; echo "${hosts[*]}")
}

install_elasticsearch() {
  apt_install curl unzip maven default-jre-headless
  if [ ! -x "$ES_HOME/bin/elasticsearch" ]; then
    local download="$STATE_DIR/download"
    as_root mkdir -p "$download"
    log "fetching Elasticsearch $ES_VERSION from Maven Central"
    as_root mvn -q dependency:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$download" >&2
    as_root unzip -q -o "$download/elasticsearch-$ES_VERSION.zip" -d "$(dirname "$ES_HOME")"
  fi
  id "$ES_USER" >/dev/null 2>&1 || as_root useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
}

start_elasticsearch() {
  if [ "$ES_NODES" -gt 1 ]; then start_elasticsearch_cluster; return; fi
  if es_answers "$ES_PORT" >/dev/null 2>&1; then log "Elasticsearch already running"; return 0; fi
  install_elasticsearch
  local home="$ES_HOME"
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
  wait_for Elasticsearch 180 es_answers "$ES_PORT" || { tail -n 40 "$STATE_DIR/es-console.log"; return 1; }
}

# A cluster: node i (1..ES_NODES) has its own directory $STATE_DIR/es-node-i with its config
# (ES_PATH_CONF: the distribution stays shared and untouched), data, logs, pid file and the
# start script services.sh ran, which also restarts it (the failover test does).
start_elasticsearch_cluster() {
  install_elasticsearch
  local java_home seeds=() masters=() started=()
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  for i in $(seq 1 "$ES_NODES"); do
    seeds+=("127.0.0.1:$((ES_TRANSPORT_PORT + i - 1))")
    masters+=("$ES_CLUSTER_NAME-$i")
  done
  for i in $(seq 1 "$ES_NODES"); do
    local port=$((ES_PORT + i - 1)) dir="$STATE_DIR/es-node-$i"
    if es_answers "$port" red >/dev/null 2>&1; then log "Elasticsearch node $i ($port) already running"; continue; fi
    as_root mkdir -p "$dir/config" "$dir/data" "$dir/logs"
    as_root cp -rn "$ES_HOME/config/." "$dir/config/"
    as_root tee "$dir/config/elasticsearch.yml" >/dev/null <<YML
cluster.name: $ES_CLUSTER_NAME
node.name: $ES_CLUSTER_NAME-$i
network.host: 127.0.0.1
http.port: $port
transport.port: $((ES_TRANSPORT_PORT + i - 1))
discovery.seed_hosts: [$(IFS=,; echo "${seeds[*]}")]
cluster.initial_master_nodes: [$(IFS=,; echo "${masters[*]}")]
path.data: $dir/data
path.logs: $dir/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
    as_root tee "$dir/start.sh" >/dev/null <<SH
#!/usr/bin/env bash
# Starts node $i of the $ES_CLUSTER_NAME cluster as scripts/services.sh did.
exec su -s /bin/bash $ES_USER -c "ES_JAVA_HOME='$java_home' ES_PATH_CONF='$dir/config' ES_JAVA_OPTS='-Xms$ES_HEAP -Xmx$ES_HEAP' '$ES_HOME/bin/elasticsearch' -d -p '$dir/logs/es.pid'" >'$dir/console.log' 2>&1 </dev/null
SH
    as_root chown -R "$ES_USER" "$dir"
    log "starting Elasticsearch node $i of $ES_NODES (HTTP $port, heap $ES_HEAP)"
    as_root bash "$dir/start.sh" & started+=("$!")
  done
  # The nodes start side by side: the first cannot elect a master before the others run.
  for pid in "${started[@]}"; do wait "$pid" || true; done
  for i in $(seq 1 "$ES_NODES"); do
    wait_for "Elasticsearch node $i" 180 es_answers "$((ES_PORT + i - 1))" \
      || { tail -n 40 "$STATE_DIR/es-node-$i/console.log" "$STATE_DIR/es-node-$i/logs/$ES_CLUSTER_NAME.log"; return 1; }
  done
  wait_for "the $ES_NODES-node cluster" 180 curl -fsS \
    "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_nodes=$ES_NODES&wait_for_status=yellow&timeout=1s"
}

install_test_tools() {
  # Not services, but what the test suite drives: Chromium (with CJK fonts, so Korean pages
  # render in screenshots), gettext to check the translation catalogue, and a compose CLI to
  # validate docker-compose.yml; Pango for WeasyPrint's evidence-pack PDFs and poppler-utils
  # to read them back in tests.
  apt_install chromium fonts-noto-cjk gettext docker-compose libpango-1.0-0 libpangoft2-1.0-0 poppler-utils
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
export ELASTICSEARCH_URL=$(es_hosts)
export ELASTICSEARCH_VERSION=$ES_VERSION
export CHROMIUM_PATH=/usr/bin/chromium
ENV
