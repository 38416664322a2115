<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Blocks\ProductListRenderer;
use KalasIris\Rest\ShopperSearchController;
use KalasIris\Security\RateLimiter;
use KalasIris\Security\UploadError;
use KalasIris\Security\UploadValidator;
use KalasIris\Tests\FakeClient;
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

	public function test_a_file_over_upload_max_filesize_is_too_large_not_missing(): void {
		// What PHP hands over: no temporary file, only the error code.
		$file = array( 'name' => 'big.jpg', 'tmp_name' => '', 'size' => 0, 'error' => UPLOAD_ERR_INI_SIZE );
		$php  = UploadValidator::ini_bytes( 'upload_max_filesize' );
		$this->assertGreaterThan( 0, $php, 'the test needs an upload_max_filesize' );
		$this->assertSame( array( 'image_too_large', 413 ), $this->rejection( new UploadValidator( PHP_INT_MAX ), $file ) );
		$this->assertStringContainsString( 'the limit is ' . round( $php / 1048576, 1 ) . ' MB', $this->message );

		$file['error'] = UPLOAD_ERR_FORM_SIZE;
		$this->assertSame( array( 'image_too_large', 413 ), $this->rejection( new UploadValidator( 10 * 1048576 ), $file ) );
		$this->assertSame( 'The photo is too large; the limit is 10 MB.', $this->message );
	}

	public function test_a_body_over_post_max_size_is_too_large(): void {
		$limit = UploadValidator::ini_bytes( 'post_max_size' );
		$this->assertGreaterThan( 0, $limit, 'the test needs a post_max_size' );
		$_SERVER['CONTENT_LENGTH'] = (string) ( $limit + 1 );
		try {
			$this->assertSame( array( 'image_too_large', 413 ), $this->rejection( new UploadValidator(), null ) );
			$this->assertStringContainsString( 'larger than this site accepts', $this->message );
			$_SERVER['CONTENT_LENGTH'] = (string) $limit;
			$this->assertSame( array( 'no_file', 400 ), $this->rejection( new UploadValidator(), null ) );
		} finally {
			unset( $_SERVER['CONTENT_LENGTH'] );
		}
	}

	public function test_an_array_upload_is_refused_as_such(): void {
		$one  = $this->upload( "\xFF\xD8\xFF...." );
		$file = array_map( static fn( $value ): array => array( $value ), $one );
		$this->assertSame( array( 'invalid_upload', 400 ), $this->rejection( new UploadValidator(), $file ) );
		$this->assertSame( 'Send one photo in the field image.', $this->message );
	}

	private string $message = '';

	/**
	 * @param mixed $file Upload.
	 * @return array{0: string, 1: int} Code and status.
	 */
	private function rejection( UploadValidator $validator, $file ): array {
		try {
			$validator->check( $file );
		} catch ( UploadError $e ) {
			$this->message = $e->getMessage();
			return array( $e->error_code, $e->status );
		}
		$this->fail( 'expected a rejection' );
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
		$now     = 1200;
		$limiter = new RateLimiter( 'search', 2, 60, function () use ( &$now ): int {
			return $now;
		} );
		$this->assertTrue( $limiter->hit( '203.0.113.5' ) );
		$this->assertTrue( $limiter->hit( '203.0.113.5' ) );
		$this->assertFalse( $limiter->hit( '203.0.113.5' ) );
		$this->assertTrue( $limiter->hit( '198.51.100.7' ), 'another visitor has their own budget' );
		$now += 20;
		$this->assertSame( 40, $limiter->retry_after( '203.0.113.5' ), 'windows follow the clock' );
		$now += 40;
		$this->assertTrue( $limiter->hit( '203.0.113.5' ), 'a new window starts' );
		$this->assertStringNotContainsString( '203.0.113.5', (string) json_encode( array_keys( Wp::$options ) ) );
		foreach ( array_keys( Wp::$options ) as $name ) {
			$this->assertStringStartsWith( '_transient_', $name, 'expired counters are cleaned up with transients' );
		}
	}

	/**
	 * @return array<string, array{0: bool}>
	 */
	public static function storages(): array {
		return array(
			'options table' => array( false ),
			'object cache'  => array( true ),
		);
	}

	/**
	 * Two requests at once: the second runs entirely while the first is between its
	 * storage steps. With a read followed by a write both saw 9 of 10 and both passed.
	 *
	 * @dataProvider storages
	 */
	public function test_parallel_requests_do_not_share_the_last_place( bool $object_cache ): void {
		Wp::reset();
		Wp::$object_cache = $object_cache;
		$limiter          = new RateLimiter( 'search', 10, 600, static fn(): int => 1200 );
		for ( $i = 0; $i < 9; $i++ ) {
			$this->assertTrue( $limiter->hit( '203.0.113.5' ) );
		}
		$second       = null;
		Wp::$between = static function () use ( $limiter, &$second ): void {
			$second = $limiter->hit( '203.0.113.5' );
		};
		$first = $limiter->hit( '203.0.113.5' );
		$this->assertIsBool( $second, 'the second request ran in between' );
		$this->assertSame( 1, (int) $first + (int) $second, 'only one of them gets the tenth search' );
		$this->assertFalse( $limiter->hit( '203.0.113.5' ) );
	}

	public function test_the_429_says_when_to_retry(): void {
		Wp::reset();
		$_SERVER['REMOTE_ADDR'] = '203.0.113.5';
		try {
			$controller = new ShopperSearchController( static fn() => new FakeClient(), new RateLimiter( 'search', 1, 600, static fn(): int => 1500 ), new ProductListRenderer() );
			$controller->register_routes();
			$search = Wp::$routes['kalas-iris/v1/search'][0]['callback'];
			$this->assertSame( 'no_file', $search( new \WP_REST_Request() )->code );
			$answer = $search( new \WP_REST_Request() );
			$this->assertInstanceOf( \WP_REST_Response::class, $answer );
			$this->assertSame( 429, $answer->get_status() );
			$this->assertSame( 'rate_limited', $answer->get_data()['code'] );
			$this->assertSame( array( 'Retry-After' => '300' ), $answer->get_headers() );
			$this->assertStringContainsString( 'wait 300 seconds', $answer->get_data()['message'] );
		} finally {
			unset( $_SERVER['REMOTE_ADDR'] );
		}
	}
}
