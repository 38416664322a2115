<?php
/**
 * Retries annotation jobs that died.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Service\ServiceError;

/**
 * A PHP timeout or fatal error inside a job never reaches its catch block, and an
 * exception from another plugin's callback on the job hook escapes it; Action Scheduler
 * then marks the action failed and the product would wait forever. Action Scheduler
 * reports those deaths (unexpected shutdown, exception, timed-out claim); this puts the
 * product back on the backoff schedule.
 */
class LostJobRecovery {

	/**
	 * @param AnnotateProductJob                          $annotate Retry logic of the job.
	 * @param callable(int): ?array{0: string, 1: mixed} $fetch    Action id → [hook, args], null when unknown.
	 */
	public function __construct( private AnnotateProductJob $annotate, private $fetch ) {
	}

	/**
	 * Hooks Action Scheduler's failure reports.
	 */
	public function register(): void {
		add_action( 'action_scheduler_unexpected_shutdown', array( $this, 'on_died' ), 10, 2 );
		add_action( 'action_scheduler_failed_execution', array( $this, 'on_exception' ), 10, 2 );
		add_action( 'action_scheduler_failed_action', array( $this, 'on_timed_out' ), 10, 2 );
	}

	/**
	 * @param int|string $action_id Action id.
	 * @param mixed      $error     error_get_last() of the fatal error.
	 */
	public function on_died( $action_id, $error = null ): void {
		$message = is_array( $error ) && isset( $error['message'] ) ? (string) $error['message'] : 'PHP stopped during the job.';
		$this->recover( (int) $action_id, $message );
	}

	/**
	 * An exception escaped the action, e.g. from another plugin's callback on the job hook.
	 *
	 * @param int|string $action_id Action id.
	 * @param mixed      $exception The exception.
	 */
	public function on_exception( $action_id, $exception = null ): void {
		$this->recover( (int) $action_id, $exception instanceof \Throwable ? $exception->getMessage() : 'The job failed.' );
	}

	/**
	 * @param int|string $action_id Action id.
	 * @param mixed      $timeout   Seconds after which Action Scheduler gave up.
	 */
	public function on_timed_out( $action_id, $timeout = null ): void {
		$this->recover( (int) $action_id, sprintf( 'The job did not finish within %d seconds.', (int) $timeout ) );
	}

	/**
	 * @param int    $action_id Action id.
	 * @param string $reason    Why it died.
	 */
	private function recover( int $action_id, string $reason ): void {
		$action = ( $this->fetch )( $action_id );
		if ( null === $action || AnnotateProductJob::HOOK !== $action[0] ) {
			return;
		}
		// Action Scheduler stores the job's array as its single positional argument.
		$args = is_array( $action[1] ) && isset( $action[1][0] ) && is_array( $action[1][0] ) ? $action[1][0] : array();
		if ( empty( $args['product_id'] ) ) {
			return;
		}
		$this->annotate->retry_or_fail(
			(int) $args['product_id'],
			(int) ( $args['attempt'] ?? 0 ),
			new ServiceError( 'job_died', $reason, 500 )
		);
	}
}
