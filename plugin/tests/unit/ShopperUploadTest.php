<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Security\RateLimiter;
use KalasIris\Security\UploadError;
use KalasIris\Security\UploadValidator;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * Shopper uploads are size- and type-checked and rate-limited per visitor.
 */
final class ShopperUploadTest extends TestCase {

	private function upload( string $bytes, string $name = 'p.jpg' ): array {
		$path = tempnam( sys_get_temp_dir(), 'ki' );
		file_put_contents( $path, $bytes );
		return array( 'name' => $name, 'tmp_name' => $path, 'size' => strlen( $bytes ), 'error' => UPLOAD_ERR_OK );
	}

	public function test_an_image_is_accepted_by_its_bytes_not_its_name(): void {
		$image = ( new UploadValidator() )->check( $this->upload( "\x89PNG\r\n\x1A\n....", 'holiday photo.txt' ) );
		$this->assertSame( 'image/png', $image->mime );
		$this->assertSame( 'holiday_photo.txt', $image->filename );
	}

	public function test_a_non_image_is_rejected_with_a_clear_message(): void {
		try {
			( new UploadValidator() )->check( $this->upload( '%PDF-1.7 ...', 'x.jpg' ) );
			$this->fail( 'expected rejection' );
		} catch ( UploadError $e ) {
			$this->assertSame( 'not_an_image', $e->error_code );
			$this->assertSame( 415, $e->status );
			$this->assertStringContainsString( 'not a photo', $e->getMessage() );
		}
	}

	public function test_a_too_large_file_is_rejected_before_reading(): void {
		try {
			( new UploadValidator( 10 ) )->check( $this->upload( "\xFF\xD8\xFF" . str_repeat( 'x', 20 ) ) );
			$this->fail( 'expected rejection' );
		} catch ( UploadError $e ) {
			$this->assertSame( 'image_too_large', $e->error_code );
			$this->assertSame( 413, $e->status );
		}
		$this->expectExceptionObject( new UploadError( 'image_too_large', 'The photo is too large; the limit is 2 MB.', 413 ) );
		( new UploadValidator( 2 * 1048576 ) )->check( array( 'tmp_name' => '/x', 'size' => 0, 'error' => UPLOAD_ERR_INI_SIZE ) );
	}

	public function test_missing_file(): void {
		$this->expectException( UploadError::class );
		( new UploadValidator() )->check( null );
	}

	public function test_sniffs_webp_and_avif(): void {
		$this->assertSame( 'image/webp', UploadValidator::sniff( 'RIFF1234WEBPVP8 ' ) );
		$this->assertSame( 'image/avif', UploadValidator::sniff( "\0\0\0\x1cftypavif" ) );
		$this->assertNull( UploadValidator::sniff( '<svg xmlns=' ) );
	}

	public function test_rate_limit_per_visitor_and_window(): void {
		Wp::reset();
		$now     = 1000;
		$limiter = new RateLimiter( 'search', 2, 60, function () use ( &$now ): int {
			return $now;
		} );
		$this->assertTrue( $limiter->hit( '203.0.113.5' ) );
		$this->assertTrue( $limiter->hit( '203.0.113.5' ) );
		$this->assertFalse( $limiter->hit( '203.0.113.5' ) );
		$this->assertTrue( $limiter->hit( '198.51.100.7' ), 'another visitor has their own budget' );
		$this->assertSame( 60, $limiter->retry_after( '203.0.113.5' ) );
		$now += 61;
		$this->assertTrue( $limiter->hit( '203.0.113.5' ), 'a new window starts' );
	}
}
