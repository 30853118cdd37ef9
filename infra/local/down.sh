#!/usr/bin/env bash
# Stop what infra/local/up.sh started: SIGTERM, then SIGKILL after a grace
# period (DOWN_GRACE seconds, default 30). `down.sh --purge` also deletes the
# Kafka and FerretDB data (jars, binary and logs stay; rm -rf infra/local/.run
# removes everything); `--only=kafka` or `--only=ferretdb` stops just that one.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="$HERE/.run"
PIDS="$RUN/pids"
GRACE="${DOWN_GRACE:-30}"

purge=0
only=""
for arg in "$@"; do
  case "$arg" in
    --purge) purge=1 ;;
    --only=kafka|--only=ferretdb) only="${arg#--only=}" ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "[down] unknown argument: $arg (--purge, --only=kafka, --only=ferretdb)" >&2; exit 2 ;;
  esac
done

log() { printf '[down] %s\n' "$*"; }

# stop NAME PIDFILE PATTERN
stop() {
  local name="$1" pidfile="$2" pattern="$3" pid i
  if [[ ! -f "$pidfile" ]]; then
    log "$name not running"
    return 0
  fi
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if ! [[ "$pid" =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null \
     || ! [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"$pattern"* ]]; then
    log "$name not running (removing stale pid file)"
    rm -f "$pidfile"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < GRACE * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop within ${GRACE}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 25; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$pidfile"
  log "$name stopped"
}

[[ "$only" == kafka ]] || stop FerretDB "$PIDS/ferretdb.pid" ferretdb-local
[[ "$only" == ferretdb ]] || stop Kafka "$PIDS/kafka.pid" kafka.Kafka

if (( purge )); then
  log "purging data: ${RUN}/kafka/{data,cluster-id}, ${RUN}/ferretdb"
  rm -rf "$RUN/kafka/data" "$RUN/kafka/cluster-id" "$RUN/ferretdb"
fi
