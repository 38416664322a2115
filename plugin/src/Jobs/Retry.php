<?php
/**
 * Rescheduling of a failed job attempt.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Service\ServiceError;
use KalasIris\Support\Logger;

/**
 * One place for what every job does when the service call fails: schedule the next attempt with
 * backoff (or the service's Retry-After), or give up when the error is final or the attempts are
 * used, and log which.
 */
final class Retry {

	/**
	 * Schedules attempt `$attempt + 1` of `$hook` with `$args`, unless the job should give up.
	 *
	 * @param Scheduler           $scheduler Job queue.
	 * @param Logger              $logger    Log.
	 * @param string              $hook      The job's hook.
	 * @param array<string,mixed> $args      The job's arguments, without `attempt`.
	 * @param int                 $attempt   The attempt that just failed.
	 * @param ServiceError        $error     Why it failed.
	 * @param string              $what      What the job was doing, for the log ("Removing product 12 from the index").
	 * @return bool Whether another attempt was scheduled.
	 */
	public static function after_failure( Scheduler $scheduler, Logger $logger, string $hook, array $args, int $attempt, ServiceError $error, string $what ): bool {
		$delay = $error->is_retryable() ? Backoff::delay( $attempt + 1, $error->retry_after ) : null;
		if ( null !== $delay ) {
			$scheduler->schedule( time() + $delay, $hook, array_merge( $args, array( 'attempt' => $attempt + 1 ) ) );
		}
		$logger->log( null === $delay ? 'error' : 'warning', sprintf( '%s failed: %s', $what, $error->getMessage() ) );
		return null !== $delay;
	}
}
