<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\ImageReader;
use KalasIris\Service\ServiceError;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The job sends bytes: from the disk, or downloaded inside WordPress for offloaded media.
 */
final class ImageReaderTest extends TestCase {

	protected function setUp(): void {
		Wp::reset();
	}

	public function test_reads_the_local_file(): void {
		$path = tempnam( sys_get_temp_dir(), 'ki' ) . '.jpg';
		file_put_contents( $path, "\xFF\xD8\xFFlocal" );
		Wp::$attachments[3] = array( 'mime' => 'image/jpeg', 'file' => $path );

		$image = ( new ImageReader() )->read( 3 );
		$this->assertSame( "\xFF\xD8\xFFlocal", $image->bytes );
		$this->assertSame( 'image/jpeg', $image->mime );
		$this->assertSame( basename( $path ), $image->filename );
		$this->assertSame( array(), Wp::$http, 'no download when the file is here' );
	}

	public function test_offloaded_media_is_downloaded_by_wordpress(): void {
		Wp::$attachments[4] = array( 'mime' => 'image/webp', 'file' => 's3://bucket/2026/11/x.webp' );
		Wp::$remote['https://shop.test/wp-content/uploads/4.jpg'] = array(
			'response' => array( 'code' => 200 ),
			'headers'  => array( 'content-type' => 'image/webp' ),
			'body'     => 'RIFF....WEBP',
		);
		$image = ( new ImageReader() )->read( 4 );
		$this->assertSame( 'RIFF....WEBP', $image->bytes );
		$this->assertSame( 'image/webp', $image->mime );
		$this->assertSame( '4.jpg', $image->filename );
	}

	public function test_a_cdn_failure_is_retryable_and_a_missing_image_is_not(): void {
		Wp::$attachments[5] = array( 'mime' => 'image/png' );
		try {
			( new ImageReader() )->read( 5 );
			$this->fail( 'expected an error' );
		} catch ( ServiceError $e ) {
			$this->assertSame( 'image_fetch_failed', $e->error_code );
			$this->assertTrue( $e->is_retryable() );
		}

		Wp::$remote['https://shop.test/wp-content/uploads/5.jpg'] = array( 'response' => array( 'code' => 404 ), 'body' => '' );
		try {
			( new ImageReader() )->read( 5 );
			$this->fail( 'expected an error' );
		} catch ( ServiceError $e ) {
			$this->assertFalse( $e->is_retryable(), 'a 404 will not heal by waiting' );
		}
	}
}
