<?php
/**
 * Background job: take a product out of the similar-items index.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Products\ProductGateway;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use KalasIris\Support\IndexVersion;
use KalasIris\Support\Logger;

/**
 * Trashed and deleted products, and products shoppers can no longer see, must stop
 * appearing as similar items.
 */
class RemoveProductJob {

	public const HOOK = 'kalas_iris/jobs/remove_product';

	/**
	 * @param callable(): ServiceClient $client    Client factory.
	 * @param Scheduler                $scheduler Job queue.
	 * @param Logger                   $logger    Log.
	 * @param ProductGateway           $products  Reads the product as WooCommerce sees it now.
	 */
	public function __construct( private $client, private Scheduler $scheduler, private Logger $logger, private ProductGateway $products ) {
	}

	/**
	 * Enqueues the removal unless one is waiting already: a product trashed from the editor
	 * asks twice (the trash, then its status change).
	 *
	 * @param Scheduler $scheduler  Job queue.
	 * @param int       $product_id Product id.
	 */
	public static function enqueue_once( Scheduler $scheduler, int $product_id ): void {
		$args = array( 'product_id' => $product_id );
		if ( ! $scheduler->is_pending( self::HOOK, $args ) ) {
			$scheduler->enqueue( self::HOOK, $args );
		}
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
		// A removal may run long after it was asked for (its retries wait for the service), by
		// which time the product may be back in sight and indexed again by its own job: it stays.
		if ( $this->products->find( $product_id )?->is_indexable() ) {
			return;
		}
		try {
			( $this->client )()->delete_product( $product_id );
			IndexVersion::bump();
		} catch ( ServiceError $e ) {
			Retry::after_failure( $this->scheduler, $this->logger, self::HOOK, array( 'product_id' => $product_id ), $attempt, $e, sprintf( 'Removing product %d from the index', $product_id ) );
		}
	}
}
