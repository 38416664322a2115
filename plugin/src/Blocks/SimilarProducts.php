<?php
/**
 * Data of the similar-products block.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Blocks;

use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Jobs\Scheduler;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use KalasIris\Support\IndexVersion;
use KalasIris\Support\Logger;

/**
 * Similar product ids, cached per product and index version. When the service is
 * unreachable, or does not know the product yet, the shopper gets WooCommerce's
 * related products instead of an empty box.
 */
class SimilarProducts {

	private const TTL          = DAY_IN_SECONDS;
	/** A short cache for the fallback so a down service is not asked on every page view. */
	private const FALLBACK_TTL = 5 * MINUTE_IN_SECONDS;
	/** One reindex request per quarter hour is plenty: the service runs one at a time. */
	private const REINDEX_ASKED = 'kalas_iris_reindex_asked';

	/**
	 * @param callable(): ServiceClient $client    Client factory.
	 * @param Logger                   $logger    Log.
	 * @param Scheduler|null           $scheduler Job queue, to take products deleted for good out of the index.
	 */
	public function __construct( private $client, private Logger $logger, private ?Scheduler $scheduler = null ) {
	}

	/**
	 * @param int $product_id Product shown on the page.
	 * @param int $count      How many.
	 * @return array{ids: list<int>, source: string} source is "similar" or "related".
	 */
	public function for_product( int $product_id, int $count ): array {
		$key    = sprintf( 'kalas_iris_similar_%d_%d_%d', $product_id, $count, IndexVersion::get() );
		$cached = get_transient( $key );
		if ( is_array( $cached ) && isset( $cached['ids'], $cached['source'] ) ) {
			return $cached;
		}
		try {
			$client = ( $this->client )();
			$result = array(
				'ids'    => VisibleMatches::collect(
					static fn( int $k ): array => $client->similar_to_product( $product_id, $k ),
					$count,
					$product_id,
					fn( int $gone ) => $this->forget( $gone )
				),
				'source' => 'similar',
			);
			$ttl    = self::TTL;
		} catch ( ServiceError $e ) {
			if ( 'product_stale' === $e->error_code ) {
				$this->ask_for_reindex();
			} elseif ( 'product_not_found' !== $e->error_code ) {
				$this->logger->log( 'warning', 'Similar products fell back to related products: ' . $e->getMessage() );
			}
			$result = array(
				'ids'    => array_map( 'intval', wc_get_related_products( $product_id, $count ) ),
				'source' => 'related',
			);
			$ttl    = self::FALLBACK_TTL;
		}
		set_transient( $key, $result, $ttl );
		return $result;
	}

	/**
	 * A product deleted while the service was away (its removal job gave up) stays in the
	 * index, takes a place among the nearest, and would come back at the next reindex.
	 *
	 * @param int $product_id Deleted product.
	 */
	private function forget( int $product_id ): void {
		$args = array( 'product_id' => $product_id );
		if ( null !== $this->scheduler && ! $this->scheduler->is_pending( RemoveProductJob::HOOK, $args ) ) {
			$this->scheduler->enqueue( RemoveProductJob::HOOK, $args );
		}
	}

	/**
	 * The service's model changed since this product was indexed: the shop heals
	 * itself instead of waiting for someone to run `kalas-iris reindex`.
	 */
	private function ask_for_reindex(): void {
		if ( false !== get_transient( self::REINDEX_ASKED ) ) {
			return;
		}
		set_transient( self::REINDEX_ASKED, 1, 15 * MINUTE_IN_SECONDS );
		try {
			$progress = ( $this->client )()->start_reindex();
			$this->logger->log( 'info', sprintf( 'The service has a new model: it is indexing %d products again.', (int) ( $progress['total'] ?? 0 ) ) );
		} catch ( ServiceError $e ) {
			$this->logger->log( 'warning', 'Could not ask the service to index products again: ' . $e->getMessage() );
		}
	}
}
