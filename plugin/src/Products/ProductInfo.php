<?php
/**
 * What the jobs need to know about a product.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * Plain snapshot of a product or variation, so jobs and tests do not depend on WC_Product.
 */
final class ProductInfo {

	/**
	 * @param int       $id          Product or variation id.
	 * @param int       $parent_id   Parent product of a variation, 0 otherwise.
	 * @param string    $status      Post status.
	 * @param string    $name        Product name.
	 * @param string    $permalink   Storefront URL.
	 * @param int       $image_id    Main image attachment id, 0 when none.
	 * @param list<int> $gallery_ids Gallery attachment ids.
	 * @param bool      $password_protected Whether the product has a post password.
	 * @param string    $catalog_visibility WooCommerce's catalog visibility: visible, catalog, search or hidden.
	 */
	public function __construct(
		public readonly int $id,
		public readonly int $parent_id,
		public readonly string $status,
		public readonly string $name,
		public readonly string $permalink,
		public readonly int $image_id,
		public readonly array $gallery_ids,
		public readonly bool $password_protected,
		public readonly string $catalog_visibility
	) {
	}

	/**
	 * Whether this is a variation.
	 */
	public function is_variation(): bool {
		return $this->parent_id > 0;
	}

	/**
	 * Whether the similar-items index may hold this product. The service answers anyone who
	 * asks for similar items (its public try-it page too) with each match's name, permalink and
	 * image, so it holds only what shoppers can see: published, without a password, and shown
	 * in the catalogue or in search. Never a variation: shoppers see parent products as
	 * similar items. {@see WpCatalog::next_indexed()} asks the database the same question.
	 */
	public function is_indexable(): bool {
		return ! $this->is_variation()
			&& 'publish' === $this->status
			&& ! $this->password_protected
			&& 'hidden' !== $this->catalog_visibility;
	}

	/**
	 * The image to annotate: the main image, else the first gallery image.
	 */
	public function primary_image_id(): int {
		return $this->image_id > 0 ? $this->image_id : (int) ( $this->gallery_ids[0] ?? 0 );
	}
}
