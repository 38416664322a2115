<?php
/**
 * The WooCommerce REST key the plugin had WooCommerce create for the service.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Support;

/**
 * A key WooCommerce created through its app authorization stays valid until its row in
 * `woocommerce_api_keys` is gone. The plugin records which row it asked for, so a reconnection
 * or an uninstall deletes that one: an old read/write key left behind keeps working for whoever
 * holds it. Keys a person created by hand are theirs, and never recorded.
 */
final class WooCommerceKey {

	/** Characters of the consumer key that WooCommerce keeps in clear, in `truncated_key`. */
	private const TRUNCATED = 7;

	/**
	 * What to record of a key WooCommerce created, to find its row again: the row id, and the
	 * end of the consumer key that WooCommerce shows on its REST API screen (no secret).
	 *
	 * @param int|null $key_id       Row id WooCommerce sent with the key; null for a key typed in.
	 * @param string   $consumer_key ck_… key.
	 * @return array{key_id: int|null, truncated_key: string|null}
	 */
	public static function record( ?int $key_id, string $consumer_key ): array {
		$known = null !== $key_id && $key_id > 0;
		return array(
			'key_id'        => $known ? $key_id : null,
			'truncated_key' => $known ? substr( $consumer_key, -self::TRUNCATED ) : null,
		);
	}

	/**
	 * Deletes the key a record names. The row must still end with the recorded characters, so
	 * a record that names another key (the id came with the callback) deletes nothing; a
	 * record kept before they were recorded is deleted by id, which is all it has.
	 *
	 * @param array<string, mixed> $record { key_id, truncated_key } as {@see record()} made it.
	 * @return bool Whether a row was deleted.
	 */
	public static function revoke( array $record ): bool {
		$key_id = (int) ( $record['key_id'] ?? 0 );
		if ( $key_id <= 0 ) {
			return false;
		}
		$where  = array( 'key_id' => $key_id );
		$format = array( '%d' );
		if ( is_string( $record['truncated_key'] ?? null ) ) {
			$where['truncated_key'] = $record['truncated_key'];
			$format[]               = '%s';
		}
		global $wpdb;
		return (bool) $wpdb->delete( $wpdb->prefix . 'woocommerce_api_keys', $where, $format ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- WooCommerce has no API to delete a key; this is how its own REST API screen does it.
	}
}
