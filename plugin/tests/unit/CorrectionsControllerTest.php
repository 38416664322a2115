<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Rest\CorrectionsController;
use KalasIris\Service\HttpTransport;
use KalasIris\Service\ServiceClient;
use KalasIris\Tests\RestServer;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The admin's review of corrections sent through the public try-it page: what is asked of the
 * service, and how its answers (a photo, an error, something that is not an image) come back.
 */
final class CorrectionsControllerTest extends TestCase {

	/** @var list<array{method: string, url: string, headers: array<string, string>, body: ?string}> */
	public array $sent = array();
	/** @var array{status: int, headers: array<string, string>, body: string} */
	public array $answer = array( 'status' => 200, 'headers' => array(), 'body' => '{}' );

	protected function setUp(): void {
		Wp::reset();
		$test      = $this;
		$transport = new class( $test ) implements HttpTransport {
			public function __construct( private CorrectionsControllerTest $test ) {
			}
			public function request( string $method, string $url, array $headers, ?string $body, float $timeout ): array {
				$this->test->sent[] = compact( 'method', 'url', 'headers', 'body' );
				return $this->test->answer;
			}
		};
		( new CorrectionsController( static fn() => new ServiceClient( 'http://svc', 'key-12345678', $transport ) ) )->register_routes();
	}

	/**
	 * @param string               $route  Route under the namespace, as registered.
	 * @param array<string, mixed> $params Body parameters.
	 * @param array<string, mixed> $url    The route's URL parameters.
	 * @return mixed
	 */
	private function call( string $route, array $params = array(), array $url = array() ) {
		$request = new \WP_REST_Request( array( 'content-type' => 'application/json' ), $params );
		$request->set_url_params( $url );
		return ( Wp::$routes[ 'kalas-iris/v1' . $route ][0]['callback'] )( $request );
	}

	private function json( int $status, array $body ): void {
		$this->answer = array( 'status' => $status, 'headers' => array(), 'body' => (string) json_encode( $body ) );
	}

	public function test_lists_one_page_of_web_corrections_with_the_services_total(): void {
		$this->json( 200, array( 'items' => array( array( 'id' => 9, 'review' => 'pending', 'source' => 'web' ) ), 'total' => 41 ) );
		$page = $this->call( '/corrections', array( 'review' => 'pending', 'page' => 3, 'per_page' => 20 ) );

		$this->assertSame( 'GET http://svc/v1/feedback?source=web&review=pending&limit=20&offset=40', $this->sent[0]['method'] . ' ' . $this->sent[0]['url'] );
		$this->assertSame( array( 9 ), array_column( $page['items'], 'id' ) );
		$this->assertSame( array( 41, 3, 20 ), array( $page['total'], $page['page'], $page['per_page'] ) );
	}

	public function test_a_bare_request_lists_the_first_page_of_pending_corrections(): void {
		// Through WordPress's argument handling: the route's defaults fill what the page left out.
		Wp::$capabilities = array( 'manage_woocommerce' );
		$this->json( 200, array( 'items' => array(), 'total' => 0 ) );
		$page = RestServer::dispatch( '/corrections', 'GET', new \WP_REST_Request( array( 'x-wp-nonce' => 'valid-nonce' ) ) );

		$this->assertSame( 'http://svc/v1/feedback?source=web&review=pending&limit=20&offset=0', $this->sent[0]['url'] );
		$this->assertSame( array( 1, 20 ), array( $page['page'], $page['per_page'] ) );
	}

	public function test_a_decision_is_sent_as_a_review_of_that_correction(): void {
		$this->json( 200, array( 'id' => 9, 'review' => 'accepted', 'learns' => true ) );
		$answer = $this->call( '/corrections/(?P<id>\d+)', array( 'review' => 'accepted' ), array( 'id' => '9' ) );

		$this->assertSame( 'PATCH', $this->sent[0]['method'] );
		$this->assertSame( 'http://svc/v1/feedback/9', $this->sent[0]['url'] );
		$this->assertSame( '{"review":"accepted"}', $this->sent[0]['body'] );
		$this->assertTrue( $answer['learns'] );
	}

	public function test_an_unknown_correction_keeps_the_services_404(): void {
		$this->json( 404, array( 'error' => array( 'code' => 'feedback_not_found', 'message' => 'There is no correction 9.' ) ) );
		$error = $this->call( '/corrections/(?P<id>\d+)', array( 'review' => 'rejected' ), array( 'id' => '9' ) );

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( array( 'feedback_not_found', 404 ), array( $error->code, $error->data['status'] ) );
	}

	public function test_an_id_beyond_php_int_max_is_not_asked_about_as_another_number(): void {
		foreach ( array( '/corrections/(?P<id>\d+)', '/corrections/(?P<id>\d+)/image' ) as $route ) {
			// WordPress's integer sanitizing would turn the digits into PHP_INT_MAX before the callback.
			$arg = Wp::$routes[ 'kalas-iris/v1' . $route ][0]['args']['id'];
			$this->assertSame( '99999999999999999999', ( $arg['sanitize_callback'] )( '99999999999999999999', new \WP_REST_Request(), 'id' ) );
			$this->assertSame( 'rest_validate_request_arg', $arg['validate_callback'] );

			$error = $this->call( $route, array( 'review' => 'rejected' ), array( 'id' => '99999999999999999999' ) );
			$this->assertInstanceOf( \WP_Error::class, $error );
			$this->assertSame( array( 'feedback_not_found', 404 ), array( $error->code, $error->data['status'] ) );
			$this->assertStringContainsString( '"99999999999999999999"', $error->message );
		}
		$this->assertSame( array(), $this->sent, 'no correction can have that id: the service is not asked' );

		$this->json( 200, array( 'id' => 9, 'review' => 'rejected' ) );
		$this->call( '/corrections/(?P<id>\d+)', array( 'review' => 'rejected' ), array( 'id' => '009' ) );
		$this->assertSame( 'http://svc/v1/feedback/9', $this->sent[0]['url'] );
	}

	public function test_the_photo_comes_back_as_a_data_url(): void {
		$this->answer = array( 'status' => 200, 'headers' => array( 'content-type' => 'image/jpeg' ), 'body' => "\xFF\xD8\xFFbytes" );
		$image        = $this->call( '/corrections/(?P<id>\d+)/image', array(), array( 'id' => '9' ) );

		$this->assertSame( 'http://svc/v1/feedback/9/image?max=480', $this->sent[0]['url'], 'a thumbnail, not the phone photo' );
		$this->assertSame( 'image/*', $this->sent[0]['headers']['Accept'] );
		$this->assertSame( 'data:image/jpeg;base64,' . base64_encode( "\xFF\xD8\xFFbytes" ), $image['data_url'] );
	}

	public function test_an_answer_that_is_no_image_is_not_passed_to_the_page(): void {
		// A data URL of HTML in an <img> is harmless, but it is not the service answering.
		$this->answer = array( 'status' => 200, 'headers' => array( 'content-type' => 'text/html' ), 'body' => '<html>shop</html>' );
		$error        = $this->call( '/corrections/(?P<id>\d+)/image', array(), array( 'id' => '9' ) );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( array( 'service_unexpected', 502 ), array( $error->code, $error->data['status'] ) );

		$this->json( 404, array( 'error' => array( 'code' => 'image_not_found', 'message' => 'This correction has no photo.' ) ) );
		$error = $this->call( '/corrections/(?P<id>\d+)/image', array(), array( 'id' => '9' ) );
		$this->assertSame( array( 'image_not_found', 404 ), array( $error->code, $error->data['status'] ) );
	}
}
