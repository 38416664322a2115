<?php
/**
 * Background job queue seam.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

/**
 * What the plugin needs from Action Scheduler. Tests use a recording fake,
 * which is how "the plugin's own write-back enqueues zero jobs" is counted.
 */
interface Scheduler {

	/**
	 * All plugin actions share this group, so uninstall and the admin can find them.
	 */
	public const GROUP = 'kalas-iris';

	/**
	 * Runs a job as soon as a queue runner is free.
	 *
	 * @param string               $hook Job hook, kalas_iris/jobs/<name>.
	 * @param array<string, mixed> $args Job arguments.
	 */
	public function enqueue( string $hook, array $args ): void;

	/**
	 * Runs a job at a Unix time.
	 *
	 * @param int                  $timestamp Unix time.
	 * @param string               $hook      Job hook.
	 * @param array<string, mixed> $args      Job arguments.
	 */
	public function schedule( int $timestamp, string $hook, array $args ): void;

	/**
	 * Whether a job with exactly these arguments is waiting to start (not running).
	 *
	 * @param string               $hook Job hook.
	 * @param array<string, mixed> $args Job arguments.
	 */
	public function is_pending( string $hook, array $args ): bool;

	/**
	 * Cancels waiting jobs of a hook.
	 *
	 * @param string $hook Job hook.
	 */
	public function cancel_all( string $hook ): void;
}
