<?php
/**
 * Test bootstrap: the plugin's classes plus the few WordPress functions they call,
 * backed by in-memory arrays. No WordPress or WooCommerce code is loaded.
 *
 * @package KalasIris
 */

declare(strict_types=1);

define( 'ABSPATH', __DIR__ . '/' );

spl_autoload_register(
	static function ( string $class ): void {
		foreach ( array( 'KalasIris\\Tests\\' => __DIR__ . '/support/', 'KalasIris\\' => dirname( __DIR__ ) . '/src/' ) as $prefix => $dir ) {
			if ( 0 === strncmp( $class, $prefix, strlen( $prefix ) ) ) {
				$file = $dir . str_replace( '\\', '/', substr( $class, strlen( $prefix ) ) ) . '.php';
				if ( is_readable( $file ) ) {
					require $file;
				}
				return;
			}
		}
	}
);

require __DIR__ . '/support/wp-shims.php';
