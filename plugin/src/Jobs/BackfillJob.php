<?php
/**
 * Background job: annotate the existing catalogue in chunks.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\Catalog;
use KalasIris\Service\ServiceError;
use KalasIris\Support\Logger;

/**
 * Each action annotates up to {@see BackfillJob::BATCH} products, saves its cursor
 * and enqueues the next action. While the service is unreachable the batch keeps its
 * cursor and retries with backoff, so products are only counted as failed when the
 * service rejects them.
 *
 * A run also indexes the products shoppers can see whose annotation is not in the index: a
 * product that became visible is indexed by a job of its own, and when that job gives up
 * (the service refused the key, or was away through every retry) nothing else would ask
 * again. A suggestion that was dealt with stays: the annotation job only indexes the product
 * and keeps its status ({@see AnnotateProductJob::settled_unindexed()}).
 */
class BackfillJob {

	public const HOOK  = 'kalas_iris/jobs/backfill_batch';
	public const BATCH = 20;

	/** Stay well inside Action Scheduler's and PHP's time limits. */
	private const TIME_BUDGET = 20.0;

	/** A batch takes under a minute; five without progress means the chain broke. */
	private const STALLED_AFTER = 300;

	/**
	 * @param Catalog            $catalog   Catalogue queries.
	 * @param AnnotateProductJob $annotate  Annotates one product.
	 * @param Scheduler          $scheduler Job queue.
	 * @param AnnotationMeta     $meta      Plugin meta.
	 * @param Logger             $logger    Log.
	 * @param callable(): int    $clock     Unix time; a seam for tests.
	 */
	public function __construct(
		private Catalog $catalog,
		private AnnotateProductJob $annotate,
		private Scheduler $scheduler,
		private AnnotationMeta $meta,
		private Logger $logger,
		private $clock = 'time'
	) {
	}

	/**
	 * Hooks the job.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'handle' ), 10, 1 );
	}

	/**
	 * The progress record as the admin shows it.
	 *
	 * @return array<string, mixed>
	 */
	public function progress(): array {
		$progress = $this->load();
		$this->revive( $progress );
		return BackfillProgress::view( $progress, $this->now() );
	}

	/**
	 * A batch killed by a PHP timeout or a fatal error never enqueues the next one. A run
	 * that says "running" but has not moved for a while and has no batch waiting gets a
	 * new batch; the cursor makes it continue where the dead one stopped.
	 *
	 * @param array<string, mixed> $progress Record.
	 */
	private function revive( array $progress ): void {
		if ( 'running' !== $progress['state'] || null !== $progress['retry_at'] && (int) $progress['retry_at'] > $this->now() ) {
			return;
		}
		if ( $this->now() - (int) $progress['updated_at'] < self::STALLED_AFTER || $this->scheduler->is_pending( self::HOOK, array() ) ) {
			return;
		}
		$this->logger->log( 'warning', 'Backfill had stalled (its last batch did not finish); starting a new batch.' );
		$progress['updated_at'] = $this->now();
		update_option( BackfillProgress::OPTION, $progress, false );
		$this->scheduler->enqueue( self::HOOK, array() );
	}

	/**
	 * Starts a run unless one is running or paused.
	 *
	 * @return array<string, mixed> Progress.
	 */
	public function start(): array {
		$current = $this->load();
		if ( in_array( $current['state'], array( 'running', 'paused' ), true ) ) {
			return $this->progress();
		}
		$progress = BackfillProgress::start( $this->catalog->count_unannotated() + $this->catalog->count_unindexed(), $this->now() );
		$this->save( $progress );
		if ( 'running' === $progress['state'] ) {
			$this->scheduler->enqueue( self::HOOK, array() );
		}
		return $this->progress();
	}

	/**
	 * Pauses a running backfill; the cursor is kept.
	 *
	 * @return array<string, mixed> Progress.
	 */
	public function pause(): array {
		$progress = $this->load();
		if ( 'running' === $progress['state'] ) {
			$progress['state'] = 'paused';
			$this->save( $progress );
			$this->scheduler->cancel_all( self::HOOK );
		}
		return $this->progress();
	}

	/**
	 * Resumes a paused backfill where it stopped.
	 *
	 * @return array<string, mixed> Progress.
	 */
	public function resume(): array {
		$progress = $this->load();
		if ( 'paused' === $progress['state'] ) {
			$progress['state']    = 'running';
			$progress['attempt']  = 0;
			$progress['error']    = null;
			$progress['retry_at'] = null;
			$this->save( $progress );
			$this->scheduler->enqueue( self::HOOK, array() );
		}
		return $this->progress();
	}

