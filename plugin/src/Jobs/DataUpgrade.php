<?php
/**
 * One-time changes to what earlier versions of the plugin left behind.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\Catalog;
use KalasIris\Products\ProductGateway;
use KalasIris\Support\Logger;

/**
 * Brings what earlier versions stored up to what this one expects, once, in the background.
 * The option {@see DataUpgrade::OPTION} holds the version the shop's data is at, so once the
 * upgrade is queued every request costs one read of an autoloaded option.
 *
 * Version 1: the similar-items index holds only what shoppers can see. Earlier versions indexed
 * every annotated product, drafts, private, password-protected and hidden ones too, without
 * recording it (their annotation records have no `indexed`), and the service shows anyone the
 * name, link and photo of what its index holds. Batches of {@see DataUpgrade::BATCH} go through
 * the annotated products; each one shoppers cannot see gets a removal job, and its record says
 * it left the index.
 */
final class DataUpgrade {

	public const OPTION  = 'kalas_iris_data_version';
	public const VERSION = 1;
	public const HOOK    = 'kalas_iris/jobs/upgrade_data';
	public const BATCH   = 100;

	/**
	 * @param Catalog        $catalog   Catalogue queries.
	 * @param ProductGateway $products  Reads products as WooCommerce sees them.
	 * @param Scheduler      $scheduler Job queue.
	 * @param AnnotationMeta $meta      Plugin meta.
	 * @param Logger         $logger    Log.
	 */
	public function __construct(
		private Catalog $catalog,
		private ProductGateway $products,
		private Scheduler $scheduler,
		private AnnotationMeta $meta,
		private Logger $logger
	) {
	}

	/**
	 * Hooks the job, and the check of the data version once Action Scheduler takes jobs (its
	 * data store is ready on `init`, after the plugin is loaded).
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'handle' ), 10, 1 );
		add_action( 'action_scheduler_init', array( $this, 'maybe_start' ), 10, 0 );
	}

	/**
	 * Queues the upgrade when the data is older than this version; afterwards, one option read.
	 */
	public function maybe_start(): void {
		if ( (int) get_option( self::OPTION, 0 ) >= self::VERSION ) {
			return;
		}
		// Two requests that both read the old version queue one first batch; and as a batch only
		// queues removals that are not waiting already, running it twice would change nothing.
		$first = array( 'after' => 0 );
		if ( ! $this->scheduler->is_pending( self::HOOK, $first ) ) {
			$this->scheduler->enqueue( self::HOOK, $first );
		}
		update_option( self::OPTION, self::VERSION, true );
	}

	/**
	 * One batch: products after the cursor whose record does not say they left the index.
	 *
	 * @param mixed $args { after: last product id of the previous batch }.
	 */
	public function handle( $args = array() ): void {
		$after   = (int) ( ( is_array( $args ) ? $args : array() )['after'] ?? 0 );
		$ids     = $this->catalog->next_recorded_indexed( $after, self::BATCH );
		$removed = 0;
		foreach ( $ids as $product_id ) {
			if ( ! $this->products->find( $product_id )?->is_indexable() ) {
				RemoveProductJob::enqueue_once( $this->scheduler, $product_id );
				$this->meta->set_out_of_sight( $product_id );
				++$removed;
			}
		}
		if ( $removed > 0 ) {
			$this->logger->log( 'info', sprintf( 'Upgrade: %d products shoppers cannot see are being removed from the similar-items index.', $removed ) );
		}
		if ( self::BATCH === count( $ids ) ) {
			$this->scheduler->enqueue( self::HOOK, array( 'after' => $ids[ self::BATCH - 1 ] ) );
		}
	}
}
