<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Rest\SettingsController;
use KalasIris\Settings\Settings;
use KalasIris\Settings\SettingsSchema;
use KalasIris\Tests\FakeClient;
use KalasIris\Tests\RestServer;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * POST /settings through WordPress's argument handling: SettingsSchema is the one judge of a
 * setting, so a client hears which rule it broke, never WordPress's "Invalid parameter(s)".
 */
final class SettingsControllerTest extends TestCase {

	protected function setUp(): void {
		Wp::reset();
		Wp::$capabilities = array( 'manage_woocommerce' );
		( new SettingsController( new Settings(), static fn() => new FakeClient() ) )->register_routes();
	}

	/**
	 * @param array<string, mixed> $body JSON body.
	 * @return mixed
	 */
	private static function post( array $body ) {
		$request = new \WP_REST_Request(
			array(
				'content-type' => 'application/json',
				'x-wp-nonce'   => 'valid-nonce',
			)
		);
		$request->set_body( (string) json_encode( $body ) );
		return RestServer::dispatch( '/settings', 'POST', $request );
	}

	/**
	 * Out of bounds, of another type, or not a list: each once refused by a bound the route
	 * declared too.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: string}>
	 */
	public static function refused(): array {
		$names = array_map( static fn( int $i ): string => "f$i", range( 1, SettingsSchema::MAX_FIELDS + 1 ) );
		return array(
			'a URL too long'          => array( array( 'service_url' => 'http://svc/' . str_repeat( 'p', SettingsSchema::MAX_URL_LENGTH ) ), 'service_url', 'The service URL must be at most 2048 characters.' ),
			'a URL that is a number'  => array( array( 'service_url' => 8787 ), 'service_url', 'The service URL must start with http:// or https:// and name a host.' ),
			'an API key number'       => array( array( 'api_key' => 12345678 ), 'api_key', 'The API key must be 8 to 256 printable characters without spaces.' ),
			'another mode'            => array( array( 'mode' => 'sometimes' ), 'mode', 'The mode must be "auto" or "review".' ),
			'too many thresholds'     => array( array( 'thresholds' => array_fill_keys( $names, 0.5 ) ), 'thresholds', 'Send at most 32 thresholds.' ),
			'thresholds as a string'  => array( array( 'thresholds' => 'high' ), 'thresholds', 'Thresholds must be an object of field: number.' ),
			'a threshold above 1'     => array( array( 'thresholds' => array( 'color' => 1.5 ) ), 'thresholds', 'The threshold for color must be between 0 and 1.' ),
			'too many tag fields'     => array( array( 'tag_fields' => $names ), 'tag_fields', 'Give a list of at most 32 field names of lowercase letters, digits and underscores.' ),
			'a tag field number'      => array( array( 'tag_fields' => array( 7 ) ), 'tag_fields', 'Give a list of at most 32 field names of lowercase letters, digits and underscores.' ),
			'attribute fields object' => array( array( 'attribute_fields' => array( 'a' => 'pattern' ) ), 'attribute_fields', 'Give a list of at most 32 field names of lowercase letters, digits and underscores.' ),
			'set_category as a word'  => array( array( 'set_category' => 'yes' ), 'set_category', 'set_category must be true or false.' ),
			'protect_manual as 2'     => array( array( 'protect_manual' => 2 ), 'protect_manual', 'protect_manual must be true or false.' ),
		);
	}

	/**
	 * @dataProvider refused
	 * @param array<string, mixed> $body     JSON body.
	 * @param string               $key      The setting refused.
	 * @param string               $sentence SettingsSchema's sentence for it.
	 */
	public function test_a_refused_setting_is_answered_with_settings_schemas_sentence( array $body, string $key, string $sentence ): void {
		update_option( Settings::OPTION, array( 'api_key' => 'saved-key-123' ) );
		$answer = self::post( $body );

		$this->assertInstanceOf( \WP_Error::class, $answer );
		$this->assertSame( 'invalid_settings', $answer->code, $answer->message );
		$this->assertSame( $sentence, $answer->message );
		$this->assertSame( 400, $answer->data['status'] );
		$this->assertSame( array( $key => $sentence ), $answer->data['errors'] );
		$this->assertSame( array( 'api_key' => 'saved-key-123' ), get_option( Settings::OPTION ), 'nothing saved' );
	}

