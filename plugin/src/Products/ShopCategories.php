<?php
/**
 * The shop's own product category names, offered while a person edits a suggestion.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * A correction typed in the model's words ("Dresses") where the shop says "Frocks" becomes a
 * second category, and catalogue learning then learns both. Offering the names the shop
 * already uses makes its own word the easy one to pick; any other name can still be typed.
 */
final class ShopCategories {

	/** Enough for any menu a person reads; the most used come first. */
	public const LIMIT = 500;

	/**
	 * Category names, most used first, without WooCommerce's default "Uncategorized".
	 *
	 * @return list<string>
	 */
	public static function names(): array {
		$terms = get_terms(
			array(
				'taxonomy'   => 'product_cat',
				'hide_empty' => false,
				'orderby'    => 'count',
				'order'      => 'DESC',
				'number'     => self::LIMIT,
				'exclude'    => array( (int) get_option( 'default_product_cat', 0 ) ),
			)
		);
		if ( ! is_array( $terms ) ) {
			return array();
		}
		$names = array();
		foreach ( $terms as $term ) {
			if ( is_object( $term ) && isset( $term->name ) && '' !== (string) $term->name ) {
				$names[] = html_entity_decode( (string) $term->name, ENT_QUOTES, 'UTF-8' );
			}
		}
		return array_values( array_unique( $names ) );
	}
}
