<?php
/**
 * What uninstalling removes.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\BackfillJob;
use KalasIris\Jobs\BackfillProgress;
use KalasIris\Jobs\DataUpgrade;
use KalasIris\Jobs\FeedbackJob;
use KalasIris\Jobs\LearnJob;
use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Jobs\Scheduler;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\CatalogLearning;
use KalasIris\Rest\ConnectController;
use KalasIris\Settings\Settings;
use KalasIris\Support\IndexVersion;
use KalasIris\Support\WooCommerceKey;

/**
 * Removes the plugin's options, product meta, transients and scheduled actions, and the
 * WooCommerce REST key the plugin had WooCommerce create for the service. Names come from
 * the classes that own them. Tags, attributes, categories and products stay: they are the
 * shop's, whoever added them.
 */
final class Uninstaller {

	/**
	 * Options the plugin owns.
	 *
	 * @return list<string>
	 */
	public static function options(): array {
		return array( Settings::OPTION, BackfillProgress::OPTION, IndexVersion::OPTION, ConnectController::OPTION, CatalogLearning::OPTION, DataUpgrade::OPTION );
	}

	/**
	 * Job hooks the plugin schedules.
	 *
	 * @return list<string>
	 */
	public static function job_hooks(): array {
		return array( AnnotateProductJob::HOOK, BackfillJob::HOOK, RemoveProductJob::HOOK, FeedbackJob::HOOK, LearnJob::HOOK, DataUpgrade::HOOK );
	}

	/**
	 * Runs the clean-up.
	 */
	public static function run(): void {
		// Before the options go: the connection record names the key. The key gave the service
		// read/write access to the shop, which must end with the plugin.
		$connection = get_option( ConnectController::OPTION, array() );
		WooCommerceKey::revoke( is_array( $connection ) ? $connection : array() );
		foreach ( self::options() as $option ) {
			delete_option( $option );
		}
		foreach ( AnnotationMeta::keys() as $key ) {
			// One query per key instead of loading every product.
			delete_post_meta_by_key( $key );
		}
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			foreach ( self::job_hooks() as $hook ) {
				as_unschedule_all_actions( $hook, array(), Scheduler::GROUP );
			}
			as_unschedule_all_actions( '', array(), Scheduler::GROUP );
		}
		global $wpdb;
		// Cached similar lists and rate-limit counters are transients with our prefix.
		$wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no API deletes transients by prefix.
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s",
				$wpdb->esc_like( '_transient_kalas_iris_' ) . '%',
				$wpdb->esc_like( '_transient_timeout_kalas_iris_' ) . '%'
			)
		);
	}
}