	/**
	 * The text forms of a boolean that WordPress's REST API takes (a form post sends only text).
	 */
	public function test_yes_no_settings_take_wordpress_boolean_forms(): void {
		foreach ( array( array( 'true', '0' ), array( 1, 'false' ), array( '1', 0 ) ) as [ $set, $protect ] ) {
			$answer = self::post(
				array(
					'set_category'   => $set,
					'protect_manual' => $protect,
				)
			);
			$this->assertIsArray( $answer, var_export( array( $set, $protect ), true ) );
			$this->assertTrue( $answer['set_category'] );
			$this->assertFalse( $answer['protect_manual'] );
		}
	}

	public function test_valid_settings_are_saved_through_the_route(): void {
		// The saved address, sent again as the form does (a trailing slash is the same address).
		update_option( Settings::OPTION, array( 'service_url' => 'https://iris.example.com', 'api_key' => 'saved-key-123' ) );
		$answer = self::post(
			array(
				'service_url'      => 'https://iris.example.com/',
				'api_key'          => null,
				'mode'             => 'review',
				'thresholds'       => array(
					'pattern' => 0.8,
					'color'   => null,
				),
				'tag_fields'       => array( 'usage' ),
				'attribute_fields' => array( 'pattern' ),
				'set_category'     => true,
				'protect_manual'   => false,
			)
		);

		$this->assertIsArray( $answer );
		$this->assertSame( 'https://iris.example.com', $answer['service_url'] );
		$this->assertSame( 'review', $answer['mode'] );
		$this->assertSame( array( 'default' => 0.6, 'category' => 0.7, 'pattern' => 0.8 ), $answer['thresholds'] );
		$this->assertSame( array( 'pattern' ), $answer['attribute_fields'] );
		$this->assertTrue( $answer['set_category'] );
		$this->assertFalse( $answer['protect_manual'] );
		$this->assertSame( 'saved-key-123', ( new Settings() )->get( 'api_key' ), 'null keeps the saved key' );
	}

	public function test_a_new_service_url_without_its_key_removes_the_saved_key_and_says_so(): void {
		update_option( Settings::OPTION, array( 'service_url' => 'https://iris.example.com', 'api_key' => 'saved-key-123' ) );
		// A shop manager, who cannot read the key, points the plugin at a server of their own.
		$answer = self::post( array( 'service_url' => 'https://collector.example.net', 'api_key' => null, 'mode' => 'auto' ) );

		$this->assertIsArray( $answer );
		$this->assertSame( 'https://collector.example.net', $answer['service_url'] );
		$this->assertFalse( $answer['has_api_key'], 'the settings screen asks for the key again' );
		$this->assertSame( '', ( new Settings() )->get( 'api_key' ), '"Test connection" has no key to send there' );
	}

	public function test_the_route_documents_every_setting_from_settings_schema(): void {
		$args = Wp::$routes['kalas-iris/v1/settings'][1]['args'];
		$this->assertSame( array_keys( SettingsSchema::defaults() ), array_keys( $args ) );
		foreach ( SettingsSchema::properties() as $key => $schema ) {
			$this->assertSame( $schema, array_intersect_key( $args[ $key ], $schema ), $key );
		}
		$this->assertSame( SettingsSchema::MODES, $args['mode']['enum'] );
		$this->assertSame( SettingsSchema::MAX_URL_LENGTH, $args['service_url']['maxLength'] );
		// Documented only: WordPress checks and coerces an argument with a type unless its
		// sanitize_callback is there and null, and then SettingsSchema's sentences never arrive.
		foreach ( $args as $key => $arg ) {
			$this->assertArrayHasKey( 'sanitize_callback', $arg, $key );
			$this->assertNull( $arg['sanitize_callback'], $key );
		}
	}

	public function test_wordpress_would_refuse_first_if_the_route_checked_its_bounds(): void {
		// The harness applies a checked argument's schema as WordPress does: the sentences above
		// are reachable because the settings route checks none of its own.
		$args = Wp::$routes['kalas-iris/v1/settings'][1]['args'];
		unset( $args['mode']['sanitize_callback'] );
		Wp::$routes['kalas-iris/v1/settings'][1]['args'] = $args;
		$answer = self::post( array( 'mode' => 'sometimes' ) );
		$this->assertSame( 'rest_invalid_param', $answer->code );
		$this->assertSame( 'Invalid parameter(s): mode', $answer->message );
	}
}
