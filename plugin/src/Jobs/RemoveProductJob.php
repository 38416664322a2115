<?php
/**
 * Background job: take a product out of the similar-items index.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use KalasIris\Support\IndexVersion;
use KalasIris\Support\Logger;

/**
 * Trashed and deleted products must stop appearing as similar items.
 */
class RemoveProductJob {

	public const HOOK = 'kalas_iris/jobs/remove_product';

	/**
	 * @param callable(): ServiceClient $client    Client factory.
	 * @param Scheduler                $scheduler Job queue.
	 * @param Logger                   $logger    Log.
	 */
	public function __construct( private $client, private Scheduler $scheduler, private Logger $logger ) {
	}

	/**
	 * Hooks the job.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'handle' ), 10, 1 );
	}

	/**
	 * @param mixed $args { product_id, attempt }.
	 */
	public function handle( $args ): void {
		$args       = is_array( $args ) ? $args : array();
		$product_id = (int) ( $args['product_id'] ?? 0 );
		$attempt    = (int) ( $args['attempt'] ?? 0 );
		try {
			( $this->client )()->delete_product( $product_id );
			IndexVersion::bump();
		} catch ( ServiceError $e ) {
			Retry::after_failure( $this->scheduler, $this->logger, self::HOOK, array( 'product_id' => $product_id ), $attempt, $e, sprintf( 'Removing product %d from the index', $product_id ) );
		}
	}
}
