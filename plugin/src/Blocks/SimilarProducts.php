<?php
/**
 * Data of the similar-products block.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Blocks;

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

	/**
	 * @param callable(): ServiceClient $client Client factory.
	 * @param Logger                   $logger Log.
	 */
	public function __construct( private $client, private Logger $logger ) {
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
			// Ask for extra: drafts and hidden products are dropped here.
			$items  = ( $this->client )()->similar_to_product( $product_id, $count * 2 );
			$result = array(
				'ids'    => ProductListRenderer::visible_ids( $items, $count, $product_id ),
				'source' => 'similar',
			);
			$ttl    = self::TTL;
		} catch ( ServiceError $e ) {
			if ( 'product_not_found' !== $e->error_code ) {
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
}
