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
	 */
	public function __construct(
		public readonly int $id,
		public readonly int $parent_id,
		public readonly string $status,
		public readonly string $name,
		public readonly string $permalink,
		public readonly int $image_id,
		public readonly array $gallery_ids
	) {
	}

	/**
	 * Whether this is a variation.
	 */
	public function is_variation(): bool {
		return $this->parent_id > 0;
	}

	/**
	 * The image to annotate: the main image, else the first gallery image.
	 */
	public function primary_image_id(): int {
		return $this->image_id > 0 ? $this->image_id : (int) ( $this->gallery_ids[0] ?? 0 );
	}
}
