<?php
/**
 * WooCommerce's own product loop markup for a list of ids.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Blocks;

/**
 * Renders ul.products with the theme's content-product template, so themes style
 * similar products like every other product grid.
 */
final class ProductListRenderer {

	/**
	 * @param list<int> $ids            Product ids, in order.
	 * @param bool      $show_price     Keep the loop price.
	 * @param bool      $show_add_to_cart Keep the loop add-to-cart button.
	 * @param string    $loop_name      wc_setup_loop name, for themes that target it.
	 */
	public function render( array $ids, bool $show_price, bool $show_add_to_cart, string $loop_name = 'kalas-iris-similar' ): string {
		if ( array() === $ids ) {
			return '';
		}
		$removed = array();
		if ( ! $show_price && false !== has_action( 'woocommerce_after_shop_loop_item_title', 'woocommerce_template_loop_price' ) ) {
			$removed[] = array( 'woocommerce_after_shop_loop_item_title', 'woocommerce_template_loop_price', 10 );
		}
		if ( ! $show_add_to_cart && false !== has_action( 'woocommerce_after_shop_loop_item', 'woocommerce_template_loop_add_to_cart' ) ) {
			$removed[] = array( 'woocommerce_after_shop_loop_item', 'woocommerce_template_loop_add_to_cart', 10 );
		}
		foreach ( $removed as [ $hook, $callback, $priority ] ) {
			remove_action( $hook, $callback, $priority );
		}

		global $post;
		$previous = $post;
		ob_start();
		wc_setup_loop(
			array(
				'name'    => $loop_name,
				'columns' => min( 4, count( $ids ) ),
			)
		);
		woocommerce_product_loop_start();
		foreach ( $ids as $id ) {
			$post = get_post( $id ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride -- the loop template reads the global post.
			setup_postdata( $post );
			wc_get_template_part( 'content', 'product' );
		}
		woocommerce_product_loop_end();
		$html = (string) ob_get_clean();
		$post = $previous; // phpcs:ignore WordPress.WP.GlobalVariablesOverride
		wp_reset_postdata();
		wc_reset_loop();

		foreach ( $removed as [ $hook, $callback, $priority ] ) {
			add_action( $hook, $callback, $priority );
		}
		return $html;
	}

	/**
	 * Ids of published, visible products among the service's answer.
	 *
	 * @param list<array<string, mixed>> $items   Similar items.
	 * @param int                        $limit   How many to keep.
	 * @param int                        $exclude A product to leave out.
	 * @return list<int>
	 */
	public static function visible_ids( array $items, int $limit, int $exclude = 0 ): array {
		$ids = array();
		foreach ( $items as $item ) {
			$id      = (int) ( $item['id'] ?? 0 );
			$product = $id > 0 && $id !== $exclude ? wc_get_product( $id ) : null;
			if ( $product instanceof \WC_Product && 'publish' === $product->get_status() && $product->is_visible() ) {
				$ids[] = $id;
			}
			if ( count( $ids ) >= $limit ) {
				break;
			}
		}
		return $ids;
	}
}
