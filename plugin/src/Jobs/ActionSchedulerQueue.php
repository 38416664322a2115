<?php
/**
 * Action Scheduler implementation of the job queue.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

/**
 * Action Scheduler ships with WooCommerce and survives PHP timeouts: each
 * action is claimed, run and logged by its own queue runner.
 */
final class ActionSchedulerQueue implements Scheduler {

	/**
	 * {@inheritDoc}
	 */
	public function enqueue( string $hook, array $args ): void {
		// Action Scheduler passes args positionally, so wrap them in one array argument.
		as_enqueue_async_action( $hook, array( $args ), self::GROUP );
	}

	/**
	 * {@inheritDoc}
	 */
	public function schedule( int $timestamp, string $hook, array $args ): void {
		as_schedule_single_action( $timestamp, $hook, array( $args ), self::GROUP );
	}

	/**
	 * {@inheritDoc}
	 */
	public function is_pending( string $hook, array $args ): bool {
		// Pending only: as_has_scheduled_action() also counts a job that is running now,
		// which may already have read the image that just changed.
		$ids = as_get_scheduled_actions(
			array(
				'hook'     => $hook,
				'args'     => array( $args ),
				'group'    => self::GROUP,
				'status'   => \ActionScheduler_Store::STATUS_PENDING,
				'per_page' => 1,
			),
			'ids'
		);
		return array() !== $ids;
	}

	/**
	 * {@inheritDoc}
	 */
	public function cancel_all( string $hook ): void {
		as_unschedule_all_actions( $hook, array(), self::GROUP );
	}
}
