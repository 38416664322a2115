<?php
/**
 * Activates one plugin by its folder name, like `wp plugin activate`. Idempotent.
 * Usage: php activate.php <folder>. One plugin per process, so WordPress re-reads the active
 * plugins and a dependent plugin ("Requires Plugins: woocommerce") sees its dependency active.
 */

require_once __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$folder = $argv[1] ?? '';
$file   = null;
foreach ( array_keys( get_plugins() ) as $candidate ) {
	if ( str_starts_with( $candidate, $folder . '/' ) ) {
		$file = $candidate;
		break;
	}
}
if ( null === $file ) {
	kalas_fail( "no plugin found in wp-content/plugins/$folder" );
}
if ( is_plugin_active( $file ) ) {
	echo "$file already active\n";
	exit( 0 );
}
$result = activate_plugin( $file );
if ( is_wp_error( $result ) ) {
	kalas_fail( "activating $file: " . $result->get_error_message() );
}
echo "$file activated\n";
