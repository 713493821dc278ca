# shellcheck shell=bash
# A PgBouncer of the script's own in front of a PostgreSQL server, for scripts/with-pgbouncer, bench-runtime
# --pgbouncer and bench-jvms: generated ini and userlist in a temporary directory, a free port on 127.0.0.1,
# trust authentication. Never uses a PgBouncer that is already running.
#   pgbouncer_start MODE POOL_SIZE MAX_CLIENT_CONN USER...   sets PGBOUNCER_PORT, PGBOUNCER_DIR
#   pgbouncer_stop
# Environment: PGHOST/PGPORT of the server behind it (127.0.0.1:5432).

pgbouncer_binary() {
  local candidate
  for candidate in "$(command -v pgbouncer 2>/dev/null)" /usr/sbin/pgbouncer /usr/bin/pgbouncer /usr/local/bin/pgbouncer; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  echo "PgBouncer is not installed: apt-get install -y pgbouncer (Debian/Ubuntu; .ci/run does it)" >&2
  return 1
}

pgbouncer_start() { # mode pool-size max-client-conn user...
  local mode="$1" pool="$2" clients="$3"; shift 3
  local binary; binary="$(pgbouncer_binary)" || return 1
  PGBOUNCER_DIR="$(mktemp -d "${TMPDIR:-/tmp}/pgbouncer.XXXXXX")"
  chmod 755 "$PGBOUNCER_DIR"
  PGBOUNCER_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  local user
  : > "$PGBOUNCER_DIR/userlist.txt"
  for user in "$@"; do printf '"%s" ""\n' "$user" >> "$PGBOUNCER_DIR/userlist.txt"; done
  cat > "$PGBOUNCER_DIR/pgbouncer.ini" <<INI
[databases]
* = host=${PGHOST:-127.0.0.1} port=${PGPORT:-5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $PGBOUNCER_DIR/userlist.txt
pool_mode = $mode
default_pool_size = $pool
max_client_conn = $clients
ignore_startup_parameters = extra_float_digits
$( [ "$(id -u)" = 0 ] && echo "user = postgres" )
INI
  "$binary" "$PGBOUNCER_DIR/pgbouncer.ini" > "$PGBOUNCER_DIR/pgbouncer.log" 2>&1 &
  PGBOUNCER_PID=$!
  local _
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PGBOUNCER_PORT") 2>/dev/null; then return 0; fi
    kill -0 "$PGBOUNCER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "PgBouncer did not start:" >&2; cat "$PGBOUNCER_DIR/pgbouncer.log" >&2
  return 1
}

pgbouncer_stop() {
  if [ -n "${PGBOUNCER_PID:-}" ]; then
    kill "$PGBOUNCER_PID" 2>/dev/null || true
    wait "$PGBOUNCER_PID" 2>/dev/null || true
    PGBOUNCER_PID=""
  fi
  if [ -n "${PGBOUNCER_DIR:-}" ]; then rm -rf "$PGBOUNCER_DIR"; PGBOUNCER_DIR=""; fi
}
