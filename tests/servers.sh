#!/usr/bin/env bash
# Starts (or stops) the Redis and PostgreSQL servers the tests use, on loopback ports of
# their own, with data in a folder of their own. PostgreSQL refuses to run as root, so it
# runs as the "postgres" user (created by the Debian package).
#   tests/servers.sh install [redis] [postgres] [chromium] [nginx] [wrk] [sqlmap] | start | stop | status | env
#   tests/servers.sh postgres-start | postgres-stop: PostgreSQL alone; with PLATFORM_TEST_PG_PORT and
#   PLATFORM_TEST_SERVERS_DIR set, a private server a fault test may stop without disturbing others.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN_DIR="${PLATFORM_TEST_SERVERS_DIR:-/tmp/platform-test-servers}"
REDIS_PORT="${PLATFORM_TEST_REDIS_PORT:-6391}"
PG_PORT="${PLATFORM_TEST_PG_PORT:-5441}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# install [redis] [postgres] [chromium] [nginx] [wrk] [sqlmap]: the named packages (default the two servers)
# when they are missing. chromium is the browser tests/Portal.BrowserTests drives (by path, headless);
# sqlmap is the injection scanner tests/Security.Tests runs against the public search and feedback.
install() {
  local wanted=("$@") missing=()
  [ ${#wanted[@]} -gt 0 ] || wanted=(redis postgres)
  for server in "${wanted[@]}"; do
    case "$server" in
      redis) command -v redis-server >/dev/null || missing+=(redis-server) ;;
      postgres) { [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ]; } || missing+=(postgresql) ;;
      chromium) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
      # The gateway benchmark's peer (a reverse proxy) and its load generator (make bench).
      nginx) [ -x /usr/sbin/nginx ] || missing+=(nginx) ;;
      wrk) command -v wrk >/dev/null || missing+=(wrk) ;;
      sqlmap) [ -x /usr/bin/sqlmap ] || missing+=(sqlmap) ;;
    esac
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages" >&2
    as_root apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  fi
}

start() {
  install
  mkdir -p "$RUN_DIR/redis"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$RUN_DIR/redis" \
      --appendonly yes --save "" --daemonize yes --logfile "$RUN_DIR/redis/redis.log"
  fi
  postgres_start
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
  env_vars
}

postgres_start() {
  mkdir -p "$RUN_DIR"
  local pg_data="$RUN_DIR/pg"
  local pg_user
  if [ "$(id -u)" != 0 ]; then
    pg_user="$(id -un)"
  elif id postgres >/dev/null 2>&1; then
    pg_user=postgres
  else
    # PostgreSQL refuses to run as root; the package normally creates "postgres".
    id platform-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin platform-pg
    pg_user=platform-pg
  fi
  run_pg() { if [ "$(id -u)" = 0 ]; then su "$pg_user" -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
  if [ ! -s "$pg_data/PG_VERSION" ]; then
    mkdir -p "$pg_data"
    [ "$(id -u)" = 0 ] && chown -R "$pg_user" "$RUN_DIR" && chmod 755 "$RUN_DIR"
    local pwfile="$RUN_DIR/pgpass.txt"
    echo platform > "$pwfile"; [ "$(id -u)" = 0 ] && chown "$pg_user" "$pwfile"
    run_pg "$PG_BIN/initdb -D '$pg_data' -U platform --pwfile='$pwfile' -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >'$RUN_DIR/initdb.log'"
  fi
  if ! run_pg "$PG_BIN/pg_ctl -D '$pg_data' status" >/dev/null 2>&1; then
    run_pg "$PG_BIN/pg_ctl -D '$pg_data' -l '$RUN_DIR/pg.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$RUN_DIR' -c max_connections=300 -c fsync=off\" start" >/dev/null
  fi
}

stop() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  postgres_stop
}

postgres_stop() {
  if [ -s "$RUN_DIR/pg/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then su "$(stat -c %U "$RUN_DIR/pg")" -s /bin/bash -c "$PG_BIN/pg_ctl -D '$RUN_DIR/pg' -m fast stop" >/dev/null || true
    else "$PG_BIN/pg_ctl" -D "$RUN_DIR/pg" -m fast stop >/dev/null || true; fi
  fi
}

# Exit 0 when both servers answer (a developer's, or an earlier run's).
status() {
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || return 1
  [ -n "$PG_BIN" ] && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null
}

env_vars() {
  echo "export PLATFORM_TEST_REDIS=127.0.0.1:$REDIS_PORT"
  echo "export PLATFORM_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=platform;Password=platform'"
}

case "${1:-}" in
  install) shift; install "$@" ;;
  start) start ;;
  stop) stop ;;
  env) env_vars ;;
  status) status ;;
  postgres-start) install postgres; postgres_start ;;
  postgres-stop) postgres_stop ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
