<?php
/**
 * Just the options-table statements the rate limiter runs.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

/**
 * Rows live in Wp::$options; the connection's LAST_INSERT_ID() is one per fake. prepare()
 * keeps the template and its arguments apart, so statements are matched by template
 * rather than parsed.
 */
final class FakeWpdb {

	public string $options  = 'wp_options';
	public string $postmeta = 'wp_postmeta';
	public string $posts    = 'wp_posts';

	private int $last_insert_id = 0;

	public function prepare( string $query, ...$args ): string {
		// WordPress takes the values as arguments or as one array.
		if ( 1 === count( $args ) && is_array( $args[0] ) ) {
			$args = $args[0];
		}
		return (string) json_encode( array( $query, $args ) );
	}

	/**
	 * @param string $prepared From prepare().
	 * @return int|false Rows affected.
	 */
	public function query( string $prepared ) {
		[ $sql, $args ] = $this->statement( $prepared );
		if ( str_starts_with( $sql, 'INSERT IGNORE INTO wp_options' ) ) {
			if ( array_key_exists( $args[0], Wp::$options ) ) {
				return 0;
			}
			Wp::$options[ $args[0] ] = (string) $args[1];
			return 1;
		}
		if ( str_ends_with( $sql, 'ON DUPLICATE KEY UPDATE option_value = LAST_INSERT_ID(option_value + 1)' ) ) {
			if ( ! array_key_exists( $args[0], Wp::$options ) ) {
				Wp::$options[ $args[0] ] = '1';
				return 1;
			}
			$this->last_insert_id    = (int) Wp::$options[ $args[0] ] + 1;
			Wp::$options[ $args[0] ] = (string) $this->last_insert_id;
			return 2;
		}
		throw new \LogicException( "FakeWpdb does not know: $sql" );
	}

	/**
	 * @param string $prepared From prepare(), or SQL without placeholders.
	 * @return string|null
	 */
	public function get_var( string $prepared ) {
		[ $sql, $args ] = $this->statement( $prepared );
		if ( 'SELECT LAST_INSERT_ID()' === $sql ) {
			return (string) $this->last_insert_id;
		}
		if ( str_starts_with( $sql, 'SELECT COUNT(*) FROM wp_postmeta m JOIN wp_posts p ON p.ID = m.post_id' ) ) {
			[ $key, $value, $type ] = $args;
			$statuses               = array_slice( $args, 3 );
			$matching        = array_filter(
				array_keys( Wp::$posts ),
				static fn( int $id ): bool => ( Wp::$meta[ $id ][ $key ] ?? null ) === $value
					&& $type === Wp::$posts[ $id ]['type']
					&& in_array( Wp::$posts[ $id ]['status'], $statuses, true )
			);
			return (string) count( $matching );
		}
		throw new \LogicException( "FakeWpdb does not know: $sql" );
	}

	/**
	 * @return array{0: string, 1: list<mixed>}
	 */
	private function statement( string $prepared ): array {
		Wp::between();
		[ $sql, $args ] = json_decode( $prepared, true ) ?? array( $prepared, array() );
		return array( (string) preg_replace( '/\s+/', ' ', trim( $sql ) ), $args );
	}
}
