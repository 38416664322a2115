<?php
/**
 * Retry schedule of failed jobs.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

/**
 * Exponential backoff: eight attempts with 1, 2, 4, 8, 16, 32 and 60 minutes between
 * them, then the job is marked failed. The attempts span about two hours, long enough to ride out a restart or
 * a deploy of the service, short enough that a person sees "failed" the same day.
 */
final class Backoff {

	public const MAX_ATTEMPTS = 8;

	private const CAP_SECONDS = 3600;

	/**
	 * Seconds to wait before the next attempt, or null when the job has used its attempts.
	 *
	 * @param int      $failures    How many attempts have failed so far (1 after the first failure).
	 * @param int|null $retry_after The service's Retry-After. When the service names a wait (it is
	 *                              rate-limited or busy, not down), that wait is used as given, short or
	 *                              long: a 1 s rate limit should not cost a product a minute.
	 */
	public static function delay( int $failures, ?int $retry_after = null ): ?int {
		if ( $failures < 1 ) {
			return 0;
		}
		if ( $failures >= self::MAX_ATTEMPTS ) {
			return null;
		}
		if ( null !== $retry_after && $retry_after > 0 ) {
			return (int) min( self::CAP_SECONDS, $retry_after );
		}
		return (int) min( self::CAP_SECONDS, 60 * ( 2 ** ( $failures - 1 ) ) );
	}
}
