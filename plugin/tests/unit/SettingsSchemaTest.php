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
		$this->assertSame( array( 'default' => 0.6, 'pattern' => 0.8, 'color' => 0.0 ), $clean['thresholds'] );
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
		);
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

	public function test_invalid_update_saves_nothing(): void {
		Wp::reset();
		$settings = new Settings();
		$errors   = $settings->update( array( 'mode' => 'review', 'service_url' => 'nope' ) );
		$this->assertArrayHasKey( 'service_url', $errors );
		$this->assertSame( 'auto', $settings->get( 'mode' ) );
	}
}
