<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Settings\Settings;
use KalasIris\Settings\SettingsSchema;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * Settings validation.
 */
final class SettingsSchemaTest extends TestCase {

	public function test_defaults_protect_manual_labels(): void {
		$this->assertTrue( SettingsSchema::defaults()['protect_manual'] );
		[ , $errors ] = SettingsSchema::validate( array(), SettingsSchema::defaults() );
		$this->assertSame( array(), $errors );
	}

	public function test_valid_input_is_cleaned(): void {
		[ $clean, $errors ] = SettingsSchema::validate(
			array(
				'service_url'      => ' https://iris.example.com/ ',
				'mode'             => 'review',
				'thresholds'       => array( 'pattern' => 0.8, 'color' => 0 ),
				'tag_fields'       => array( 'usage', 'usage' ),
				'attribute_fields' => array( 'color' ),
				'set_category'     => true,
			),
			SettingsSchema::defaults()
		);
		$this->assertSame( array(), $errors );
		$this->assertSame( 'https://iris.example.com', $clean['service_url'] );
		$this->assertSame( 'review', $clean['mode'] );
		$this->assertSame( array( 'default' => 0.6, 'category' => 0.7, 'color' => 0.0, 'pattern' => 0.8 ), $clean['thresholds'] );
		$this->assertSame( array( 'usage' ), $clean['tag_fields'] );
		$this->assertTrue( $clean['set_category'] );
	}

