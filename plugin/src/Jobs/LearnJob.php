<?php
/**
 * Background job: catalogue learning, after a backfill has indexed the catalogue.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Products\CatalogLearning;
use KalasIris\Service\ServiceError;
use KalasIris\Support\Logger;

/**
 * Runs {@see CatalogLearning} without anyone asking, retried with backoff while the
 * service is away: a shop that has just been indexed gets its own categories learned.
 */
class LearnJob {

	public const HOOK = 'kalas_iris/jobs/learn';

	/**
	 * @param CatalogLearning $learning  Catalogue learning.
	 * @param Scheduler       $scheduler Job queue.
	 * @param Logger          $logger    Log.
	 */
	public function __construct( private CatalogLearning $learning, private Scheduler $scheduler, private Logger $logger ) {
	}

	/**
	 * Hooks the job.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'handle' ), 10, 1 );
	}

	/**
	 * @param mixed $args { attempt }.
	 */
	public function handle( $args = array() ): void {
		$attempt = (int) ( ( is_array( $args ) ? $args : array() )['attempt'] ?? 0 );
		try {
			$result = $this->learning->run();
			$fields = (array) ( $result['report']['fields'] ?? array() );
			$this->logger->log(
				'info',
				sprintf(
					'Catalogue learning: %d of %d indexed products have one category of their own; %d categories learned.',
					$result['labelled'],
					$result['products'],
					(int) ( $fields['category']['labels'] ?? 0 )
				)
			);
		} catch ( ServiceError $e ) {
			Retry::after_failure( $this->scheduler, $this->logger, self::HOOK, array(), $attempt, $e, 'Catalogue learning' );
		}
	}
}
