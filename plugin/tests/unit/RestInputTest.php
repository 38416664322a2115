<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\CatalogLearning;
use KalasIris\Products\ReviewService;
use KalasIris\Products\WpCatalog;
use KalasIris\Rest;
use KalasIris\Rest\RestController;
use KalasIris\Tests\FakeCatalog;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * What the routes make of input WordPress lets through: bodies that are not objects,
 * ids shadowing the path, keys with a trailing line break.
 */
final class RestInputTest extends TestCase {

	private const KEY    = 'ck_0123456789abcdef0123456789abcdef01234567';
	private const SECRET = 'cs_0123456789abcdef0123456789abcdef01234567';

	private Harness $shop;

	protected function setUp(): void {
		$this->shop = new Harness( array( 'mode' => 'review' ) );
		$client     = $this->shop->client;
		$factory    = static fn() => $client;
		$review     = new ReviewService( $this->shop->write, $this->shop->meta, $this->shop->scheduler );
		foreach ( array(
			new Rest\SettingsController( $this->shop->settings, $factory ),
			new Rest\ConnectController( $factory ),
			new Rest\ProductsController( $this->shop->meta, $this->shop->events ),
			new Rest\ReviewController( new WpCatalog(), $this->shop->meta, $review ),
			new Rest\LearnController( new CatalogLearning( new FakeCatalog(), $this->shop->products, $this->shop->meta, $factory ) ),
		) as $controller ) {
			$controller->register_routes();
		}
	}

	/**
	 * Calls a route's first endpoint with that method.
	 *
	 * @param string           $route   Route under the namespace.
	 * @param string           $method  GET or POST.
	 * @param \WP_REST_Request $request Request.
	 * @return mixed
	 */
	private function call( string $route, string $method, \WP_REST_Request $request ) {
		foreach ( Wp::$routes[ RestController::NAMESPACE . $route ] as $endpoint ) {
			if ( str_contains( $endpoint['methods'], $method ) ) {
				return ( $endpoint['callback'] )( $request );
			}
		}
		$this->fail( "no $method $route" );
	}

