<?php
/**
 * The annotation panel on the product edit screen.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Admin;

/**
 * A side meta box with the current annotation and a "Re-annotate" button (React).
 */
final class ProductMetaBox {

	/**
	 * @param Assets $assets Script loader.
	 */
	public function __construct( private Assets $assets ) {
	}

	/**
	 * Hooks the box and its script.
	 */
	public function register(): void {
		add_action( 'add_meta_boxes_product', array( $this, 'add' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Adds the box.
	 */
	public function add(): void {
		if ( current_user_can( AdminPages::CAPABILITY ) ) {
			add_meta_box( 'kalas-iris-annotation', __( 'Kalas Iris', 'kalas-iris' ), array( $this, 'render' ), 'product', 'side' );
		}
	}

	/**
	 * Prints the mount point.
	 *
	 * @param \WP_Post $post Product post.
	 */
	public function render( \WP_Post $post ): void {
		printf( '<div id="kalas-iris-product-panel" data-product-id="%d"></div>', (int) $post->ID );
	}

	/**
	 * Loads the panel on product edit screens only.
	 *
	 * @param string $hook_suffix Current screen.
	 */
	public function enqueue( string $hook_suffix ): void {
		$screen = get_current_screen();
		if ( in_array( $hook_suffix, array( 'post.php', 'post-new.php' ), true ) && $screen && 'product' === $screen->post_type && current_user_can( AdminPages::CAPABILITY ) ) {
			$this->assets->enqueue( 'product-panel' );
		}
	}
}
