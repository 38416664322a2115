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

	/**
	 * A field name. \z, not $: $ also matches before a final line break.
	 */
	public const FIELD_PATTERN = '/^[a-z][a-z0-9_]{0,31}\z/';

	/**
	 * Most field names in a list, and most thresholds.
	 */
	public const MAX_FIELDS = 32;

	/**
	 * Longest service URL; browsers and servers handle 2,048 characters everywhere.
	 */
	public const MAX_URL_LENGTH = 2048;

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
	 * JSON Schema of each setting a client may send, built from the constants validate() holds
	 * to. It documents the REST route's body; validate() enforces it, with a sentence for each
	 * setting, so nothing else checks these bounds first.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function properties(): array {
		$fields = array(
			'type'     => 'array',
			'items'    => array( 'type' => 'string' ),
			'maxItems' => self::MAX_FIELDS,
		);
		return array(
			'service_url'      => array(
				'description' => 'Address of the Kalas Iris service: http or https, a host, no query or fragment.',
				'type'        => 'string',
				'maxLength'   => self::MAX_URL_LENGTH,
			),
			'api_key'          => array(
				'description' => 'The service\'s API key: 8 to 256 printable characters, "" for none, null to keep the saved one (removed when service_url changes). Never read back.',
				'type'        => array( 'string', 'null' ),
			),
			'mode'             => array(
				'description' => 'Whether suggestions are written to products at once or wait for review.',
				'type'        => 'string',
				'enum'        => self::MODES,
			),
			'thresholds'       => array(
				'description'          => 'Lowest score a label needs, by field ("default" for the others): merged into the saved ones; null removes a field\'s own.',
				'type'                 => 'object',
				'maxProperties'        => self::MAX_FIELDS,
				'additionalProperties' => array(
					'type'    => array( 'number', 'null' ),
					'minimum' => 0,
					'maximum' => 1,
				),
			),
			'tag_fields'       => array( 'description' => 'Fields written as product tags.' ) + $fields,
			'attribute_fields' => array( 'description' => 'Fields written as product attributes.' ) + $fields,
			'set_category'     => array(
				'description' => 'Whether the suggested category is set on the product.',
				'type'        => 'boolean',
			),
			'protect_manual'   => array(
				'description' => 'Whether labels a person set are kept.',
				'type'        => 'boolean',
			),
		);
	}

	/**
	 * Validates a (partial) settings payload against the current settings.
	 *
	 * Keys absent from $input keep their current value, so the admin can save one
	 * section at a time and the API key is kept when the browser (which never sees
	 * it) sends nothing for it, unless the service URL changes: the saved key then goes.
	 *
	 * @param array<string, mixed> $input   Untrusted payload.
	 * @param array<string, mixed> $current Current valid settings.
	 * @return array{0: array<string, mixed>, 1: array<string, string>} Clean settings, and errors by key.
	 */
	public static function validate( array $input, array $current ): array {
		$clean       = array_replace( self::defaults(), $current );
		$current_url = $clean['service_url'];
		$errors      = array();

		if ( array_key_exists( 'service_url', $input ) ) {
			// Spaces and line breaks around a pasted URL are dropped; a NUL byte is not.
			$url   = is_string( $input['service_url'] ) ? trim( $input['service_url'], " \t\n\r" ) : '';
			$error = self::service_url_error( $url );
			if ( null === $error ) {
				$clean['service_url'] = rtrim( $url, '/' );
			} else {
				$errors['service_url'] = $error;
			}
		}

		if ( array_key_exists( 'api_key', $input ) && null !== $input['api_key'] ) {
			// Anything but a string is refused, not read as "" (which removes the saved key).
			$key = is_string( $input['api_key'] ) ? trim( $input['api_key'] ) : null;
			if ( '' === $key || ( null !== $key && preg_match( '/^[\x21-\x7e]{8,256}\z/', $key ) ) ) {
				$clean['api_key'] = $key;
			} else {
				$errors['api_key'] = 'The API key must be 8 to 256 printable characters without spaces.';
			}
		} elseif ( $clean['service_url'] !== $current_url ) {
			// The key is the shop's credential for one service, and every request carries it. Kept
			// for a new address, it would be sent there: anyone who may change the settings but not
			// read the key (a shop manager) could point the plugin at a server of theirs, press
			// "Test connection" and read it. So a new address needs its key again.
			$clean['api_key'] = '';
		}

		if ( array_key_exists( 'mode', $input ) ) {
			if ( in_array( $input['mode'], self::MODES, true ) ) {
				$clean['mode'] = $input['mode'];
			} else {
				$errors['mode'] = 'The mode must be "auto" or "review".';
			}
		}

		if ( array_key_exists( 'thresholds', $input ) ) {
			$thresholds = self::merge_thresholds( (array) $clean['thresholds'], $input['thresholds'] );
			if ( is_string( $thresholds ) ) {
				$errors['thresholds'] = $thresholds;
			} else {
				$clean['thresholds'] = $thresholds;
			}
		}

		foreach ( array( 'tag_fields', 'attribute_fields' ) as $key ) {
			if ( ! array_key_exists( $key, $input ) ) {
				continue;
			}
			$fields = self::validate_fields( $input[ $key ] );
			if ( null === $fields ) {
				$errors[ $key ] = sprintf( 'Give a list of at most %d field names of lowercase letters, digits and underscores.', self::MAX_FIELDS );
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
				$flag = self::boolean( $input[ $key ] );
				if ( null !== $flag ) {
					$clean[ $key ] = $flag;
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
	 * Why a URL cannot be the service's address, or null when it can: http or https, a
	 * host, no credentials (the API key is the credential), and nothing the plugin's
	 * request paths would be appended after (query, fragment) or that would break the
	 * request line (whitespace, control characters).
	 *
	 * @param string $url Candidate.
	 */
	private static function service_url_error( string $url ): ?string {
		if ( strlen( $url ) > self::MAX_URL_LENGTH ) {
			return sprintf( 'The service URL must be at most %d characters.', self::MAX_URL_LENGTH );
		}
		// 0 when clean; 1 with a space or control character; false for invalid UTF-8.
		if ( 0 !== preg_match( '/[\p{Z}\p{Cc}]/u', $url ) ) {
			return 'The service URL must not contain spaces or control characters.';
		}
		$parts = parse_url( $url );
		if ( ! is_array( $parts )
			|| ! in_array( strtolower( (string) ( $parts['scheme'] ?? '' ) ), array( 'http', 'https' ), true )
			|| '' === (string) ( $parts['host'] ?? '' ) ) {
			return 'The service URL must start with http:// or https:// and name a host.';
		}
		if ( strlen( (string) $parts['host'] ) > 253 ) {
			return 'The host name in the service URL is longer than 253 characters.';
		}
		if ( isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return 'The service URL must not contain a user name or password; the API key is the credential.';
		}
		if ( str_contains( $url, '?' ) || str_contains( $url, '#' ) ) {
			return 'The service URL must not have a query (?…) or a fragment (#…).';
		}
		return null;
	}

	/**
	 * Merges a partial map of field => threshold in [0, 1] into the current one, so saving
	 * one field's threshold keeps the others. null removes a field's own threshold: it then
	 * follows the default one (and "default" itself goes back to 0.6).
	 *
	 * @param array<string, float> $current Current thresholds.
	 * @param mixed                $value   Untrusted.
	 * @return array<string, float>|string Thresholds, or an error sentence.
	 */
	private static function merge_thresholds( array $current, $value ) {
		if ( ! is_array( $value ) ) {
			return 'Thresholds must be an object of field: number.';
		}
		if ( count( $value ) > self::MAX_FIELDS ) {
			return sprintf( 'Send at most %d thresholds.', self::MAX_FIELDS );
		}
		$out = $current;
		foreach ( $value as $field => $threshold ) {
			if ( ! is_string( $field ) || ! preg_match( self::FIELD_PATTERN, $field ) ) {
				return sprintf( 'Unknown field name "%s".', (string) $field );
			}
			if ( null === $threshold ) {
				unset( $out[ $field ] );
				continue;
			}
			if ( ! is_int( $threshold ) && ! is_float( $threshold ) ) {
				return sprintf( 'The threshold for %s must be a number.', $field );
			}
			if ( $threshold < 0 || $threshold > 1 ) {
				return sprintf( 'The threshold for %s must be between 0 and 1.', $field );
			}
			$out[ $field ] = (float) $threshold;
		}
		$out = array_replace( array( 'default' => 0.6 ), $out );
		if ( count( $out ) > self::MAX_FIELDS ) {
			return sprintf( 'At most %d fields can have their own threshold; remove some first (send null for a field).', self::MAX_FIELDS );
		}
		return $out;
	}

	/**
	 * A yes/no setting in the forms WordPress's REST API takes for a boolean elsewhere, which scripts
	 * calling the route send: true/false, "true"/"false", 1/0 and "1"/"0". Null for anything else.
	 *
	 * @param mixed $value As sent.
	 */
	private static function boolean( $value ): ?bool {
		return rest_is_boolean( $value ) ? rest_sanitize_boolean( $value ) : null;
	}

	/**
	 * Checks a list of field names; removes duplicates.
	 *
	 * @param mixed $value Untrusted.
	 * @return list<string>|null
	 */
	private static function validate_fields( $value ): ?array {
		// A list: a JSON object's keys would be dropped unseen.
		if ( ! is_array( $value ) || ! array_is_list( $value ) || count( $value ) > self::MAX_FIELDS ) {
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