	private static function json( string $body, array $url = array() ): \WP_REST_Request {
		$request = new \WP_REST_Request( array( 'content-type' => 'application/json' ) );
		$request->set_body( $body );
		$request->set_url_params( $url );
		return $request;
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function not_objects(): array {
		return array(
			'string' => array( '"review"' ),
			'number' => array( '3' ),
			'true'   => array( 'true' ),
			'list'   => array( '[1,2]' ),
			'empty list' => array( ' [] ' ),
			'null'   => array( 'null' ),
		);
	}

	/**
	 * @dataProvider not_objects
	 */
	public function test_post_routes_that_take_an_object_refuse_other_json( string $body ): void {
		$this->shop->products->add( 1, 10 );
		$this->shop->job->annotate( 1 );
		$routes = array( '/settings', '/connect/manual', '/connect/callback', '/review/(?P<id>\d+)', '/review/bulk' );
		foreach ( $routes as $route ) {
			$request = self::json( $body, array( 'id' => '1' ) );
			// WordPress reads required arguments from the query string too.
			$request->set_query_params( array( 'decision' => 'reject', 'ids' => array( 1 ), 'consumer_key' => self::KEY, 'consumer_secret' => self::SECRET ) );
			$answer = $this->call( $route, 'POST', $request );
			$this->assertInstanceOf( \WP_Error::class, $answer, $route );
			$this->assertSame( 'invalid_body', $answer->code, $route );
			$this->assertSame( 400, $answer->data['status'] );
			$this->assertSame( 'Send a JSON object.', $answer->message );
		}
		$this->assertSame( 'review', $this->shop->meta->status( 1 ) );
		$this->assertSame( array(), $this->shop->client->credentials );
	}

	public function test_settings_take_json_only_and_an_empty_object(): void {
		$form = new \WP_REST_Request( array( 'content-type' => 'application/x-www-form-urlencoded' ) );
		$form->set_body( 'mode=review' );
		$answer = $this->call( '/settings', 'POST', $form );
		$this->assertSame( 'invalid_body', $answer->code );
		$this->assertStringContainsString( 'Content-Type: application/json', $answer->message );

		$this->assertSame( 'review', $this->call( '/settings', 'POST', self::json( ' {} ' ) )['mode'] );
		$this->assertSame( 'auto', $this->call( '/settings', 'POST', self::json( '{"mode":"auto"}' ) )['mode'] );
	}

	public function test_a_key_with_a_trailing_line_break_is_not_a_woocommerce_key(): void {
		$answer = $this->call( '/connect/manual', 'POST', self::json( (string) json_encode( array( 'consumer_key' => self::KEY . "\n", 'consumer_secret' => self::SECRET ) ) ) );
		$this->assertSame( 'invalid_credentials', $answer->code );
		$answer = $this->call( '/connect/manual', 'POST', self::json( (string) json_encode( array( 'consumer_key' => self::KEY, 'consumer_secret' => self::SECRET . "\n" ) ) ) );
		$this->assertSame( 'invalid_credentials', $answer->code );
		$this->assertSame( array(), $this->shop->client->credentials );

		$state = str_repeat( 'Q', 32 );
		set_transient( 'kalas_iris_connect_' . $state . "\n", 1, 900 );
		$answer = $this->call( '/connect/callback', 'POST', self::json( (string) json_encode( array( 'user_id' => $state . "\n", 'consumer_key' => self::KEY, 'consumer_secret' => self::SECRET ) ) ) );
		$this->assertSame( 'invalid_state', $answer->code );

		$this->assertTrue( $this->call( '/connect/manual', 'POST', self::json( (string) json_encode( array( 'consumer_key' => self::KEY, 'consumer_secret' => self::SECRET ) ) ) )['ok'] );
	}

	public function test_product_routes_use_the_path_id(): void {
		Wp::$products[9104] = new \WC_Product( 9104 );
		Wp::$products[9105] = new \WC_Product( 9105 );
		$request            = self::json( '{"id":9105}', array( 'id' => '9104' ) );
		$request->set_query_params( array( 'id' => '9105' ) );
		$this->assertSame( 9104, $this->call( '/products/(?P<id>\d+)', 'GET', $request )['id'] );
		$this->assertSame( 9104, $this->call( '/products/(?P<id>\d+)/annotate', 'POST', $request )['id'] );

		$huge = self::json( '', array( 'id' => '99999999999999999999' ) );
		$this->assertSame( 'product_not_found', $this->call( '/products/(?P<id>\d+)', 'GET', $huge )->code, 'not PHP_INT_MAX' );
		// WordPress would sanitize an integer argument into PHP_INT_MAX before the callback: every
		// route's {id} keeps the digits as sent, so path_id() sees the number that was asked for.
		foreach ( Wp::$routes as $route => $endpoints ) {
			foreach ( $endpoints as $endpoint ) {
				if ( isset( $endpoint['args']['id'] ) ) {
					$this->assertSame( '99999999999999999999', ( $endpoint['args']['id']['sanitize_callback'] )( '99999999999999999999', $huge, 'id' ), $route );
				}
			}
		}
	}

	public function test_learn_answers_an_object_before_the_first_learning(): void {
		$answer = $this->call( '/learn', 'GET', new \WP_REST_Request() );
		$this->assertFalse( $answer['learned'] );
		$this->assertSame( '{"learned":false,"service":{"fields":{},"running":false,"next_run_at":null},"service_error":null}', json_encode( $answer ) );
		update_option( CatalogLearning::OPTION, array( 'at' => 'now', 'report' => array( 'fields' => array() ) ) );
		$this->assertSame( 'now', $this->call( '/learn', 'GET', new \WP_REST_Request() )['at'] );
	}

	public function test_callers_without_permission_hear_so_before_argument_errors(): void {
		Wp::$capabilities = array();
		$missing          = new \WP_Error( 'rest_missing_callback_param', 'Missing parameter(s): decision', array( 'status' => 400 ) );
		$handler          = Wp::$routes['kalas-iris/v1/review/(?P<id>\d+)'][0];
		$answer           = RestController::permission_first( $missing, $handler, new \WP_REST_Request() );
		$this->assertSame( 'rest_forbidden', $answer->code );
		$this->assertSame( 401, $answer->data['status'] );

		Wp::$capabilities = array( 'manage_woocommerce' );
		$with_nonce       = new \WP_REST_Request( array( 'x-wp-nonce' => 'valid-nonce' ) );
		$this->assertSame( $missing, RestController::permission_first( $missing, $handler, $with_nonce ), 'allowed callers see the argument error' );
		$this->assertNull( RestController::permission_first( null, $handler, new \WP_REST_Request() ), 'valid requests are left to WordPress' );
		$public = Wp::$routes['kalas-iris/v1/connect/callback'][0];
		$this->assertSame( $missing, RestController::permission_first( $missing, $public, new \WP_REST_Request() ) );
	}
}
