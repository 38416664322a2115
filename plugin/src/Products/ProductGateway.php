<?php
/**
 * Seam between the plugin's logic and WooCommerce products.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * Reads products and changes their terms. {@see WcProductGateway} uses the
 * WooCommerce CRUD; tests use an in-memory fake that fires the same hooks.
 */
interface ProductGateway {

	/**
	 * A product or variation, or null when it does not exist.
	 *
	 * @param int $product_id Id.
	 */
	public function find( int $product_id ): ?ProductInfo;

	/**
	 * Ids of a variable product's variations.
	 *
	 * @param int $product_id Parent id.
	 * @return list<int>
	 */
	public function variation_ids( int $product_id ): array;

	/**
	 * Names of the terms a product has in each taxonomy (product_tag, product_cat, pa_*).
	 * The shop's default category does not count: it means "not chosen yet".
	 *
	 * @param int          $product_id Product id.
	 * @param list<string> $taxonomies Taxonomies.
	 * @return array<string, list<string>>
	 */
	public function terms( int $product_id, array $taxonomies ): array;

	/**
	 * Whether a global attribute is used for variations on this product: those
	 * define what a shopper can buy, so the plugin never changes them.
	 *
	 * @param int    $product_id Product id.
	 * @param string $taxonomy   pa_* taxonomy.
	 */
	public function is_variation_attribute( int $product_id, string $taxonomy ): bool;

	/**
	 * Adds and removes terms by name in one product save, creating missing terms
	 * and global attributes.
	 *
	 * @param int                         $product_id Product id.
	 * @param array<string, list<string>> $add        Taxonomy => names to add.
	 * @param array<string, list<string>> $remove     Taxonomy => names to remove.
	 */
	public function change_terms( int $product_id, array $add, array $remove ): void;
}
