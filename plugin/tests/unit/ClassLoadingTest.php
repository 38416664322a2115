<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use PHPUnit\Framework\TestCase;

/**
 * Every class loads through the PSR-4 autoloader from its own file, with matching
 * namespace and name, and its interfaces and parents resolve. Catches signature
 * mismatches in classes the unit tests do not otherwise touch (controllers, admin).
 */
final class ClassLoadingTest extends TestCase {

	public function test_every_file_declares_the_class_its_path_names(): void {
		$src   = dirname( __DIR__, 2 ) . '/src';
		$files = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $src, \FilesystemIterator::SKIP_DOTS ) );
		$count = 0;
		foreach ( $files as $file ) {
			$relative = substr( (string) $file, strlen( $src ) + 1, -4 );
			$class    = 'KalasIris\\' . str_replace( '/', '\\', $relative );
			$this->assertTrue(
				class_exists( $class ) || interface_exists( $class ),
				"$class does not load from $relative.php"
			);
			$this->assertStringContainsString( 'declare(strict_types=1);', (string) file_get_contents( (string) $file ), "$relative.php is strict" );
			++$count;
		}
		$this->assertGreaterThan( 30, $count );
	}

	public function test_block_metadata_uses_api_version_3_and_a_render_file(): void {
		foreach ( glob( dirname( __DIR__, 2 ) . '/blocks/*/block.json' ) as $path ) {
			$meta = json_decode( (string) file_get_contents( $path ), true );
			$this->assertSame( 3, $meta['apiVersion'], $path );
			$this->assertSame( 'file:./render.php', $meta['render'], $path );
			$this->assertStringStartsWith( 'kalas-iris/', $meta['name'] );
			$this->assertFileExists( dirname( $path ) . '/render.php' );
		}
	}
}
