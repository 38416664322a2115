<?php
/**
 * Runs due Action Scheduler jobs once, as a system cron running `wp action-scheduler run` would.
 * up.sh calls it in a loop so background jobs (annotation, backfill) progress without page traffic.
 */

require_once __DIR__ . '/bootstrap.php';

if ( class_exists( 'ActionScheduler_QueueRunner' ) ) {
	$done = ActionScheduler_QueueRunner::instance()->run( 'Kalas Iris e2e queue runner' );
	if ( $done > 0 ) {
		echo gmdate( 'c' ) . " ran $done actions\n";
	}
}
