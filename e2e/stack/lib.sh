# Shared settings and helpers of the stack scripts (and wp-env's after-start.sh). Sourced, not run.
# Every process the stack starts writes a pid file under .stack/run/, and is stopped by that pid only.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STACK_DIR=${KALAS_STACK_DIR:-$ROOT/.stack}
STACK_SCRIPTS=$ROOT/e2e/stack
RUN_DIR=$STACK_DIR/run
LOG_DIR=$STACK_DIR/logs
WP_DIR=$STACK_DIR/wordpress
DB_DIR=$STACK_DIR/mariadb
SERVICE_DATA=$STACK_DIR/service-data

WP_HOST=${KALAS_WP_HOST:-127.0.0.1}
WP_PORT=${KALAS_WP_PORT:-8881}
DB_PORT=${KALAS_DB_PORT:-33071}
SERVICE_PORT=${KALAS_SERVICE_PORT:-8797}
DB_SOCKET=$RUN_DIR/mariadb.sock
BASE_URL="http://$WP_HOST:$WP_PORT"
SERVICE_URL="http://127.0.0.1:$SERVICE_PORT"

# WooCommerce's background jobs call the site itself, so one PHP worker would deadlock on them.
PHP_WORKERS=${KALAS_PHP_WORKERS:-4}

DB_NAME=wordpress
DB_USER=wp
DB_PASSWORD=wp-e2e-local

# The test shop's name in the companion service: its API key's shop, and the shop the public try-it page
# (WEB_SHOP) sends corrections to, which flow 11 reviews in WordPress.
SHOP_NAME=e2e

log() { printf '[stack] %s\n' "$*"; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

# pid_alive NAME: true when .stack/run/NAME.pid names a live process.
pid_alive() {
  local f=$RUN_DIR/$1.pid
  [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# stop_pid NAME: stop the process group recorded in NAME.pid (ours only), wait, then remove the file.
stop_pid() {
  local f=$RUN_DIR/$1.pid pid
  [ -s "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $1 (pid $pid)"
    # Started with setsid, so the pid is also its process group: php -S workers and the
    # mariadbd children go with it, and nothing that is not ours is touched.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$1 did not stop in 20 s; killing pid group $pid"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

# start_bg NAME LOGFILE CMD...: start CMD in its own session, record its pid.
start_bg() {
  local name=$1 logfile=$2
  shift 2
  setsid "$@" >>"$logfile" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$name.pid"
}

# wait_for DESCRIPTION SECONDS CMD...: poll CMD until it succeeds, or fail after SECONDS.
wait_for() {
  local what=$1 secs=$2
  shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
  log "$what is up"
}

mariadb_cli() { mariadb --no-defaults --protocol=socket --socket="$DB_SOCKET" -uroot "$@"; }

# wp_php SCRIPT [ARGS]: run a PHP script of e2e/stack/php against the installed site.
wp_php() {
  local script=$1
  shift
  # display_errors off: WordPress' fatal-error page would otherwise land in captured output.
  WP_DIR="$WP_DIR" KALAS_BASE_URL="$BASE_URL" php -d memory_limit=512M -d display_errors=stderr \
    "$STACK_SCRIPTS/php/$script" "$@"
}
