<?php
/**
 * WooCommerce CRUD implementation of the product gateway.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * Reads and changes products only through WC_Product, so WooCommerce keeps its
 * lookup tables, attribute terms and caches in sync.
 */
final class WcProductGateway implements ProductGateway {

	/**
	 * {@inheritDoc}
	 */
	public function find( int $product_id ): ?ProductInfo {
		$product = wc_get_product( $product_id );
		if ( ! $product instanceof \WC_Product ) {
			return null;
		}
		return new ProductInfo(
			$product->get_id(),
			$product->is_type( 'variation' ) ? $product->get_parent_id() : 0,
			(string) $product->get_status(),
			(string) $product->get_name(),
			(string) $product->get_permalink(),
			(int) $product->get_image_id(),
			array_map( 'intval', $product->get_gallery_image_ids() ),
			'' !== (string) $product->get_post_password(),
			(string) $product->get_catalog_visibility()
		);
	}

	/**
	 * {@inheritDoc}
	 */
	public function variation_ids( int $product_id ): array {
		$product = wc_get_product( $product_id );
		return $product instanceof \WC_Product && $product->is_type( 'variable' )
			? array_map( 'intval', $product->get_children() )
			: array();
	}

	/**
	 * {@inheritDoc}
	 */
	public function terms( int $product_id, array $taxonomies ): array {
		// Before the product is read: WooCommerce leaves out attributes of unregistered taxonomies.
		AttributeTaxonomies::register_existing( $taxonomies );
		$product = wc_get_product( $product_id );
		$out     = array();
		if ( ! $product instanceof \WC_Product ) {
			return $out;
		}
		$attributes = $product->get_attributes();
		foreach ( $taxonomies as $taxonomy ) {
			if ( 'product_tag' === $taxonomy ) {
				$ids = $product->get_tag_ids();
			} elseif ( 'product_cat' === $taxonomy ) {
				$ids = array_diff( $product->get_category_ids(), array( (int) get_option( 'default_product_cat', 0 ) ) );
			} else {
				$attribute = $attributes[ $taxonomy ] ?? null;
				$ids       = $attribute instanceof \WC_Product_Attribute && $attribute->is_taxonomy() ? $attribute->get_options() : array();
			}
			$out[ $taxonomy ] = $this->names( array_map( 'intval', $ids ), $taxonomy );
		}
		return $out;
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_variation_attribute( int $product_id, string $taxonomy ): bool {
		AttributeTaxonomies::register_existing( array( $taxonomy ) );
		$product   = wc_get_product( $product_id );
		$attribute = $product instanceof \WC_Product ? ( $product->get_attributes()[ $taxonomy ] ?? null ) : null;
		return $attribute instanceof \WC_Product_Attribute && $attribute->get_variation();
	}

	/**
	 * {@inheritDoc}
	 */
	public function change_terms( int $product_id, array $add, array $remove ): void {
		$taxonomies = array_values( array_unique( array_merge( array_keys( $add ), array_keys( $remove ) ) ) );
		// Registered before the product is read, or the save would drop the attributes of
		// taxonomies created since this request started: the product's own, and those to change.
		AttributeTaxonomies::register_existing( array_map( 'strval', array_keys( (array) get_post_meta( $product_id, '_product_attributes', true ) ) ) );
		$attribute_ids = array();
		foreach ( $taxonomies as $taxonomy ) {
			if ( str_starts_with( $taxonomy, 'pa_' ) ) {
				$attribute_ids[ $taxonomy ] = AttributeTaxonomies::ensure( $taxonomy );
			}
		}
		$product = wc_get_product( $product_id );
		if ( ! $product instanceof \WC_Product ) {
			return;
		}
		$attributes = $product->get_attributes();
		foreach ( $taxonomies as $taxonomy ) {
			$remove_ids = $this->ids( $remove[ $taxonomy ] ?? array(), $taxonomy, false );
			$add_ids    = $this->ids( $add[ $taxonomy ] ?? array(), $taxonomy, true );

			if ( 'product_tag' === $taxonomy ) {
				$product->set_tag_ids( self::apply_ids( $product->get_tag_ids(), $add_ids, $remove_ids ) );
			} elseif ( 'product_cat' === $taxonomy ) {
				$default = (int) get_option( 'default_product_cat', 0 );
				$ids     = self::apply_ids( $product->get_category_ids(), $add_ids, $remove_ids );
				// "Uncategorized" only stands in for "no category"; drop it once there is a real one.
				$real = array_values( array_diff( $ids, array( $default ) ) );
				$product->set_category_ids( array() !== $real ? $real : array( $default ) );
			} else {
				$attributes = $this->change_attribute( $attributes, $taxonomy, $attribute_ids[ $taxonomy ], $add_ids, $remove_ids );
			}
		}
		$product->set_attributes( $attributes );
		$product->save();
	}

	/**
	 * Adds and removes options of one global attribute.
	 *
	 * @param array<string, \WC_Product_Attribute> $attributes Product attributes.
	 * @param string                               $taxonomy   pa_* taxonomy.
	 * @param int                                  $attribute_id The global attribute's id.
	 * @param list<int>                            $add_ids    Term ids to add.
	 * @param list<int>                            $remove_ids Term ids to remove.
	 * @return array<string, \WC_Product_Attribute>
	 */
	private function change_attribute( array $attributes, string $taxonomy, int $attribute_id, array $add_ids, array $remove_ids ): array {
		$attribute = $attributes[ $taxonomy ] ?? null;
		if ( $attribute instanceof \WC_Product_Attribute ) {
			// A copy: WC_Data::set_prop() compares the array with !==, so an attribute changed in
			// place would look unchanged and WooCommerce would not save it.
			$attribute = clone $attribute;
		} else {
			$attribute = new \WC_Product_Attribute();
			// From the table: an id of 0 would make WooCommerce store a custom text attribute.
			$attribute->set_id( $attribute_id );
			$attribute->set_name( $taxonomy );
			$attribute->set_position( count( $attributes ) );
			// Visible on the product page, and used by the layered-nav colour filter.
			$attribute->set_visible( true );
			$attribute->set_variation( false );
		}
		$options = self::apply_ids( array_map( 'intval', $attribute->get_options() ), $add_ids, $remove_ids );
		if ( array() === $options ) {
			unset( $attributes[ $taxonomy ] );
		} else {
			$attribute->set_options( $options );
			$attributes[ $taxonomy ] = $attribute;
		}
		return $attributes;
	}

	/**
	 * Term ids for names, optionally creating missing terms.
	 *
	 * @param list<string> $names    Term names.
	 * @param string       $taxonomy Taxonomy.
	 * @param bool         $create   Insert missing terms.
	 * @return list<int>
	 */
	private function ids( array $names, string $taxonomy, bool $create ): array {
		$ids = array();
		foreach ( $names as $name ) {
			$term = get_term_by( 'name', $name, $taxonomy );
			if ( $term instanceof \WP_Term ) {
				$ids[] = (int) $term->term_id;
				continue;
			}
			if ( ! $create ) {
				continue;
			}
			$inserted = wp_insert_term( $name, $taxonomy );
			if ( is_wp_error( $inserted ) ) {
				$existing = $inserted->get_error_data( 'term_exists' );
				if ( is_numeric( $existing ) ) {
					$ids[] = (int) $existing;
				}
				continue;
			}
			$ids[] = (int) $inserted['term_id'];
		}
		return $ids;
	}

	/**
	 * Term names for ids.
	 *
	 * @param list<int> $ids      Term ids.
	 * @param string    $taxonomy Taxonomy.
	 * @return list<string>
	 */
	private function names( array $ids, string $taxonomy ): array {
		$names = array();
		foreach ( $ids as $id ) {
			$term = get_term( $id, $taxonomy );
			if ( $term instanceof \WP_Term ) {
				$names[] = $term->name;
			}
		}
		return $names;
	}

	/**
	 * @param array<int|string> $ids        Current ids.
	 * @param list<int>         $add_ids    To add.
	 * @param list<int>         $remove_ids To remove.
	 * @return list<int>
	 */
	private static function apply_ids( array $ids, array $add_ids, array $remove_ids ): array {
		$ids = array_diff( array_map( 'intval', $ids ), $remove_ids );
		return array_values( array_unique( array_merge( $ids, $add_ids ) ) );
	}
}
