<?php
/**
 * In-memory catalogue over the shimmed posts and meta.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\Catalog;

/**
 * The catalogue queries backfill and learning page through, by id.
 */
final class FakeCatalog implements Catalog {

	public function count_unannotated(): int {
		return count( $this->next_unannotated( 0, PHP_INT_MAX ) );
	}

	public function next_unannotated( int $after_id, int $limit ): array {
		return $this->after( $after_id, $limit, fn( int $id ): bool => ! isset( Wp::$meta[ $id ][ AnnotationMeta::ANNOTATION ] ) );
	}

	public function next_indexed( int $after_id, int $limit ): array {
		$products = new FakeProducts();
		return $this->after(
			$after_id,
			$limit,
			fn( int $id ): bool => 'product' === Wp::$posts[ $id ]['type'] && isset( Wp::$meta[ $id ][ AnnotationMeta::ANNOTATION ] ) && $products->find( $id )->is_indexable()
		);
	}

	public function count_unindexed(): int {
		return count( $this->next_unindexed( 0, PHP_INT_MAX ) );
	}

	public function next_unindexed( int $after_id, int $limit ): array {
		$products = new FakeProducts();
		return $this->after(
			$after_id,
			$limit,
			fn( int $id ): bool => 'product' === Wp::$posts[ $id ]['type'] && false === ( $this->record( $id )['indexed'] ?? null ) && $products->find( $id )->is_indexable()
		);
	}

	public function next_recorded_indexed( int $after_id, int $limit ): array {
		return $this->after(
			$after_id,
			$limit,
			fn( int $id ): bool => 'product' === Wp::$posts[ $id ]['type'] && 'trash' !== Wp::$posts[ $id ]['status'] && isset( Wp::$meta[ $id ][ AnnotationMeta::ANNOTATION ] ) && false !== ( $this->record( $id )['indexed'] ?? null )
		);
	}

	/**
	 * @return array<string, mixed> The decoded annotation record, empty without one.
	 */
	private function record( int $id ): array {
		$record = json_decode( (string) ( Wp::$meta[ $id ][ AnnotationMeta::ANNOTATION ] ?? '' ), true );
		return is_array( $record ) ? $record : array();
	}

	public function with_status( string $status, int $page, int $per_page ): array {
		$ids = $this->after( 0, PHP_INT_MAX, fn( int $id ): bool => ( Wp::$meta[ $id ][ AnnotationMeta::STATUS ] ?? null ) === $status );
		return array(
			'ids'   => array_slice( $ids, ( max( 1, $page ) - 1 ) * $per_page, $per_page ),
			'total' => count( $ids ),
		);
	}

	/** @var int Calls of count_with_status(): the admin menu must not count for users who cannot see it. */
	public int $counted = 0;

	public function count_with_status( string $status ): int {
		++$this->counted;
		return $this->with_status( $status, 1, 1 )['total'];
	}

	public function count_by_status(): array {
		return array();
	}

	/**
	 * @param callable(int): bool $keep Which posts count.
	 * @return list<int>
	 */
	private function after( int $after_id, int $limit, callable $keep ): array {
		$ids = array_values( array_filter( array_keys( Wp::$posts ), fn( int $id ): bool => $id > $after_id && $keep( $id ) ) );
		sort( $ids );
		return array_slice( $ids, 0, $limit );
	}
}
