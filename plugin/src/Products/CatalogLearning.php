<?php
/**
 * Catalogue learning from the shop's WooCommerce categories.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;

/**
 * Sends the own category of every indexed product to the service (in batches, so a
 * category changed without a new photo counts too) and asks it to learn them. From
 * then on the service names each new photo's category in the shop's own words
 * (annotation.shop), which {@see LabelPlan} prefers.
 */
final class CatalogLearning {

	private const BATCH = 500;

	/**
	 * The last learning's result, for the admin: { products, labelled, missing, report, learned_at }.
	 */
	public const OPTION = 'kalas_iris_learned';

	/**
	 * @param Catalog                   $catalog  Which products are indexed.
	 * @param ProductGateway            $products Their terms.
	 * @param AnnotationMeta            $meta     What the plugin applied to them.
	 * @param callable(): ServiceClient $client   Client factory.
	 */
	public function __construct(
		private Catalog $catalog,
		private ProductGateway $products,
		private AnnotationMeta $meta,
		private $client
	) {
	}

	/**
	 * Sends the labels and learns; the result is kept as the last learning.
	 *
	 * @return array{products: int, labelled: int, missing: int, report: array<string, mixed>, learned_at: string}
	 * @throws ServiceError When the service fails.
	 */
	public function run(): array {
		$client   = ( $this->client )();
		$after    = 0;
		$products = 0;
		$labelled = 0;
		$missing  = 0;
		while ( array() !== ( $ids = $this->catalog->next_indexed( $after, self::BATCH ) ) ) {
			$items = array();
			foreach ( $ids as $id ) {
				$labels = OwnLabels::of_product( $this->products, $this->meta, $id );
				$labelled += array() === $labels ? 0 : 1;
				// An empty object clears labels the product no longer has.
				$items[] = array(
					'id'     => (string) $id,
					'labels' => (object) $labels,
				);
			}
			$answer    = $client->set_labels( $items );
			$missing  += count( (array) ( $answer['missing'] ?? array() ) );
			$products += count( $items );
			$after     = (int) end( $ids );
		}
		$result = array(
			'products'   => $products,
			'labelled'   => $labelled,
			'missing'    => $missing,
			'report'     => $client->learn(),
			'learned_at' => gmdate( 'c' ),
		);
		update_option( self::OPTION, $result, false );
		return $result;
	}

	/**
	 * The last learning's result, or null before the first.
	 *
	 * @return array<string, mixed>|null
	 */
	public function last(): ?array {
		$last = get_option( self::OPTION, null );
		return is_array( $last ) ? $last : null;
	}

	/**
	 * The last learning, for the admin: this plugin's record of its last run, or { learned:
	 * false } before the first, with the service's own account in `service`. The record
	 * alone goes stale, as the service also learns by itself a minute after the shop's
	 * corrections change. A service that cannot be asked leaves `service` null and says why
	 * in `service_error`, so the record still shows.
	 *
	 * @return array<string, mixed>
	 */
	public function status(): array {
		$status = $this->last() ?? array( 'learned' => false );
		try {
			$status['service']       = self::service_view( ( $this->client )()->learn_status() );
			$status['service_error'] = null;
		} catch ( ServiceError $e ) {
			$status['service']       = null;
			$status['service_error'] = sprintf(
				/* translators: %s: the service's error, a sentence */
				__( 'Could not ask the Kalas Iris service what it has learned: %s', 'kalas-iris' ),
				$e->getMessage()
			);
		}
		return $status;
	}

	/**
	 * The service's learning status as the admin reads it. `fields` stays a JSON object
	 * when empty (PHP would send an empty array as []).
	 *
	 * @param array<string, mixed> $status GET /v1/learn's answer.
	 * @return array{fields: object, running: bool, next_run_at: string|null}
	 */
	private static function service_view( array $status ): array {
		return array(
			'fields'      => (object) array_filter( (array) $status['fields'], 'is_array' ),
			'running'     => true === $status['running'],
			'next_run_at' => is_string( $status['next_run_at'] ?? null ) ? $status['next_run_at'] : null,
		);
	}
}