	/**
	 * One batch.
	 *
	 * @param mixed $args Unused.
	 */
	public function handle( $args = array() ): void {
		$progress = $this->load();
		if ( 'running' !== $progress['state'] ) {
			return;
		}
		$started = microtime( true );
		$ids     = $this->next_batch( (int) $progress['cursor'] );

		foreach ( $ids as $product_id ) {
			try {
				$this->annotate->annotate( $product_id );
				++$progress['done'];
			} catch ( ServiceError $e ) {
				if ( $e->is_retryable() ) {
					$this->wait_for_service( $progress, $e );
					return;
				}
				++$progress['failed'];
				// A product that was only to be indexed keeps its status: it says what became of
				// its suggestion. The job record tells the admin.
				if ( ! $this->annotate->settled_unindexed( $product_id ) ) {
					$this->meta->set_status( $product_id, 'failed' );
				}
				$this->meta->set_json( $product_id, AnnotationMeta::JOB, array( 'attempt' => 1, 'error' => $e->to_array(), 'at' => gmdate( 'c' ) ) );
				$this->logger->log( 'error', sprintf( 'Backfill: product %d failed: [%s] %s', $product_id, $e->error_code, $e->getMessage() ) );
			}
			$progress['cursor']  = $product_id;
			$progress['attempt'] = 0;
			$progress['error']   = null;
			if ( microtime( true ) - $started > self::TIME_BUDGET ) {
				break;
			}
		}

		if ( array() === $ids ) {
			$progress['state'] = 'done';
			// The catalogue is indexed: learn the shop's own categories from it.
			$this->scheduler->enqueue( LearnJob::HOOK, array() );
			// Products added while the run went on make done exceed the first count.
			$progress['total'] = max( (int) $progress['total'], (int) $progress['done'] + (int) $progress['failed'] );
		}
		$progress = $this->keep_pause( $progress );
		$this->save( $progress );
		if ( 'running' === $progress['state'] ) {
			$this->scheduler->enqueue( self::HOOK, array() );
		}
	}

	/**
	 * The next products of the run, in id order: those without an annotation, and those shoppers
	 * can see whose annotation is not in the index.
	 *
	 * @param int $cursor Last product id done.
	 * @return list<int>
	 */
	private function next_batch( int $cursor ): array {
		$ids = array_unique( array_merge( $this->catalog->next_unannotated( $cursor, self::BATCH ), $this->catalog->next_unindexed( $cursor, self::BATCH ) ) );
		sort( $ids );
		return array_slice( $ids, 0, self::BATCH );
	}

	/**
	 * Keeps the cursor and tries the batch again later; pauses after the last attempt.
	 *
	 * @param array<string, mixed> $progress Record.
	 * @param ServiceError         $error    Why.
	 */
	private function wait_for_service( array $progress, ServiceError $error ): void {
		$progress['attempt'] = (int) $progress['attempt'] + 1;
		$progress['error']   = $error->to_array();
		$delay               = Backoff::delay( $progress['attempt'], $error->retry_after );
		$progress            = $this->keep_pause( $progress );
		if ( 'paused' === $progress['state'] ) {
			$this->save( $progress );
			return;
		}
		if ( null === $delay ) {
			$progress['state']    = 'paused';
			$progress['retry_at'] = null;
			$this->logger->log( 'error', 'Backfill paused: the service kept failing. ' . $error->getMessage() );
		} else {
			$progress['retry_at'] = $this->now() + $delay;
			$this->scheduler->schedule( $this->now() + $delay, self::HOOK, array() );
			$this->logger->log( 'warning', sprintf( 'Backfill waiting %d s for the service: %s', $delay, $error->getMessage() ) );
		}
		$this->save( $progress );
	}

	/**
	 * A person may pause while a batch runs; the batch's counters and cursor are kept,
	 * but the pause wins, so the batch does not start the next one.
	 *
	 * @param array<string, mixed> $progress The batch's record.
	 * @return array<string, mixed>
	 */
	private function keep_pause( array $progress ): array {
		if ( 'paused' === $this->load()['state'] ) {
			$progress['state'] = 'paused';
		}
		return $progress;
	}

	/**
	 * @return array<string, mixed>
	 */
	private function load(): array {
		$stored = get_option( BackfillProgress::OPTION, array() );
		return array_replace( BackfillProgress::idle(), is_array( $stored ) ? $stored : array() );
	}

	/**
	 * @param array<string, mixed> $progress Record.
	 */
	private function save( array $progress ): void {
		$progress['updated_at'] = $this->now();
		update_option( BackfillProgress::OPTION, $progress, false );
	}

	/**
	 * Unix time.
	 */
	private function now(): int {
		return (int) ( $this->clock )();
	}
}
