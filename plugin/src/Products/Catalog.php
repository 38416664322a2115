<?php
/**
 * Finds products that still need an annotation.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * Catalogue queries for backfill and the review queue. Interface so backfill
 * logic is tested against an in-memory catalogue.
 */
interface Catalog {

	/**
	 * How many products and variations with a photo have no annotation yet.
	 */
	public function count_unannotated(): int;

	/**
	 * Ids of products without annotation with id > $after_id, ascending. Paging by id
	 * rather than offset keeps every batch as cheap at product 10,000 as at product 1.
	 *
	 * @param int $after_id Cursor.
	 * @param int $limit    Batch size.
	 * @return list<int>
	 */
	public function next_unannotated( int $after_id, int $limit ): array;

	/**
	 * Ids of products (not variations) in the service's index, with id > $after_id, ascending:
	 * annotated products that shoppers can see ({@see ProductInfo::is_indexable()}), as the
	 * index holds no others.
	 *
	 * @param int $after_id Cursor.
	 * @param int $limit    Batch size.
	 * @return list<int>
	 */
	public function next_indexed( int $after_id, int $limit ): array;

	/**
	 * How many products shoppers can see have an annotation that is not in the index: their
	 * indexing gave up (the service refused the key, or was away through every retry).
	 */
	public function count_unindexed(): int;

	/**
	 * Ids of the products {@see count_unindexed()} counts, with id > $after_id, ascending.
	 *
	 * @param int $after_id Cursor.
	 * @param int $limit    Batch size.
	 * @return list<int>
	 */
	public function next_unindexed( int $after_id, int $limit ): array;

	/**
	 * Ids of products (not variations) outside the trash whose annotation record does not say it
	 * left the index, whether or not shoppers can see them, with id > $after_id, ascending.
	 *
	 * @param int $after_id Cursor.
	 * @param int $limit    Batch size.
	 * @return list<int>
	 */
	public function next_recorded_indexed( int $after_id, int $limit ): array;

	/**
	 * Product ids with a given plugin status, newest first.
	 *
	 * @param string $status Status.
	 * @param int    $page   1-based page.
	 * @param int    $per_page Page size.
	 * @return array{ids: list<int>, total: int}
	 */
	public function with_status( string $status, int $page, int $per_page ): array;

	/**
	 * How many products {@see with_status()} would list in all.
	 *
	 * @param string $status Status.
	 */
	public function count_with_status( string $status ): int;

	/**
	 * How many products and variations outside the trash have each plugin status; its "review"
	 * is {@see count_with_status()}'s, as the admin shows both.
	 *
	 * @return array<string, int>
	 */
	public function count_by_status(): array;
}
