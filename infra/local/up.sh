#!/usr/bin/env bash
# Start the local infrastructure of the distributed form: a single-node KRaft
# Kafka and FerretDB (MongoDB wire protocol on SQLite). Idempotent: fetches,
# builds, formats and starts only what is missing or not running.
#
# Everything (jars, binary, data, pid files, logs) lives under infra/local/.run/.
# Environment knobs: READY_TIMEOUT (seconds, default 120), KAFKA_HEAP_OPTS.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INFRA="$(dirname "$HERE")"
ROOT="$(dirname "$INFRA")"
RUN="$HERE/.run"
LOGS="$RUN/logs"
PIDS="$RUN/pids"

KAFKA_DIR="$RUN/kafka"
KAFKA_LIB="$KAFKA_DIR/lib"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_CONF="$KAFKA_DIR/server.properties"
KAFKA_PID="$PIDS/kafka.pid"
KAFKA_HOST=127.0.0.1 KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093

FERRET_BIN="$RUN/bin/ferretdb-local"
FERRET_DATA="$RUN/ferretdb/data"
FERRET_PID="$PIDS/ferretdb.pid"
MONGO_HOST=127.0.0.1 MONGO_PORT=27017

KAFKA_BROKERS="$KAFKA_HOST:$KAFKA_PORT"
MONGO_URL="mongodb://$MONGO_HOST:$MONGO_PORT/"
READY_TIMEOUT="${READY_TIMEOUT:-120}"

