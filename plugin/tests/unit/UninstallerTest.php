<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\AnnotationMeta;
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

	public function test_job_hooks_follow_the_naming_convention(): void {
		$dir = dirname( __DIR__, 2 ) . '/src/Jobs';
		preg_match_all( "/const HOOK\s*=\s*'([^']+)'/", implode( "\n", array_map( 'file_get_contents', glob( $dir . '/*.php' ) ) ), $m );
		$this->assertCount( 5, $m[1] );
		$this->assertSame( array(), array_diff( $m[1], Uninstaller::job_hooks() ), 'every job hook is unscheduled on uninstall' );
	}
}
