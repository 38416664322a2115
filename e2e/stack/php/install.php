<?php
/**
 * Installs WordPress without the browser wizard (what `wp core install` does).
 * Usage: php install.php <admin password>. Does nothing when the site is installed already.
 */

define( 'WP_INSTALLING', true );
require_once __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if ( is_blog_installed() ) {
	echo "WordPress already installed\n";
	exit( 0 );
}
$password = $argv[1] ?? '';
if ( strlen( $password ) < 12 ) {
	kalas_fail( 'install.php needs the admin password as its argument' );
}
$result = wp_install( 'Kalas Iris e2e shop', 'admin', 'admin@example.test', false, '', wp_slash( $password ), 'en_US' );
if ( is_wp_error( $result ) ) {
	kalas_fail( $result->get_error_message() );
}
echo "WordPress installed\n";