log() { printf '[up] %s\n' "$*"; }
die() { printf '[up] ERROR: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not on PATH"; }

# Byte offsets of the service logs when this run started them, so that a
# failure shows this run's lines only.
declare -A LOG_START=()
mark_logs() { local f; for f in "$@"; do LOG_START[$f]=$(stat -c %s "$f" 2>/dev/null || echo 0); done; }

# show_tail FILE...: print the last lines (written by this run) of each log file.
show_tail() {
  local f lines
  for f in "$@"; do
    [[ -s "$f" ]] || continue
    lines="$(tail -c +"$(( ${LOG_START[$f]:-0} + 1 ))" "$f" | tail -n 40)"
    [[ -n "$lines" ]] || continue
    printf -- '----- last 40 lines of %s -----\n%s\n' "$f" "$lines" >&2
  done
}

# running PIDFILE PATTERN: true if the pid file names a live process whose
# command line contains PATTERN (guards against reused pids). Removes stale files.
running() {
  local pidfile="$1" pattern="$2" pid
  [[ -f "$pidfile" ]] || return 1
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
     && [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$pattern"* ]]; then
    return 0
  fi
  rm -f "$pidfile"
  return 1
}

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

mkdir -p "$LOGS" "$PIDS" "$KAFKA_DIR" "$RUN/bin" "$FERRET_DATA"

# ---------------------------------------------------------------- Kafka jars
# Re-fetched when missing or when infra/kafka/pom.xml changed since.
KAFKA_STAMP="$KAFKA_LIB/.complete"
if [[ ! -f "$KAFKA_STAMP" || "$INFRA/kafka/pom.xml" -nt "$KAFKA_STAMP" ]]; then
  need mvn
  log "fetching Kafka jars with Maven into ${KAFKA_LIB#"$ROOT"/} (log: ${LOGS#"$ROOT"/}/mvn.log)"
  rm -rf "$KAFKA_LIB"
  if ! mvn -q -B -f "$INFRA/kafka/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB" >"$LOGS/mvn.log" 2>&1; then
    show_tail "$LOGS/mvn.log"
    die "could not fetch the Kafka jars"
  fi
  touch "$KAFKA_STAMP"
fi

# ----------------------------------------------------------- FerretDB binary
# Rebuilt when missing or when the Go sources changed since.
stale_bin=0
[[ -x "$FERRET_BIN" ]] || stale_bin=1
for f in "$INFRA"/ferretdb/main.go "$INFRA"/ferretdb/go.mod "$INFRA"/ferretdb/go.sum "$INFRA"/ferretdb/build.sh; do
  if [[ "$f" -nt "$FERRET_BIN" ]]; then stale_bin=1; fi
done
if (( stale_bin )); then
  need go
  log "building FerretDB into ${FERRET_BIN#"$ROOT"/} (first build takes a few minutes; log: ${LOGS#"$ROOT"/}/ferretdb-build.log)"
  if ! "$INFRA/ferretdb/build.sh" "$FERRET_BIN.tmp" >"$LOGS/ferretdb-build.log" 2>&1; then
    show_tail "$LOGS/ferretdb-build.log"
    die "could not build FerretDB"
  fi
  mv -f "$FERRET_BIN.tmp" "$FERRET_BIN"
fi

# ------------------------------------------------------ Kafka config + format
need java
JAVA_LOG_OPTS=(-Dlog4j2.configurationFile="$INFRA/kafka/log4j2.properties" -Dkafka.logs.dir="$LOGS")
TOOL_OPTS=("${JAVA_LOG_OPTS[@]}" -Dkafka.log.name=kafka-tools)

# The effective config: the committed template with log.dirs made absolute.
sed -e "s|^log\.dirs=.*|log.dirs=$KAFKA_DATA|" "$INFRA/kafka/server.properties" >"$KAFKA_CONF.new"
if cmp -s "$KAFKA_CONF.new" "$KAFKA_CONF"; then rm -f "$KAFKA_CONF.new"; else mv -f "$KAFKA_CONF.new" "$KAFKA_CONF"; fi

if [[ ! -f "$KAFKA_DATA/meta.properties" ]]; then
  mark_logs "$LOGS/kafka-format.log"
  if [[ ! -s "$KAFKA_DIR/cluster-id" ]]; then
    java -cp "$KAFKA_LIB/*" "${TOOL_OPTS[@]}" kafka.tools.StorageTool random-uuid \
      2>>"$LOGS/kafka-format.log" | tail -n 1 >"$KAFKA_DIR/cluster-id.new"
    [[ -s "$KAFKA_DIR/cluster-id.new" ]] || { show_tail "$LOGS/kafka-format.log"; die "could not generate a Kafka cluster id"; }
    mv -f "$KAFKA_DIR/cluster-id.new" "$KAFKA_DIR/cluster-id"
  fi
  log "formatting Kafka storage (cluster id $(cat "$KAFKA_DIR/cluster-id"))"
  if ! java -cp "$KAFKA_LIB/*" "${TOOL_OPTS[@]}" kafka.tools.StorageTool format --standalone \
        -t "$(cat "$KAFKA_DIR/cluster-id")" -c "$KAFKA_CONF" >>"$LOGS/kafka-format.log" 2>&1; then
    show_tail "$LOGS/kafka-format.log"
    die "could not format the Kafka storage"
  fi
fi

# -------------------------------------------------------------------- start
started_kafka=0 started_ferret=0

if running "$KAFKA_PID" kafka.Kafka; then
  log "Kafka already running (pid $(cat "$KAFKA_PID"))"
else
  started_kafka=1
fi
if running "$FERRET_PID" ferretdb-local; then
  log "FerretDB already running (pid $(cat "$FERRET_PID"))"
else
  started_ferret=1
fi

# Refuse to start next to a foreign process holding one of our ports.
busy=()
if (( started_kafka )); then
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$KAFKA_HOST" "$p"; then busy+=("$KAFKA_HOST:$p"); fi
  done
fi
if (( started_ferret )) && port_open "$MONGO_HOST" "$MONGO_PORT"; then
  busy+=("$MONGO_HOST:$MONGO_PORT")
fi
if (( ${#busy[@]} )); then
  die "port(s) ${busy[*]} in use by a process not started by up.sh; stop it first"
fi

if (( started_kafka )); then
  log "starting Kafka (log: ${LOGS#"$ROOT"/}/kafka.log)"
  mark_logs "$LOGS/kafka.log" "$LOGS/kafka.stdout.log"
  # shellcheck disable=SC2086
  nohup setsid java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true "${JAVA_LOG_OPTS[@]}" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONF" \
    >>"$LOGS/kafka.stdout.log" 2>&1 </dev/null &
  echo $! >"$KAFKA_PID"
fi

if (( started_ferret )); then
  log "starting FerretDB (log: ${LOGS#"$ROOT"/}/ferretdb.log)"
  mark_logs "$LOGS/ferretdb.log"
  nohup setsid "$FERRET_BIN" -listen "$MONGO_HOST:$MONGO_PORT" -data "$FERRET_DATA" \
    >>"$LOGS/ferretdb.log" 2>&1 </dev/null &
  echo $! >"$FERRET_PID"
fi

# -------------------------------------------------------------------- ready
# Probes: a kafkajs metadata request and a mongodb ping (ready.cjs), using the
# repository's node_modules; without them, Kafka's TopicCommand / a TCP connect.
have_node_modules=0
if command -v node >/dev/null 2>&1 && [[ -d "$ROOT/node_modules/kafkajs" && -d "$ROOT/node_modules/mongodb" ]]; then
  have_node_modules=1
fi
kafka_ready() {
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || return 1
  if (( have_node_modules )); then
    node "$HERE/ready.cjs" kafka "$KAFKA_BROKERS" 2>>"$LOGS/ready.log"
  else
    java -cp "$KAFKA_LIB/*" "${TOOL_OPTS[@]}" org.apache.kafka.tools.TopicCommand \
      --bootstrap-server "$KAFKA_BROKERS" --list >/dev/null 2>>"$LOGS/ready.log"
  fi
}
mongo_ready() {
  port_open "$MONGO_HOST" "$MONGO_PORT" || return 1
  if (( have_node_modules )); then
    node "$HERE/ready.cjs" mongo "$MONGO_URL" 2>>"$LOGS/ready.log"
  fi
}

# wait_ready NAME PIDFILE PATTERN PROBE LOG...
wait_ready() {
  local name="$1" pidfile="$2" pattern="$3" probe="$4"; shift 4
  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$probe"; do
    if ! running "$pidfile" "$pattern"; then
      show_tail "$@"
      die "$name exited during startup (see the log above)"
    fi
    if (( SECONDS >= deadline )); then
      show_tail "$@"
      die "$name not ready after ${READY_TIMEOUT}s (still running, pid $(cat "$pidfile"); stop it with infra/local/down.sh)"
    fi
    sleep 1
  done
}

t0=$SECONDS
wait_ready Kafka "$KAFKA_PID" kafka.Kafka kafka_ready "$LOGS/kafka.log" "$LOGS/kafka.stdout.log"
if (( started_kafka )); then log "Kafka ready on $KAFKA_BROKERS ($((SECONDS - t0))s)"; fi
t0=$SECONDS
wait_ready FerretDB "$FERRET_PID" ferretdb-local mongo_ready "$LOGS/ferretdb.log"
if (( started_ferret )); then log "FerretDB ready on $MONGO_URL ($((SECONDS - t0))s)"; fi

cat <<MSG
[up] local infrastructure is up. Export:
export KAFKA_BROKERS=$KAFKA_BROKERS
export MONGO_URL=$MONGO_URL
MSG
