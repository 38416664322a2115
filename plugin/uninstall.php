<?php
/**
 * Uninstall: removes the plugin's own data, never the shop's products or tags.
 *
 * @package KalasIris
 */

declare(strict_types=1);

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/src/Uninstaller.php';
spl_autoload_register(
	static function ( string $class ): void {
		if ( 0 === strncmp( $class, 'KalasIris\\', 10 ) ) {
			$file = __DIR__ . '/src/' . str_replace( '\\', '/', substr( $class, 10 ) ) . '.php';
			if ( is_readable( $file ) ) {
				require $file;
			}
		}
	}
);

\KalasIris\Uninstaller::run();
