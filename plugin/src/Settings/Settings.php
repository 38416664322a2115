<?php
/**
 * Stored plugin settings.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Settings;

/**
 * Reads and writes the settings option. The API key stays on the server:
 * {@see Settings::for_browser()} is the only shape the admin UI ever receives.
 */
class Settings {

	public const OPTION = 'kalas_iris_settings';

	/**
	 * All settings, defaults filled in.
	 *
	 * @return array<string, mixed>
	 */
	public function all(): array {
		$stored = get_option( self::OPTION, array() );
		return array_replace( SettingsSchema::defaults(), is_array( $stored ) ? $stored : array() );
	}

	/**
	 * One setting.
	 *
	 * @param string $key Setting name.
	 * @return mixed
	 */
	public function get( string $key ) {
		return $this->all()[ $key ] ?? null;
	}

	/**
	 * Validates and saves a partial update.
	 *
	 * @param array<string, mixed> $input Untrusted payload.
	 * @return array<string, string> Errors by key; empty when saved.
	 */
	public function update( array $input ): array {
		[ $clean, $errors ] = SettingsSchema::validate( $input, $this->all() );
		if ( array() === $errors ) {
			// Not autoloaded on every page: only admin, jobs and blocks read it.
			update_option( self::OPTION, $clean, false );
		}
		return $errors;
	}

	/**
	 * Settings without the API key, for the admin screens.
	 *
	 * @return array<string, mixed>
	 */
	public function for_browser(): array {
		$all = $this->all();
		$key = (string) $all['api_key'];
		unset( $all['api_key'] );
		$all['has_api_key'] = '' !== $key;
		return $all;
	}
}