	/**
	 * @dataProvider invalid_inputs
	 * @param array<string, mixed> $input Bad payload.
	 * @param string               $key   Field that must report an error.
	 */
	public function test_invalid_input_is_rejected( array $input, string $key ): void {
		[ , $errors ] = SettingsSchema::validate( $input, SettingsSchema::defaults() );
		$this->assertArrayHasKey( $key, $errors );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public static function invalid_inputs(): array {
		return array(
			'ftp url'            => array( array( 'service_url' => 'ftp://x' ), 'service_url' ),
			'no host'            => array( array( 'service_url' => 'http://' ), 'service_url' ),
			'javascript url'     => array( array( 'service_url' => 'javascript:alert(1)' ), 'service_url' ),
			'mode'               => array( array( 'mode' => 'sometimes' ), 'mode' ),
			'threshold > 1'      => array( array( 'thresholds' => array( 'color' => 1.5 ) ), 'thresholds' ),
			'threshold string'   => array( array( 'thresholds' => array( 'color' => '0.5' ) ), 'thresholds' ),
			'field name'         => array( array( 'tag_fields' => array( 'Bad Name' ) ), 'tag_fields' ),
			'tag and attribute'  => array( array( 'tag_fields' => array( 'color' ), 'attribute_fields' => array( 'color' ) ), 'attribute_fields' ),
			'protect not bool'   => array( array( 'protect_manual' => 'no' ), 'protect_manual' ),
			'api key with space' => array( array( 'api_key' => 'has a space in it' ), 'api_key' ),
			'field name newline' => array( array( 'tag_fields' => array( "usage\n" ) ), 'tag_fields' ),
			'threshold newline'  => array( array( 'thresholds' => array( "color\n" => 0.5 ) ), 'thresholds' ),
			'url with NUL'       => array( array( 'service_url' => "http://127.0.0.1:8787\0" ), 'service_url' ),
			'url NUL in path'    => array( array( 'service_url' => "http://svc/\0x" ), 'service_url' ),
			'url with tab'       => array( array( 'service_url' => "http://svc\t/v" ), 'service_url' ),
			'url nbsp'           => array( array( 'service_url' => "http://svc/\u{00A0}" ), 'service_url' ),
			'url invalid utf-8'  => array( array( 'service_url' => "http://svc/\xC3" ), 'service_url' ),
			'url long host'      => array( array( 'service_url' => 'http://' . str_repeat( 'a', 250 ) . '.com' ), 'service_url' ),
			'url too long'       => array( array( 'service_url' => 'http://svc/' . str_repeat( 'p', 2040 ) ), 'service_url' ),
			'url query'          => array( array( 'service_url' => 'http://svc/?x=1' ), 'service_url' ),
			'url empty query'    => array( array( 'service_url' => 'http://svc/?' ), 'service_url' ),
			'url fragment'       => array( array( 'service_url' => 'http://svc/#top' ), 'service_url' ),
			'url credentials'    => array( array( 'service_url' => 'http://user:pw@svc' ), 'service_url' ),
			'url user'           => array( array( 'service_url' => 'https://user@svc' ), 'service_url' ),
			'33 tag fields'      => array( array( 'tag_fields' => array_map( static fn( int $i ): string => "f$i", range( 1, 33 ) ) ), 'tag_fields' ),
			'33 attributes'      => array( array( 'attribute_fields' => array_map( static fn( int $i ): string => "f$i", range( 1, 33 ) ) ), 'attribute_fields' ),
			'33 thresholds'      => array( array( 'thresholds' => array_fill_keys( array_map( static fn( int $i ): string => "f$i", range( 1, 33 ) ), 0.5 ) ), 'thresholds' ),
			'thresholds a list'  => array( array( 'thresholds' => array( 0.5 ) ), 'thresholds' ),
			// Not read as "", which would remove the saved key.
			'api key a number'   => array( array( 'api_key' => 12345678 ), 'api_key' ),
			'fields an object'   => array( array( 'tag_fields' => array( 'a' => 'usage' ) ), 'tag_fields' ),
		);
	}

	public function test_a_service_url_with_a_path_and_port_is_kept(): void {
		[ $clean, $errors ] = SettingsSchema::validate( array( 'service_url' => "https://[::1]:8787/kalas/\n" ), SettingsSchema::defaults() );
		$this->assertSame( array(), $errors );
		$this->assertSame( 'https://[::1]:8787/kalas', $clean['service_url'] );
		[ , $errors ] = SettingsSchema::validate( array( 'service_url' => 'http://' . str_repeat( 'a', 249 ) . '.com' ), SettingsSchema::defaults() );
		$this->assertSame( array(), $errors, 'a 253-character host' );
	}

	public function test_thresholds_merge_into_the_saved_ones(): void {
		Wp::reset();
		$settings = new Settings();
		$this->assertSame( array(), $settings->update( array( 'thresholds' => array( 'pattern' => 0.8, 'default' => 0.5 ) ) ) );
		$this->assertSame( array(), $settings->update( array( 'thresholds' => array( 'color' => 0.3 ) ) ) );
		$this->assertSame( array( 'default' => 0.5, 'category' => 0.7, 'color' => 0.3, 'pattern' => 0.8 ), $settings->get( 'thresholds' ) );
		$this->assertSame( array(), $settings->update( array( 'thresholds' => array() ) ) );
		$this->assertSame( array( 'default' => 0.5, 'category' => 0.7, 'color' => 0.3, 'pattern' => 0.8 ), $settings->get( 'thresholds' ), '{} changes nothing' );

		// null removes a field's own threshold: it follows the default again.
		$this->assertSame( array(), $settings->update( array( 'thresholds' => array( 'pattern' => null, 'default' => null ) ) ) );
		$this->assertSame( array( 'default' => 0.6, 'category' => 0.7, 'color' => 0.3 ), $settings->get( 'thresholds' ) );
		$this->assertSame( 0.6, SettingsSchema::threshold( $settings->all(), 'pattern' ) );
	}

	public function test_thresholds_stay_bounded_when_merged(): void {
		$current = SettingsSchema::defaults();
		[ $current ] = SettingsSchema::validate( array( 'thresholds' => array_fill_keys( array_map( static fn( int $i ): string => "f$i", range( 1, 29 ) ), 0.5 ) ), $current );
		$this->assertCount( 32, $current['thresholds'] );
		[ , $errors ] = SettingsSchema::validate( array( 'thresholds' => array( 'one_more' => 0.5 ) ), $current );
		$this->assertArrayHasKey( 'thresholds', $errors );
		[ $clean, $errors ] = SettingsSchema::validate( array( 'thresholds' => array( 'f1' => null, 'one_more' => 0.5 ) ), $current );
		$this->assertSame( array(), $errors );
		$this->assertCount( 32, $clean['thresholds'] );
	}

	public function test_the_api_key_is_kept_when_not_sent_and_never_given_to_the_browser(): void {
		Wp::reset();
		$settings = new Settings();
		$this->assertSame( array(), $settings->update( array( 'api_key' => 'secret-key-1234' ) ) );
		$this->assertSame( array(), $settings->update( array( 'mode' => 'review', 'api_key' => null ) ) );
		$this->assertSame( 'secret-key-1234', $settings->get( 'api_key' ) );

		$browser = $settings->for_browser();
		$this->assertArrayNotHasKey( 'api_key', $browser );
		$this->assertTrue( $browser['has_api_key'] );
		$this->assertStringNotContainsString( 'secret', (string) json_encode( $browser ) );
	}

	public function test_a_new_service_url_needs_its_api_key_again(): void {
		$current = array( 'service_url' => 'https://iris.example.com', 'api_key' => 'saved-key-123' ) + SettingsSchema::defaults();

		foreach ( array( 'not sent' => array(), 'null' => array( 'api_key' => null ) ) as $case => $key ) {
			[ $clean, $errors ] = SettingsSchema::validate( array( 'service_url' => 'https://collector.example.net' ) + $key, $current );
			$this->assertSame( array(), $errors, $case );
			$this->assertSame( '', $clean['api_key'], $case );
		}

		// With its key, or to the same address (as pasted, or with a trailing slash), it is kept.
		[ $clean ] = SettingsSchema::validate( array( 'service_url' => 'https://collector.example.net', 'api_key' => 'new-key-4567' ), $current );
		$this->assertSame( 'new-key-4567', $clean['api_key'] );
		foreach ( array( 'https://iris.example.com', ' https://iris.example.com/ ' ) as $same ) {
			[ $clean ] = SettingsSchema::validate( array( 'service_url' => $same, 'api_key' => null ), $current );
			$this->assertSame( 'saved-key-123', $clean['api_key'], $same );
		}

		// A URL that is refused changes nothing, the key included.
		[ $clean, $errors ] = SettingsSchema::validate( array( 'service_url' => 'ftp://collector.example.net' ), $current );
		$this->assertArrayHasKey( 'service_url', $errors );
		$this->assertSame( 'saved-key-123', $clean['api_key'] );
	}

	public function test_invalid_update_saves_nothing(): void {
		Wp::reset();
		$settings = new Settings();
		$errors   = $settings->update( array( 'mode' => 'review', 'service_url' => 'nope' ) );
		$this->assertArrayHasKey( 'service_url', $errors );
		$this->assertSame( 'auto', $settings->get( 'mode' ) );
	}
}
