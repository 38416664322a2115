<?php
/**
 * Shared start of the CLI scripts: fakes the web request WordPress expects, then loads it.
 * WP_DIR and KALAS_BASE_URL come from the environment (set by lib.sh's wp_php). Under
 * `wp eval-file` (wp-env) WordPress is loaded already and this only defines the helper.
 */

/** Prints a line to stderr and stops with status 1. */
function kalas_fail( string $message ): void {
	fwrite( STDERR, "[stack] ERROR: $message\n" );
	exit( 1 );
}

if ( defined( 'ABSPATH' ) ) {
	return;
}

$wp_dir = getenv( 'WP_DIR' );
$base   = getenv( 'KALAS_BASE_URL' );
if ( ! $wp_dir || ! $base ) {
	kalas_fail( 'WP_DIR and KALAS_BASE_URL must be set' );
}
$parts                     = parse_url( $base );
$_SERVER['HTTP_HOST']      = $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
$_SERVER['SERVER_NAME']    = $parts['host'];
$_SERVER['SERVER_PORT']    = (string) ( $parts['port'] ?? 80 );
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR']    = '127.0.0.1';

require $wp_dir . '/wp-load.php';
