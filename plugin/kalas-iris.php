<?php
/**
 * Plugin Name:       Kalas Iris
 * Plugin URI:        https://github.com/kalas-iris/kalas-iris
 * Description:       Tags clothing products from their photos (category, attributes, colours) and shows visually similar products. Uses the Kalas Iris companion service.
 * Version:           0.1.0
 * Requires at least: 6.7
 * Requires PHP:      8.1
 * Requires Plugins:  woocommerce
 * Author:            Kalas Iris contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       kalas-iris
 * WC requires at least: 9.0
 * WC tested up to:   9.9
 *
 * @package KalasIris
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

const KALAS_IRIS_VERSION = '0.1.0';
const KALAS_IRIS_FILE    = __FILE__;
const KALAS_IRIS_MIN_PHP = '8.1';

// PSR-4: KalasIris\Foo\Bar lives in src/Foo/Bar.php. No Composer, so the plugin ships as plain files.
spl_autoload_register(
	static function ( string $class ): void {
		$prefix = 'KalasIris\\';
		if ( 0 !== strncmp( $class, $prefix, strlen( $prefix ) ) ) {
			return;
		}
		$file = __DIR__ . '/src/' . str_replace( '\\', '/', substr( $class, strlen( $prefix ) ) ) . '.php';
		if ( is_readable( $file ) ) {
			require $file;
		}
	}
);

/**
 * Shows an admin notice when the plugin cannot run, instead of a fatal error.
 *
 * @param string $message Plain-text reason.
 */
function kalas_iris_requirement_notice( string $message ): void {
	add_action(
		'admin_notices',
		static function () use ( $message ): void {
			printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $message ) );
		}
	);
}

if ( version_compare( PHP_VERSION, KALAS_IRIS_MIN_PHP, '<' ) ) {
	kalas_iris_requirement_notice(
		sprintf( 'Kalas Iris needs PHP %s or newer; this site runs %s.', KALAS_IRIS_MIN_PHP, PHP_VERSION )
	);
	return;
}

// Compatibility must be declared before WooCommerce initialises its feature controller.
add_action(
	'before_woocommerce_init',
	static function (): void {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', KALAS_IRIS_FILE, true );
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'product_block_editor', KALAS_IRIS_FILE, true );
			// The plugin adds nothing to cart or checkout.
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', KALAS_IRIS_FILE, true );
		}
	}
);

// Everything else waits for WooCommerce; "Requires Plugins" stops activation without it,
// but a site can still deactivate WooCommerce later.
add_action(
	'plugins_loaded',
	static function (): void {
		if ( ! did_action( 'woocommerce_loaded' ) && ! class_exists( 'WooCommerce' ) ) {
			kalas_iris_requirement_notice( 'Kalas Iris needs WooCommerce to be active.' );
			return;
		}
		( new \KalasIris\Plugin( __DIR__, plugins_url( '', KALAS_IRIS_FILE ) ) )->register();
	},
	20
);
