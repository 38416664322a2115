<?php
/**
 * In-memory products.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

use KalasIris\Products\ProductGateway;
use KalasIris\Products\ProductInfo;

/**
 * Behaves like the WooCommerce gateway, including the hooks a real product save fires,
 * so loop-prevention tests see what a real save would trigger.
 */
final class FakeProducts implements ProductGateway {

	/** @var array<int, array<string, list<string>>> product => taxonomy => names */
	public array $terms = array();

	/** @var array<int, list<string>> */
	public array $variation_attributes = array();

	/** @var array<int, list<int>> */
	public array $variations = array();

	/** @var array<int, int> */
	public array $parents = array();

	/** @var int How many saves change_terms did. */
	public int $saves = 0;

	/**
	 * Adds a product with a main image.
	 *
	 * @param int $id       Id.
	 * @param int $image_id Attachment id, 0 for none.
	 * @param int $parent   Parent id for variations.
	 */
	public function add( int $id, int $image_id, int $parent = 0 ): void {
		Wp::post( $id, $parent > 0 ? 'product_variation' : 'product' );
		if ( $image_id > 0 ) {
			Wp::$meta[ $id ]['_thumbnail_id'] = $image_id;
		}
		if ( $parent > 0 ) {
			$this->parents[ $id ]        = $parent;
			$this->variations[ $parent ][] = $id;
		}
	}

	/**
	 * Sets a product's catalog visibility the way WooCommerce stores it: as product_visibility terms.
	 *
	 * @param int    $id         Product id.
	 * @param string $visibility visible, catalog, search or hidden.
	 */
	public static function set_catalog_visibility( int $id, string $visibility ): void {
		$terms = array(
			'visible' => array(),
			'catalog' => array( 'exclude-from-search' ),
			'search'  => array( 'exclude-from-catalog' ),
			'hidden'  => array( 'exclude-from-catalog', 'exclude-from-search' ),
		);
		Wp::$posts[ $id ]['terms']['product_visibility'] = $terms[ $visibility ];
	}

	public function find( int $product_id ): ?ProductInfo {
		if ( ! isset( Wp::$posts[ $product_id ] ) ) {
			return null;
		}
		$excluded = Wp::$posts[ $product_id ]['terms']['product_visibility'] ?? array();
		$catalog  = in_array( 'exclude-from-catalog', $excluded, true );
		$search   = in_array( 'exclude-from-search', $excluded, true );
		return new ProductInfo(
			$product_id,
			$this->parents[ $product_id ] ?? 0,
			Wp::$posts[ $product_id ]['status'],
			'Product ' . $product_id,
			'https://shop.test/?p=' . $product_id,
			(int) ( Wp::$meta[ $product_id ]['_thumbnail_id'] ?? 0 ),
			array(),
			'' !== ( Wp::$posts[ $product_id ]['password'] ?? '' ),
			$catalog && $search ? 'hidden' : ( $catalog ? 'search' : ( $search ? 'catalog' : 'visible' ) )
		);
	}

	public function variation_ids( int $product_id ): array {
		return $this->variations[ $product_id ] ?? array();
	}

	public function terms( int $product_id, array $taxonomies ): array {
		$out = array();
		foreach ( $taxonomies as $taxonomy ) {
			$out[ $taxonomy ] = $this->terms[ $product_id ][ $taxonomy ] ?? array();
		}
		return $out;
	}

	public function is_variation_attribute( int $product_id, string $taxonomy ): bool {
		return in_array( $taxonomy, $this->variation_attributes[ $product_id ] ?? array(), true );
	}

	public function change_terms( int $product_id, array $add, array $remove ): void {
		foreach ( $remove as $taxonomy => $names ) {
			$lower                                  = array_map( 'mb_strtolower', $names );
			$this->terms[ $product_id ][ $taxonomy ] = array_values(
				array_filter(
					$this->terms[ $product_id ][ $taxonomy ] ?? array(),
					static fn( string $n ): bool => ! in_array( mb_strtolower( $n ), $lower, true )
				)
			);
		}
		foreach ( $add as $taxonomy => $names ) {
			$this->terms[ $product_id ][ $taxonomy ] = array_merge( $this->terms[ $product_id ][ $taxonomy ] ?? array(), $names );
		}
		++$this->saves;
		// What WC_Product::save() triggers: its meta writes and the update action.
		update_post_meta( $product_id, '_thumbnail_id', Wp::$meta[ $product_id ]['_thumbnail_id'] ?? 0 );
		do_action( 'woocommerce_update_product', $product_id );
	}
}
