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
			Retry::after_failure( $this->scheduler, $this->logger, self::HOOK, array( 'feedback' => $feedback ), $attempt, $e, sprintf( 'Feedback for product %s', (string) ( $feedback['product_id'] ?? '?' ) ) );
		}
	}
}
