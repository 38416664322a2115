<?php
/**
 * Background job: send a person's corrected labels to the service.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use KalasIris\Support\Logger;

/**
 * POST /v1/feedback, retried with backoff.
 */
class FeedbackJob {

	public const HOOK = 'kalas_iris/jobs/send_feedback';

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
	 * @param mixed $args { feedback, attempt }.
	 */
	public function handle( $args ): void {
		$args     = is_array( $args ) ? $args : array();
		$feedback = (array) ( $args['feedback'] ?? array() );
		$attempt  = (int) ( $args['attempt'] ?? 0 );
		try {
			( $this->client )()->feedback( $feedback );
		} catch ( ServiceError $e ) {
			$delay = $e->is_retryable() ? Backoff::delay( $attempt + 1, $e->retry_after ) : null;
			if ( null !== $delay ) {
				$this->scheduler->schedule( time() + $delay, self::HOOK, array( 'feedback' => $feedback, 'attempt' => $attempt + 1 ) );
			}
			$this->logger->log( null === $delay ? 'error' : 'warning', sprintf( 'Feedback for product %s failed: %s', (string) ( $feedback['product_id'] ?? '?' ), $e->getMessage() ) );
		}
	}
}
