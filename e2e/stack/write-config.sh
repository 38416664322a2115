#!/usr/bin/env bash
# Writes .stack/wordpress/wp-config.php once (salts are random per stack). Sourced settings from lib.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

config=$WP_DIR/wp-config.php
[ -f "$config" ] && grep -q "KALAS_E2E_PORT', '$WP_PORT'" "$config" && exit 0

salts=""
for name in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
  salts+="define( '$name', '$(head -c 48 /dev/urandom | base64 | tr -d "/+='\n")' );"$'\n'
done

cat > "$config" <<PHP
<?php
// Written by e2e/stack/write-config.sh for the local e2e stack. Not for production.
define( 'KALAS_E2E_PORT', '$WP_PORT' );
define( 'DB_NAME', '$DB_NAME' );
define( 'DB_USER', '$DB_USER' );
define( 'DB_PASSWORD', '$DB_PASSWORD' );
define( 'DB_HOST', '127.0.0.1:$DB_PORT' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
$salts
\$table_prefix = 'wp_';

define( 'WP_HOME', '$BASE_URL' );
define( 'WP_SITEURL', '$BASE_URL' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$LOG_DIR/wp-debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );

// Offline machine: no outside HTTP (the site itself, localhost and 127.0.0.1 stay reachable).
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ACCESSIBLE_HOSTS', 'localhost,127.0.0.1' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISALLOW_FILE_MODS', true );
// Cron is driven by the stack's job runner instead of page loads.
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
echo "[stack] wrote $config"
