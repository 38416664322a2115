<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Rest\ConnectController;
use KalasIris\Service\ServiceError;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The wc-auth callback: only a flow the admin started is accepted, once, and the
 * secret is forwarded to the service, not kept.
 */
final class ConnectControllerTest extends TestCase {

	private const KEY    = 'ck_0123456789abcdef0123456789abcdef01234567';
	private const SECRET = 'cs_0123456789abcdef0123456789abcdef01234567';

	private Harness $shop;

	protected function setUp(): void {
		$this->shop = new Harness();
		$client     = $this->shop->client;
		( new ConnectController( static fn() => $client ) )->register_routes();
	}

	/**
	 * Calls the callback route as WooCommerce does.
	 *
	 * @param array<string, mixed> $body JSON body.
	 * @return mixed
	 */
	private function call_back( array $body ) {
		$endpoint = Wp::$routes['kalas-iris/v1/connect/callback'][0];
		return ( $endpoint['callback'] )( new \WP_REST_Request( array(), $body ) );
	}

	public function test_a_callback_without_a_started_flow_is_refused(): void {
		$answer = $this->call_back( array( 'user_id' => str_repeat( 'a', 32 ), 'consumer_key' => self::KEY, 'consumer_secret' => self::SECRET ) );
		$this->assertInstanceOf( \WP_Error::class, $answer );
		$this->assertSame( 403, $answer->data['status'] );
		$this->assertSame( array(), $this->shop->client->credentials );
	}

	public function test_a_started_flow_forwards_the_key_once_and_keeps_no_secret(): void {
		$state = str_repeat( 'Ab3', 10 ) . 'xy';
		set_transient( 'kalas_iris_connect_' . $state, 1, 900 );
		$body = array( 'key_id' => 7, 'user_id' => $state, 'consumer_key' => self::KEY, 'consumer_secret' => self::SECRET, 'key_permissions' => 'read_write' );

		$answer = $this->call_back( $body );
		$this->assertTrue( $answer['ok'] );
		$this->assertSame( array( array( 'https://shop.test/', self::KEY, self::SECRET ) ), $this->shop->client->credentials );
		$this->assertSame( 7, ConnectController::connection()['key_id'] );
		$this->assertStringNotContainsString( 'cs_', (string) json_encode( Wp::$options ), 'the secret is not stored' );

		$replay = $this->call_back( $body );
		$this->assertInstanceOf( \WP_Error::class, $replay, 'the state token is single use' );
	}

	/**
	 * A WooCommerce key row as WC_Auth creates it.
	 *
	 * @param int    $key_id       Row id.
	 * @param string $consumer_key ck_… key.
	 */
	private static function key_row( int $key_id, string $consumer_key ): void {
		$GLOBALS['wpdb']->api_keys[ $key_id ] = array( 'description' => 'Kalas Iris - API (…)', 'truncated_key' => substr( $consumer_key, -7 ) );
	}

	/**
	 * Runs one "Connect to WooCommerce": WooCommerce creates the key and posts it back.
	 *
	 * @param int    $key_id       Row id.
	 * @param string $consumer_key ck_… key.
	 * @return mixed The callback's answer.
	 */
	private function connect( int $key_id, string $consumer_key ) {
		$state = substr( str_repeat( bin2hex( random_bytes( 16 ) ), 2 ), 0, 32 );
		set_transient( 'kalas_iris_connect_' . $state, 1, 900 );
		self::key_row( $key_id, $consumer_key );
		return $this->call_back( array( 'key_id' => $key_id, 'user_id' => $state, 'consumer_key' => $consumer_key, 'consumer_secret' => self::SECRET, 'key_permissions' => 'read_write' ) );
	}

	public function test_connecting_again_deletes_the_key_woocommerce_created_last_time(): void {
		self::key_row( 3, 'ck_' . str_repeat( 'c', 40 ) ); // A key of the shop's own.
		$this->connect( 7, self::KEY );
		$this->assertSame( array( 3, 7 ), array_keys( $GLOBALS['wpdb']->api_keys ) );

		// A reconnection the service refuses leaves it the key it has.
		$this->shop->client->errors = array( new ServiceError( ServiceError::UNREACHABLE, 'down' ) );
		$this->assertInstanceOf( \WP_Error::class, $this->connect( 8, 'ck_' . str_repeat( 'e', 40 ) ) );
		$this->assertArrayHasKey( 7, $GLOBALS['wpdb']->api_keys );
		$this->assertSame( 7, ConnectController::connection()['key_id'] );
		unset( $GLOBALS['wpdb']->api_keys[8] ); // WooCommerce deletes a key its callback refused.

		$this->assertTrue( $this->connect( 9, 'ck_' . str_repeat( 'b', 40 ) )['ok'] );
		$this->assertSame( array( 3, 9 ), array_keys( $GLOBALS['wpdb']->api_keys ), 'key 7 is revoked, the shop’s own kept' );
		$this->assertSame( 9, ConnectController::connection()['key_id'] );
		$this->assertStringNotContainsString( 'cs_', (string) json_encode( Wp::$options ), 'still no secret stored' );
	}

	public function test_keys_entered_by_hand_replace_the_created_key_but_are_never_deleted(): void {
		$this->connect( 7, self::KEY );
		$manual = Wp::$routes['kalas-iris/v1/connect/manual'][0];
		$answer = ( $manual['callback'] )( new \WP_REST_Request( array( 'content-type' => 'application/json' ), array( 'consumer_key' => 'ck_' . str_repeat( 'd', 40 ), 'consumer_secret' => self::SECRET ) ) );
		$this->assertTrue( $answer['ok'] );
		$this->assertSame( array(), $GLOBALS['wpdb']->api_keys, 'key 7 is revoked' );

		self::key_row( 8, 'ck_' . str_repeat( 'd', 40 ) ); // The person's key.
		$this->connect( 9, 'ck_' . str_repeat( 'b', 40 ) );
		$this->assertSame( array( 8, 9 ), array_keys( $GLOBALS['wpdb']->api_keys ), 'nothing recorded of a key typed in' );
	}

	public function test_only_the_row_of_the_key_the_service_was_given_is_deleted(): void {
		self::key_row( 3, 'ck_' . str_repeat( 'c', 40 ) ); // The shop's own key.
		// A callback whose key_id names that row, with another key.
		$state = str_repeat( 'S', 32 );
		set_transient( 'kalas_iris_connect_' . $state, 1, 900 );
		$this->call_back( array( 'key_id' => 3, 'user_id' => $state, 'consumer_key' => self::KEY, 'consumer_secret' => self::SECRET ) );

		$this->connect( 9, 'ck_' . str_repeat( 'b', 40 ) );
		$this->assertArrayHasKey( 3, $GLOBALS['wpdb']->api_keys, 'the row does not end like the key the service was given' );
		$this->connect( 11, 'ck_' . str_repeat( 'f', 40 ) );
		$this->assertSame( array( 3, 11 ), array_keys( $GLOBALS['wpdb']->api_keys ) );
	}

	public function test_malformed_keys_are_refused(): void {
		$state = str_repeat( 'Q', 32 );
		set_transient( 'kalas_iris_connect_' . $state, 1, 900 );
		$answer = $this->call_back( array( 'user_id' => $state, 'consumer_key' => 'ck_nope', 'consumer_secret' => self::SECRET ) );
		$this->assertInstanceOf( \WP_Error::class, $answer );
		$this->assertSame( 'invalid_credentials', $answer->code );
	}
}
