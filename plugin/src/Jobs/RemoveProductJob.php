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
	 * @param bool      $gone       Trashed or deleted: removed whatever the product looks like when the
	 *                              job runs, which can be before the deletion that asked for it is done.
	 */
	public static function enqueue_once( Scheduler $scheduler, int $product_id, bool $gone = false ): void {
		$plain    = self::args( $product_id, false );
		$for_gone = self::args( $product_id, true );
		// One that removes in any case is waiting: nothing to add.
		if ( $scheduler->is_pending( self::HOOK, $for_gone ) ) {
			return;
		}
		if ( $gone ) {
			$scheduler->enqueue( self::HOOK, $for_gone );
		} elseif ( ! $scheduler->is_pending( self::HOOK, $plain ) ) {
			$scheduler->enqueue( self::HOOK, $plain );
		}
	}

	/**
	 * The job's arguments: `gone` only for a trashed or deleted product, so both kinds are told apart.
	 *
	 * @param int  $product_id Product id.
	 * @param bool $gone       Trashed or deleted.
	 * @return array<string, int|bool>
	 */
	private static function args( int $product_id, bool $gone ): array {
		return $gone ? array(
			'product_id' => $product_id,
			'gone'       => true,
		) : array( 'product_id' => $product_id );
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
		$gone       = ! empty( $args['gone'] );
		// A removal because shoppers lost sight of the product may run long after it was asked for
		// (its retries wait for the service), by which time the product may be back in sight and
		// indexed again by its own job: it stays. Not so for a trashed or deleted one: the job can
		// run while the request deleting it is still under way, the product still looking published
		// (a skipped removal left deleted products in the index, seen in the e2e flows).
		if ( ! $gone && $this->products->find( $product_id )?->is_indexable() ) {
			return;
		}
		try {
			( $this->client )()->delete_product( $product_id );
			IndexVersion::bump();
		} catch ( ServiceError $e ) {
			Retry::after_failure( $this->scheduler, $this->logger, self::HOOK, self::args( $product_id, $gone ), $attempt, $e, sprintf( 'Removing product %d from the index', $product_id ) );
		}
	}
}
