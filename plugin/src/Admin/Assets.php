<?php
/**
 * Enqueues built admin scripts.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Admin;

/**
 * Scripts come from plugin/build (built from admin-ui/ by `npm run build -w admin-ui`);
 * their dependencies and version are read from the generated *.asset.php.
 */
final class Assets {

	/**
	 * @param string $dir Plugin directory.
	 * @param string $url Plugin URL.
	 */
	public function __construct( private string $dir, private string $url ) {
	}

	/**
	 * Enqueues one entry point with the components stylesheet.
	 *
	 * @param string               $entry  Entry name, e.g. "admin".
	 * @param array<string, mixed> $config Data the script reads from window.kalasIris.
	 * @return bool False when the build is missing.
	 */
	public function enqueue( string $entry, array $config = array() ): bool {
		$asset_file = $this->dir . '/build/' . $entry . '.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			add_action(
				'admin_notices',
				static function (): void {
					echo '<div class="notice notice-error"><p>' . esc_html__( 'Kalas Iris admin scripts are missing. Run "npm run build -w admin-ui".', 'kalas-iris' ) . '</p></div>';
				}
			);
			return false;
		}
		$asset  = require $asset_file;
		$handle = 'kalas-iris-' . $entry;
		wp_enqueue_script( $handle, $this->url . '/build/' . $entry . '.js', $asset['dependencies'], $asset['version'], true );
		wp_add_inline_script( $handle, 'window.kalasIris = ' . wp_json_encode( $config ) . ';', 'before' );
		wp_set_script_translations( $handle, 'kalas-iris' );
		wp_enqueue_style( 'wp-components' );
		if ( is_readable( $this->dir . '/build/' . $entry . '.css' ) ) {
			wp_enqueue_style( $handle, $this->url . '/build/' . $entry . '.css', array( 'wp-components' ), $asset['version'] );
			wp_style_add_data( $handle, 'rtl', 'replace' );
		}
		return true;
	}
}
