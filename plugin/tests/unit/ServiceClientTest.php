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

	public function test_links_that_are_not_absolute_are_left_out_not_sent(): void {
		$sent   = array();
		$client = $this->client( array( 'status' => 200, 'headers' => array(), 'body' => '{"id":"5","annotation":{}}' ), $sent );
		$client->put_product( 5, new Image( 'JPEGBYTES', 'image/jpeg', 'a.jpg' ), array( 'name' => 'Red dress', 'permalink' => '/shop/red-dress/', 'image_url' => 'https://s/wp-content/uploads/a.jpg' ) );

		$this->assertStringNotContainsString( 'name="permalink"', $sent[0]['body'], 'a relative permalink would make the service refuse the product' );
		$this->assertStringContainsString( "name=\"image_url\"\r\n\r\nhttps://s/wp-content/uploads/a.jpg", $sent[0]['body'] );

		$client->put_product( 6, new Image( 'JPEGBYTES', 'image/jpeg', 'a.jpg' ), array( 'name' => str_repeat( 'é', 600 ) ) );
		$this->assertStringContainsString( "name=\"name\"\r\n\r\n" . str_repeat( 'é', 500 ) . "\r\n", $sent[1]['body'], 'a long title is cut to what the service takes' );
	}

	public function test_labels_go_in_batches_and_learning_is_asked_for(): void {
		$sent   = array();
		$client = $this->client( array( 'status' => 200, 'headers' => array(), 'body' => '{"id":"7","annotation":{},"updated":1,"missing":[],"fields":{}}' ), $sent );
		$client->put_product( 7, new Image( 'JPEGBYTES', 'image/jpeg', 'a.jpg' ), array(), array( 'category' => 'Tees & Tanks' ) );
		$client->set_labels( array( array( 'id' => '7', 'labels' => (object) array() ) ) );
		$client->learn();
		$this->assertStringContainsString( "name=\"labels\"\r\n\r\n{\"category\":\"Tees & Tanks\"}", $sent[0]['body'] );
		$this->assertSame( array( 'PUT', 'http://svc:8787/v1/labels' ), array( $sent[1]['method'], $sent[1]['url'] ) );
		$this->assertSame( '{"items":[{"id":"7","labels":{}}]}', $sent[1]['body'] );
		$this->assertSame( array( 'POST', 'http://svc:8787/v1/learn' ), array( $sent[2]['method'], $sent[2]['url'] ) );
	}

	public function test_the_learning_status_is_read(): void {
		$sent   = array();
		$client = $this->client( array( 'status' => 200, 'headers' => array(), 'body' => '{"fields":{},"running":false,"next_run_at":null}' ), $sent );
		$this->assertFalse( $client->learn_status()['running'] );
		$this->assertSame( array( 'GET', 'http://svc:8787/v1/learn', null ), array( $sent[0]['method'], $sent[0]['url'], $sent[0]['body'] ) );
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
			$this->assertSame( ServiceError::UNEXPECTED, $e->error_code );
		}
	}

	/**
	 * @return array<string, array{0: int, 1: string}>
	 */
	public static function not_the_service(): array {
		return array(
			'web server 404 page'    => array( 404, '<html><body>Not Found</body></html>' ),
			'WordPress REST 404'     => array( 404, '{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}' ),
			'another API\'s error'   => array( 404, '{"error":"not found"}' ),
			'WordPress REST index'   => array( 200, '{"name":"My shop","description":"","url":"http://shop","namespaces":["wp/v2"]}' ),
			'a JSON list'            => array( 200, '[]' ),
			'a page as 200'          => array( 200, '<!doctype html><title>Shop</title>' ),
		);
	}

	/**
	 * @dataProvider not_the_service
	 */
	public function test_an_answer_that_is_not_the_services_says_so( int $status, string $body ): void {
		$sent = array();
		try {
			$this->client( array( 'status' => $status, 'headers' => array(), 'body' => $body ), $sent )->model();
			$this->fail( 'expected an error' );
		} catch ( ServiceError $e ) {
			$this->assertSame( 'service_unexpected', $e->error_code );
			$this->assertSame( 502, $e->status );
			$this->assertSame( "The address http://svc:8787 answered (HTTP $status), but not as a Kalas Iris service: check the service URL.", $e->getMessage() );
			$this->assertTrue( $e->is_retryable(), 'jobs wait for the URL to be corrected' );
		}
	}

	public function test_each_call_checks_the_fields_it_needs(): void {
		$sent   = array();
		$client = $this->client( array( 'status' => 200, 'headers' => array(), 'body' => '{"name":"kalas-fashion-mnv2","version":"1.0.0"}' ), $sent );
		$this->assertSame( '1.0.0', $client->model()['version'] );
		$items = $this->client( array( 'status' => 200, 'headers' => array(), 'body' => '{"items":"none"}' ), $sent );
		$calls = array(
			array( $client, 'reindex_progress', array() ),
			array( $client, 'similar_to_product', array( 5, 8 ) ),
			array( $client, 'learn', array() ),
			array( $client, 'learn_status', array() ),
			array( $items, 'similar_to_product', array( 5, 8 ) ),
		);
		foreach ( $calls as [ $caller, $call, $args ] ) {
			try {
				$caller->{$call}( ...$args );
				$this->fail( "$call: expected an error" );
			} catch ( ServiceError $e ) {
				$this->assertSame( 'service_unexpected', $e->error_code, $call );
			}
		}
	}

	public function test_the_services_own_404_keeps_its_code(): void {
		$sent = array();
		try {
			$this->client( array( 'status' => 404, 'headers' => array(), 'body' => '{"error":{"code":"product_not_found","message":"No such product."}}' ), $sent )->similar_to_product( 5, 8 );
			$this->fail( 'expected an error' );
		} catch ( ServiceError $e ) {
			$this->assertSame( array( 'product_not_found', 404 ), array( $e->error_code, $e->status ) );
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
