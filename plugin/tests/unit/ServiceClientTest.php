<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Service\HttpTransport;
use KalasIris\Service\Image;
use KalasIris\Service\Multipart;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use PHPUnit\Framework\TestCase;

/**
 * Requests the client sends and how it maps the service's errors.
 */
final class ServiceClientTest extends TestCase {

	/**
	 * @param array{status: int, headers: array<string, string>, body: string} $response Canned answer.
	 * @param list<array<string, mixed>>                                       $sent     Receives the requests.
	 */
	private function client( array $response, array &$sent ): ServiceClient {
		$transport = new class( $response, $sent ) implements HttpTransport {
			public function __construct( private array $response, private array &$sent ) {
			}
			public function request( string $method, string $url, array $headers, ?string $body, float $timeout ): array {
				$this->sent[] = compact( 'method', 'url', 'headers', 'body' );
				return $this->response;
			}
		};
		return new ServiceClient( 'http://svc:8787', 'key-12345678', $transport );
	}

	public function test_put_product_sends_multipart_with_bearer_key(): void {
		$sent   = array();
		$client = $this->client( array( 'status' => 200, 'headers' => array(), 'body' => '{"id":"5","annotation":{}}' ), $sent );
		$answer = $client->put_product( 5, new Image( 'JPEGBYTES', 'image/jpeg', 'a.jpg' ), array( 'name' => 'Red dress', 'permalink' => 'https://s/p', 'image_url' => '' ) );

		$this->assertSame( '5', $answer['id'] );
		$this->assertSame( 'PUT', $sent[0]['method'] );
		$this->assertSame( 'http://svc:8787/v1/products/5', $sent[0]['url'] );
		$this->assertSame( 'Bearer key-12345678', $sent[0]['headers']['Authorization'] );
		$this->assertStringStartsWith( 'multipart/form-data; boundary=', $sent[0]['headers']['Content-Type'] );
		$this->assertStringContainsString( "name=\"image\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEGBYTES", $sent[0]['body'] );
		$this->assertStringContainsString( "name=\"name\"\r\n\r\nRed dress", $sent[0]['body'] );
		$this->assertStringNotContainsString( 'name="image_url"', $sent[0]['body'], 'empty fields are left out' );
		$this->assertStringContainsString( "name=\"labels\"\r\n\r\n{}", $sent[0]['body'], 'no own labels clears the stored ones' );
	}

	public function test_labels_go_in_batches_and_learning_is_asked_for(): void {
		$sent   = array();
		$client = $this->client( array( 'status' => 200, 'headers' => array(), 'body' => '{"updated":1,"missing":[]}' ), $sent );
		$client->put_product( 7, new Image( 'JPEGBYTES', 'image/jpeg', 'a.jpg' ), array(), array( 'category' => 'Tees & Tanks' ) );
		$client->set_labels( array( array( 'id' => '7', 'labels' => (object) array() ) ) );
		$client->learn();
		$this->assertStringContainsString( "name=\"labels\"\r\n\r\n{\"category\":\"Tees & Tanks\"}", $sent[0]['body'] );
		$this->assertSame( array( 'PUT', 'http://svc:8787/v1/labels' ), array( $sent[1]['method'], $sent[1]['url'] ) );
		$this->assertSame( '{"items":[{"id":"7","labels":{}}]}', $sent[1]['body'] );
		$this->assertSame( array( 'POST', 'http://svc:8787/v1/learn' ), array( $sent[2]['method'], $sent[2]['url'] ) );
	}

	public function test_error_body_becomes_a_typed_error(): void {
		$sent   = array();
		$client = $this->client(
			array( 'status' => 503, 'headers' => array( 'retry-after' => '12' ), 'body' => '{"error":{"code":"overloaded","message":"Busy."}}' ),
			$sent
		);
		try {
			$client->model();
			$this->fail( 'expected an error' );
		} catch ( ServiceError $e ) {
			$this->assertSame( 'overloaded', $e->error_code );
			$this->assertSame( 'Busy.', $e->getMessage() );
			$this->assertSame( 12, $e->retry_after );
			$this->assertTrue( $e->is_retryable() );
		}
	}

	public function test_client_errors_are_not_retryable_and_non_json_is_reported(): void {
		$sent = array();
		try {
			$this->client( array( 'status' => 400, 'headers' => array(), 'body' => '{"error":{"code":"not_an_image","message":"No."}}' ), $sent )->annotate( new Image( 'x', 'text/plain', 'x.txt' ) );
			$this->fail( 'expected an error' );
		} catch ( ServiceError $e ) {
			$this->assertFalse( $e->is_retryable() );
		}
		try {
			$this->client( array( 'status' => 200, 'headers' => array(), 'body' => '<html>' ), $sent )->model();
			$this->fail( 'expected an error' );
		} catch ( ServiceError $e ) {
			$this->assertSame( 'invalid_response', $e->error_code );
		}
	}

	public function test_missing_key_fails_before_any_request(): void {
		$sent      = array();
		$transport = $this->createMock( HttpTransport::class );
		$transport->expects( $this->never() )->method( 'request' );
		$this->expectException( ServiceError::class );
		( new ServiceClient( 'http://svc', '', $transport ) )->model();
	}

	public function test_feedback_sends_attribute_maps_as_objects_even_when_empty(): void {
		$sent   = array();
		$client = $this->client( array( 'status' => 201, 'headers' => array(), 'body' => '{"id":1}' ), $sent );
		// What comes back out of Action Scheduler's JSON storage.
		$client->feedback( json_decode( '{"product_id":"5","attributes":{},"colors":["navy"],"original":{"category":null,"attributes":{},"colors":[]}}', true ) );
		$this->assertSame( '{"product_id":"5","attributes":{},"colors":["navy"],"original":{"category":null,"attributes":{},"colors":[]}}', $sent[0]['body'] );
	}

	public function test_multipart_quotes_header_parameters(): void {
		$body = ( new Multipart( 'B' ) )->file( 'image', "evil\"\r\nname.jpg", 'image/png', 'P' )->body();
		$this->assertSame( "--B\r\nContent-Disposition: form-data; name=\"image\"; filename=\"evil%22name.jpg\"\r\nContent-Type: image/png\r\n\r\nP\r\n--B--\r\n", $body );
	}
}
