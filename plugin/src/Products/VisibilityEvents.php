<?php
/**
 * Keeps the similar-items index to what shoppers can see.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * The service tells anyone who asks for similar items (its public try-it page too) each
 * match's name, permalink and photo, so a draft, private, scheduled, password-protected or
 * hidden product in its index is an unreleased product made public. Drafts are still
 * annotated, so their labels are ready on publication; this class notices when a product
 * becomes visible to shoppers, and has it indexed, or stops being visible, and has it removed.
 *
 * Whether shoppers can see a product changes with its post status and password (every post
 * save, WooCommerce's or not, and a scheduled post publishing, end in `transition_post_status`)
 * and with its catalog visibility, a taxonomy WooCommerce writes after the post row, before its
 * `woocommerce_new_product` / `woocommerce_update_product`. A save fires several of these, and
 * `transition_post_status` comes before WooCommerce has written the terms: a draft published
 * and hidden in one save looks visible there. So no hook decides: each asks for one look at the
 * product once the request has finished writing ({@see ProductEvents::later()}), which compares
 * what shoppers can see then with what the plugin last saw (AnnotationMeta::VISIBLE). One save
 * yields at most one index job or one removal, from the state the save left.
 */
final class VisibilityEvents {

	/**
	 * @param ProductEvents  $events   Enqueues indexing and removal.
	 * @param ProductGateway $products Reads the product as WooCommerce sees it.
	 * @param AnnotationMeta $meta     Plugin meta.
	 */
	public function __construct(
		private ProductEvents $events,
		private ProductGateway $products,
		private AnnotationMeta $meta
	) {
	}

	/**
	 * Hooks the listeners.
	 */
	public function register(): void {
		add_action( 'transition_post_status', array( $this, 'on_status_change' ), 10, 3 );
		add_action( 'woocommerce_new_product', array( $this, 'check' ), 10, 1 );
		add_action( 'woocommerce_update_product', array( $this, 'check' ), 10, 1 );
	}

	/**
	 * A post was saved or changed status (the status may be the same: WordPress calls this on
	 * every save, when the password may have changed).
	 *
	 * @param string $new_status New status.
	 * @param string $old_status Old status.
	 * @param object $post       WP_Post.
	 */
	public function on_status_change( $new_status, $old_status, $post ): void {
		// A post being created has no product data yet: woocommerce_new_product follows, and a
		// product created outside WooCommerce is looked at on its next change.
		if ( 'new' !== $old_status && isset( $post->ID ) && 'product' === get_post_type( (int) $post->ID ) ) {
			$this->check( (int) $post->ID );
		}
	}

	/**
	 * Has the product looked at once the request has finished writing.
	 *
	 * @param int|string $product_id Product id.
	 */
	public function check( $product_id ): void {
		$product_id = (int) $product_id;
		if ( $product_id > 0 ) {
			$this->events->later( 'visibility:' . $product_id, fn() => $this->decide( $product_id ) );
		}
	}

	/**
	 * Indexes or removes the product when whether shoppers can see it changed.
	 *
	 * @param int $product_id Product id.
	 */
	private function decide( int $product_id ): void {
		$product = $this->products->find( $product_id );
		if ( null === $product || $product->is_variation() ) {
			return;
		}
		$visible = $product->is_indexable();
		$seen    = (string) get_post_meta( $product_id, AnnotationMeta::VISIBLE, true );
		// Not looked at since the plugin started keeping track: what the index holds says.
		$was = '' === $seen ? $this->meta->is_indexed( $product_id ) : '1' === $seen;
		if ( '' === $seen || $visible !== $was ) {
			update_post_meta( $product_id, AnnotationMeta::VISIBLE, $visible ? '1' : '0' );
		}
		if ( $visible === $was ) {
			return;
		}
		if ( $visible ) {
			$this->events->index( $product_id );
		} else {
			$this->events->unindex( $product_id );
		}
	}
}
