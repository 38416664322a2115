<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Service\WpHttpTransport;
use KalasIris\Tests\HeaderDictionary;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The transport over WordPress's HTTP API keeps the answer's headers: the service's Retry-After
 * and a photo's Content-Type are read from them.
 */
final class WpHttpTransportTest extends TestCase {

	protected function setUp(): void {
		Wp::reset();
	}

	public function test_headers_of_wordpress_dictionary_are_kept_lowercased(): void {
		Wp::$remote['http://svc/v1/feedback/9/image'] = array(
			'response' => array( 'code' => 200 ),
			'headers'  => new HeaderDictionary( array( 'Content-Type' => 'image/jpeg', 'Retry-After' => '7', 'Set-Cookie' => array( 'a=1', 'b=2' ) ) ),
			'body'     => 'JPEG',
		);
		$answer = ( new WpHttpTransport() )->request( 'GET', 'http://svc/v1/feedback/9/image', array(), null, 5.0 );

		$this->assertSame( 200, $answer['status'] );
		$this->assertSame( 'JPEG', $answer['body'] );
		$this->assertSame( 'image/jpeg', $answer['headers']['content-type'] );
		$this->assertSame( '7', $answer['headers']['retry-after'] );
		$this->assertSame( 'b=2', $answer['headers']['set-cookie'], 'the last of repeated headers' );
		$this->assertSame( array( 'GET http://svc/v1/feedback/9/image' ), Wp::$http );
	}

	public function test_no_answer_is_service_unreachable(): void {
		$this->expectExceptionMessage( 'did not answer: Could not resolve host' );
		( new WpHttpTransport() )->request( 'PATCH', 'http://nowhere/v1/feedback/9', array(), '{}', 5.0 );
	}
}
