<?php
/**
 * Defaults and validation of the plugin settings.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Settings;

/**
 * Pure settings rules: no WordPress calls, so they are unit-tested directly.
 *
 * A field name is a pack attribute group ("pattern", "usage") or one of the two
 * built-in groups "category" and "color".
 */
final class SettingsSchema {

	public const MODES = array( 'auto', 'review' );

	private const FIELD_PATTERN = '/^[a-z][a-z0-9_]{0,31}$/';

	/**
	 * Settings a fresh install starts with.
	 *
	 * @return array<string, mixed>
	 */
	public static function defaults(): array {
		return array(
			'service_url'      => 'http://127.0.0.1:8787',
			'api_key'          => '',
			'mode'             => 'auto',
			// Scores are the model's softmax confidence; for colours the share of the garment's pixels.
			'thresholds'       => array(
				'default'  => 0.6,
				'category' => 0.7,
				'color'    => 0.15,
			),
			'tag_fields'       => array( 'usage', 'season', 'gender' ),
			'attribute_fields' => array( 'color', 'pattern', 'sleeve', 'neckline' ),
			'set_category'     => false,
			'protect_manual'   => true,
		);
	}

	/**
	 * Validates a (partial) settings payload against the current settings.
	 *
	 * Keys absent from $input keep their current value, so the admin can save one
	 * section at a time and the API key is kept when the browser (which never sees
	 * it) sends nothing for it.
	 *
	 * @param array<string, mixed> $input   Untrusted payload.
	 * @param array<string, mixed> $current Current valid settings.
	 * @return array{0: array<string, mixed>, 1: array<string, string>} Clean settings, and errors by key.
	 */
	public static function validate( array $input, array $current ): array {
		$clean  = array_replace( self::defaults(), $current );
		$errors = array();

		if ( array_key_exists( 'service_url', $input ) ) {
			$url = is_string( $input['service_url'] ) ? trim( $input['service_url'] ) : '';
			if ( self::is_http_url( $url ) ) {
				$clean['service_url'] = rtrim( $url, '/' );
			} else {
				$errors['service_url'] = 'The service URL must start with http:// or https:// and name a host.';
			}
		}

		if ( array_key_exists( 'api_key', $input ) && null !== $input['api_key'] ) {
			$key = is_string( $input['api_key'] ) ? trim( $input['api_key'] ) : '';
			if ( '' === $key || preg_match( '/^[\x21-\x7e]{8,256}$/', $key ) ) {
				$clean['api_key'] = $key;
			} else {
				$errors['api_key'] = 'The API key must be 8 to 256 printable characters without spaces.';
			}
		}

		if ( array_key_exists( 'mode', $input ) ) {
			if ( in_array( $input['mode'], self::MODES, true ) ) {
				$clean['mode'] = $input['mode'];
			} else {
				$errors['mode'] = 'The mode must be "auto" or "review".';
			}
		}

		if ( array_key_exists( 'thresholds', $input ) ) {
			$thresholds = self::validate_thresholds( $input['thresholds'] );
			if ( is_string( $thresholds ) ) {
				$errors['thresholds'] = $thresholds;
			} else {
				$clean['thresholds'] = array_replace( array( 'default' => 0.6 ), $thresholds );
			}
		}

		foreach ( array( 'tag_fields', 'attribute_fields' ) as $key ) {
			if ( ! array_key_exists( $key, $input ) ) {
				continue;
			}
			$fields = self::validate_fields( $input[ $key ] );
			if ( null === $fields ) {
				$errors[ $key ] = 'Field names are lowercase letters, digits and underscores.';
			} else {
				$clean[ $key ] = $fields;
			}
		}
		$both = array_intersect( $clean['tag_fields'], $clean['attribute_fields'] );
		if ( array() !== $both && ! isset( $errors['tag_fields'], $errors['attribute_fields'] ) ) {
			$errors['attribute_fields'] = sprintf(
				'A field becomes either a tag or an attribute, not both: %s.',
				implode( ', ', $both )
			);
		}

		foreach ( array( 'set_category', 'protect_manual' ) as $key ) {
			if ( array_key_exists( $key, $input ) ) {
				if ( is_bool( $input[ $key ] ) ) {
					$clean[ $key ] = $input[ $key ];
				} else {
					$errors[ $key ] = sprintf( '%s must be true or false.', $key );
				}
			}
		}

		return array( $clean, $errors );
	}

	/**
	 * Threshold for one field, falling back to the default threshold.
	 *
	 * @param array<string, mixed> $settings Valid settings.
	 * @param string               $field    Field name.
	 */
	public static function threshold( array $settings, string $field ): float {
		$thresholds = $settings['thresholds'] ?? array();
		return (float) ( $thresholds[ $field ] ?? $thresholds['default'] ?? 0.6 );
	}

	/**
	 * Whether a string is an absolute http(s) URL with a host.
	 *
	 * @param string $url Candidate.
	 */
	private static function is_http_url( string $url ): bool {
		$parts = parse_url( $url );
		return is_array( $parts )
			&& in_array( strtolower( (string) ( $parts['scheme'] ?? '' ) ), array( 'http', 'https' ), true )
			&& '' !== (string) ( $parts['host'] ?? '' )
			&& ! preg_match( '/\s/', $url );
	}

	/**
	 * Checks a map of field => threshold in [0, 1].
	 *
	 * @param mixed $value Untrusted.
	 * @return array<string, float>|string Thresholds, or an error sentence.
	 */
	private static function validate_thresholds( $value ) {
		if ( ! is_array( $value ) ) {
			return 'Thresholds must be an object of field: number.';
		}
		$out = array();
		foreach ( $value as $field => $threshold ) {
			if ( ! is_string( $field ) || ! preg_match( self::FIELD_PATTERN, $field ) ) {
				return sprintf( 'Unknown field name "%s".', (string) $field );
			}
			if ( ! is_int( $threshold ) && ! is_float( $threshold ) ) {
				return sprintf( 'The threshold for %s must be a number.', $field );
			}
			if ( $threshold < 0 || $threshold > 1 ) {
				return sprintf( 'The threshold for %s must be between 0 and 1.', $field );
			}
			$out[ $field ] = (float) $threshold;
		}
		return $out;
	}

	/**
	 * Checks a list of field names; removes duplicates.
	 *
	 * @param mixed $value Untrusted.
	 * @return list<string>|null
	 */
	private static function validate_fields( $value ): ?array {
		if ( ! is_array( $value ) ) {
			return null;
		}
		$out = array();
		foreach ( $value as $field ) {
			if ( ! is_string( $field ) || ! preg_match( self::FIELD_PATTERN, $field ) ) {
				return null;
			}
			$out[ $field ] = true;
		}
		return array_keys( $out );
	}
}
