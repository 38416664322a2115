<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\DataUpgrade;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Rest\ConnectController;
use KalasIris\Settings\Settings;
use KalasIris\Tests\Wp;
use KalasIris\Uninstaller;
use PHPUnit\Framework\TestCase;

/**
 * Uninstall covers every name the plugin owns and nothing of the shop's.
 */
final class UninstallerTest extends TestCase {

	public function test_names_are_the_plugins_own(): void {
		foreach ( Uninstaller::options() as $option ) {
			$this->assertStringStartsWith( 'kalas_iris_', $option );
		}
		foreach ( AnnotationMeta::keys() as $key ) {
			$this->assertStringStartsWith( '_kalas_iris_', $key );
		}
		foreach ( Uninstaller::job_hooks() as $hook ) {
			$this->assertStringStartsWith( 'kalas_iris/jobs/', $hook );
		}
	}

	public function test_uninstall_never_touches_terms_or_products(): void {
		$source = (string) file_get_contents( dirname( __DIR__, 2 ) . '/src/Uninstaller.php' );
		foreach ( array( 'wp_delete_term', 'wp_delete_post', 'wp_remove_object_terms', 'wc_delete_attribute', '->delete(' ) as $call ) {
			$this->assertStringNotContainsString( $call, $source );
		}
	}

	public function test_uninstall_revokes_the_woocommerce_key_it_was_given_and_no_other(): void {
		Wp::reset();
		$wpdb           = $GLOBALS['wpdb'];
		$wpdb->api_keys = array(
			3 => array( 'truncated_key' => 'ccccccc' ), // The shop's own.
			7 => array( 'truncated_key' => 'abcdef1' ),
		);
		Wp::$options[ ConnectController::OPTION ]           = array( 'connected_at' => '2025-01-01T00:00:00+00:00', 'key_id' => 7, 'truncated_key' => 'abcdef1' );
		Wp::$options[ Settings::OPTION ]                    = array( 'api_key' => 'secret-key-1234' );
		Wp::$options[ DataUpgrade::OPTION ]                 = DataUpgrade::VERSION;
		Wp::$options['_transient_kalas_iris_similar_1']     = array( 2, 3 );
		Wp::$options['_transient_other_plugin']             = 1;
		Wp::$meta[1]                                        = array( AnnotationMeta::STATUS => 'applied', '_price' => '10' );

		Uninstaller::run();

		$this->assertSame( array( 3 ), array_keys( $wpdb->api_keys ) );
		$this->assertSame( array( '_transient_other_plugin' ), array_keys( Wp::$options ) );
		$this->assertSame( array( '_price' => '10' ), Wp::$meta[1] );
	}

	public function test_a_connection_recorded_before_the_key_ending_was_is_revoked_by_id(): void {
		Wp::reset();
		$GLOBALS['wpdb']->api_keys                = array( 7 => array( 'truncated_key' => 'abcdef1' ) );
		Wp::$options[ ConnectController::OPTION ] = array( 'connected_at' => '2025-01-01T00:00:00+00:00', 'key_id' => 7 );
		Uninstaller::run();
		$this->assertSame( array(), $GLOBALS['wpdb']->api_keys );
	}

	public function test_job_hooks_follow_the_naming_convention(): void {
		$dir = dirname( __DIR__, 2 ) . '/src/Jobs';
		preg_match_all( "/const HOOK\s*=\s*'([^']+)'/", implode( "\n", array_map( 'file_get_contents', glob( $dir . '/*.php' ) ) ), $m );
		$this->assertCount( 6, $m[1] );
		$this->assertSame( array(), array_diff( $m[1], Uninstaller::job_hooks() ), 'every job hook is unscheduled on uninstall' );
	}
}
