#!/usr/bin/env bash
# Starts the Docker-free e2e stack: a private MariaDB, WordPress + WooCommerce + Kalas Iris on PHP's
# built-in server, a job runner, and the companion service. Idempotent: what runs already is kept.
# Writes .stack/env (base URL, credentials, service key) for the Playwright suite.
# Sources: WP_SOURCE / WC_SOURCE (folders or zips), else the official downloads. See e2e/README.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$STACK_SCRIPTS/sources.sh"

for tool in php mariadbd mariadb-install-db mariadb curl unzip; do
  command -v "$tool" >/dev/null || die "$tool is missing; run: bash scripts/install-debian-deps.sh (packages in scripts/apt/e2e.txt)"
done
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' || die "PHP has no mysqli; install php8.2-mysql"

mkdir -p "$RUN_DIR" "$LOG_DIR" "$SERVICE_DATA"
secret() { # secret NAME: a random value kept in .stack/NAME across runs
  local f=$STACK_DIR/$1
  [ -s "$f" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$f"
  cat "$f"
}
ADMIN_PASSWORD=$(secret admin-password)

install_sources

# --- MariaDB: own datadir, socket and port; never the system instance -------------------------
if ! pid_alive mariadb; then
  if [ ! -d "$DB_DIR/mysql" ]; then
    log "initialising MariaDB in $DB_DIR"
    mkdir -p "$DB_DIR"
    mariadb-install-db --no-defaults --datadir="$DB_DIR" --user="$(id -un)" \
      --auth-root-authentication-method=socket --skip-test-db >"$LOG_DIR/mariadb-install.log" 2>&1 \
      || die "mariadb-install-db failed; see $LOG_DIR/mariadb-install.log"
  fi
  log "starting MariaDB on 127.0.0.1:$DB_PORT"
  start_bg mariadb "$LOG_DIR/mariadb.log" mariadbd --no-defaults --datadir="$DB_DIR" --user="$(id -un)" \
    --socket="$DB_SOCKET" --port="$DB_PORT" --bind-address=127.0.0.1 --pid-file="$RUN_DIR/mariadbd.pid" \
    --skip-log-bin --innodb-buffer-pool-size=128M --max-connections=100
fi
wait_for MariaDB 60 mariadb_cli -e 'SELECT 1' || die "MariaDB did not start; see $LOG_DIR/mariadb.log"
mariadb_cli -e "CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
  GRANT ALL ON $DB_NAME.* TO '$DB_USER'@'127.0.0.1';"

# --- The plugin's scripts: plugin/build/ is generated from admin-ui/ and not committed ---------------
# (A packaged plugin, KALAS_PLUGIN_ZIP, carries its own build.)
stamp=$ROOT/plugin/build/.stack-built
if [ "${KALAS_SKIP_PLUGIN:-0}" != 1 ] && [ -z "${KALAS_PLUGIN_ZIP:-}" ] && [ -f "$ROOT/admin-ui/package.json" ]; then
  if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT/admin-ui/src" -newer "$stamp" -type f -print -quit)" ]; then
    log "building the admin UI into plugin/build (npm run build -w admin-ui)"
    (cd "$ROOT" && npm run build -w admin-ui) >"$LOG_DIR/admin-ui-build.log" 2>&1 \
      || die "the admin UI build failed; see $LOG_DIR/admin-ui-build.log"
    touch "$stamp"
  fi
fi

# --- WordPress ------------------------------------------------------------------------------------
bash "$STACK_SCRIPTS/write-config.sh"

if ! pid_alive php; then
  log "starting PHP ($PHP_WORKERS workers) on $BASE_URL"
  start_bg php "$LOG_DIR/php.log" env PHP_CLI_SERVER_WORKERS="$PHP_WORKERS" php \
    -d memory_limit=512M -d upload_max_filesize=32M -d post_max_size=64M -d max_execution_time=120 \
    -d display_errors=0 -d log_errors=1 -d error_log="$LOG_DIR/php-errors.log" \
    -S "$WP_HOST:$WP_PORT" -t "$WP_DIR" "$STACK_SCRIPTS/php/router.php"
fi
wait_for "PHP server" 30 curl -fsS -o /dev/null "$BASE_URL/wp-includes/images/blank.gif" \
  || die "PHP did not start; see $LOG_DIR/php.log"

php_failed() { die "$1 failed; the cause is in $LOG_DIR/wp-debug.log and $LOG_DIR/php-errors.log"; }
wp_php install.php "$ADMIN_PASSWORD" || php_failed "installing WordPress"
wp_php activate.php woocommerce || php_failed "activating WooCommerce"
if [ "${KALAS_SKIP_PLUGIN:-0}" = 1 ]; then
  log "KALAS_SKIP_PLUGIN=1: Kalas Iris is not installed"
else
  wp_php activate.php kalas-iris || php_failed "activating Kalas Iris"
fi
CREDENTIALS=$(wp_php configure.php 2>>"$LOG_DIR/configure.log") || php_failed "configuring the shop (configure.php)"

# --- Background jobs: what a shop's system cron does (`wp action-scheduler run`) ---------------
if ! pid_alive jobs; then
  log "starting the job runner"
  start_bg jobs "$LOG_DIR/jobs.log" bash "$STACK_SCRIPTS/job-runner.sh"
fi

# --- Companion service ------------------------------------------------------------------------
SERVICE_KEY=""
SERVICE_STATE=missing
if [ -f "$ROOT/service/bin/kalas-iris.js" ]; then
  if bash "$STACK_SCRIPTS/service.sh" start; then
    SERVICE_STATE=ready
    # A key that the service no longer knows (its data was wiped) is replaced.
    if [ ! -s "$STACK_DIR/service-key" ] || ! curl -fsS -o /dev/null \
        -H "Authorization: Bearer $(cat "$STACK_DIR/service-key")" "$SERVICE_URL/v1/model"; then
      DATA_DIR="$SERVICE_DATA" node "$ROOT/service/bin/kalas-iris.js" keys create --shop "$SHOP_NAME" | tail -n 1 > "$STACK_DIR/service-key"
    fi
    SERVICE_KEY=$(cat "$STACK_DIR/service-key")
  else
    SERVICE_STATE=failed
    log "WordPress is up without the companion service"
  fi
else
  log "service/bin/kalas-iris.js not found: the companion service is not started"
fi

# --- .stack/env for the tests ----------------------------------------------------------------------
{
  echo "KALAS_BASE_URL=$BASE_URL"
  echo "KALAS_ADMIN_USER=admin"
  echo "KALAS_ADMIN_PASSWORD=$ADMIN_PASSWORD"
  echo "$CREDENTIALS"
  echo "KALAS_SERVICE_URL=$SERVICE_URL"
  echo "KALAS_SERVICE_KEY=$SERVICE_KEY"
  echo "KALAS_SERVICE_STATE=$SERVICE_STATE"
  echo "KALAS_STACK_DIR=$STACK_DIR"
  echo "KALAS_SERVICE_CONTROL=$STACK_SCRIPTS/service.sh"
} > "$STACK_DIR/env.tmp"
mv "$STACK_DIR/env.tmp" "$STACK_DIR/env"
log "ready: $BASE_URL (admin / see .stack/env); service: $SERVICE_STATE"
