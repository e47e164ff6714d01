#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, CI and trying the PostgreSQL setup on one machine.
#   scripts/pg-cluster.sh start [dir] [port]   initdb (first time) + start; prints the DATABASE_URL
#   scripts/pg-cluster.sh stop  [dir]
#   scripts/pg-cluster.sh url   [dir] [port]
# Local connections are trusted (loopback only): never use this for a real installation.
# Runs the server as the "postgres" user when started as root (initdb refuses root).
set -euo pipefail
cmd="${1:-}"
dir="${2:-${PG_CLUSTER_DIR:-/tmp/pg-workbench}}"
port="${3:-${PG_CLUSTER_PORT:-55432}}"
database="${PG_CLUSTER_DATABASE:-workbench}"

bin="${PG_BIN:-}"
if [ -z "$bin" ]; then
  for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && bin="$candidate"; done
fi
if [ -z "$bin" ] && [ "$cmd" = start ] && [ "$(id -u)" = 0 ]; then
  echo "[pg-cluster] installing Debian's postgresql" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && bin="$candidate"; done
fi
[ -n "$bin" ] || { echo "[pg-cluster] no PostgreSQL binaries (set PG_BIN)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
url="postgresql://postgres@127.0.0.1:${port}/${database}"

case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      # fsync stays on: the kill tests rely on acknowledged commits surviving.
      as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB" start >/dev/null
    fi
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 ||
      as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE $database" >/dev/null
    echo "$url"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  url)
    echo "$url"
    ;;
  *)
    echo "usage: $0 start|stop|url [dir] [port]" >&2
    exit 2
    ;;
esac
