<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Rest\ConnectController;
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

	public function test_malformed_keys_are_refused(): void {
		$state = str_repeat( 'Q', 32 );
		set_transient( 'kalas_iris_connect_' . $state, 1, 900 );
		$answer = $this->call_back( array( 'user_id' => $state, 'consumer_key' => 'ck_nope', 'consumer_secret' => self::SECRET ) );
		$this->assertInstanceOf( \WP_Error::class, $answer );
		$this->assertSame( 'invalid_credentials', $answer->code );
	}
}
