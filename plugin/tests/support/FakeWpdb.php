<?php
/**
 * Just the statements the plugin runs: the rate limiter's on the options table, the
 * catalogue's count of statuses over post meta joined to posts, the uninstaller's deletion of
 * transients, and deleting a WooCommerce REST key.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

/**
 * Rows live in Wp::$options, Wp::$posts and Wp::$meta; the connection's LAST_INSERT_ID() is one
 * per fake. prepare() keeps the template and its arguments apart, so statements are matched by
 * template; only the WHERE of the status count is read, condition by condition, because what it
 * leaves out is what its test is about.
 */
final class FakeWpdb {

	public string $prefix   = 'wp_';
	public string $options  = 'wp_options';
	public string $postmeta = 'wp_postmeta';
	public string $posts    = 'wp_posts';

	/** @var array<int, array<string, mixed>> Rows of wp_woocommerce_api_keys by key_id. */
	public array $api_keys = array();

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
		if ( 'DELETE FROM wp_options WHERE option_name LIKE %s OR option_name LIKE %s' === $sql ) {
			$deleted = 0;
			foreach ( array_keys( Wp::$options ) as $name ) {
				foreach ( $args as $like ) {
					if ( self::like( (string) $name, (string) $like ) ) {
						unset( Wp::$options[ $name ] );
						++$deleted;
						break;
					}
				}
			}
			return $deleted;
		}
		throw new \LogicException( "FakeWpdb does not know: $sql" );
	}

	public function esc_like( string $text ): string {
		return addcslashes( $text, '_%\\' );
	}

	/**
	 * wpdb::delete() on wp_woocommerce_api_keys: the rows that match every column of $where.
	 *
	 * @param string               $table  Table.
	 * @param array<string, mixed> $where  Column => value.
	 * @param list<string>|null    $format One placeholder per column.
	 * @return int|false Rows deleted.
	 */
	public function delete( string $table, array $where, ?array $format = null ) {
		if ( 'wp_woocommerce_api_keys' !== $table || ( null !== $format && count( $format ) !== count( $where ) ) ) {
			throw new \LogicException( "FakeWpdb does not know: DELETE FROM $table" );
		}
		$deleted = 0;
		foreach ( $this->api_keys as $key_id => $row ) {
			$row['key_id'] = $key_id;
			foreach ( $where as $column => $value ) {
				if ( ! array_key_exists( $column, $row ) || (string) $row[ $column ] !== (string) $value ) {
					continue 2;
				}
			}
			unset( $this->api_keys[ $key_id ] );
			++$deleted;
		}
		return $deleted;
	}

	/**
	 * SQL LIKE with % and _ and backslash escapes.
	 */
	private static function like( string $text, string $pattern ): bool {
		$regex = preg_replace_callback(
			'/\\\\(.)|(%)|(_)|(.)/s',
			static fn( array $m ): string => '' !== ( $m[2] ?? '' ) ? '.*' : ( '' !== ( $m[3] ?? '' ) ? '.' : preg_quote( '' !== $m[1] ? $m[1] : $m[4], '/' ) ),
			$pattern
		);
		return 1 === preg_match( '/^' . $regex . '$/s', $text );
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
		throw new \LogicException( "FakeWpdb does not know: $sql" );
	}

	/**
	 * The status count of post meta joined to posts, grouped by meta value.
	 *
	 * @param string $prepared From prepare().
	 * @param string $output   ARRAY_A.
	 * @return list<array{status: string, n: string}>
	 */
	public function get_results( string $prepared, string $output = 'OBJECT' ): array {
		[ $sql, $args ] = $this->statement( $prepared );
		$joined         = '/^SELECT m\.meta_value AS status, COUNT\(\*\) AS n FROM wp_postmeta m JOIN wp_posts p ON p\.ID = m\.post_id WHERE (.+) GROUP BY m\.meta_value$/';
		if ( ARRAY_A !== $output || ! preg_match( $joined, $sql, $match ) ) {
			throw new \LogicException( "FakeWpdb does not know: $sql" );
		}
		$counts = array();
		foreach ( self::joined_rows( $match[1], $args ) as $row ) {
			$counts[ $row['m.meta_value'] ] = ( $counts[ $row['m.meta_value'] ] ?? 0 ) + 1;
		}
		return array_map( static fn( $status, int $n ): array => array( 'status' => (string) $status, 'n' => (string) $n ), array_keys( $counts ), $counts );
	}

	/**
	 * Meta rows joined to their posts that meet a WHERE of `x.column = %s` and `x.column IN (%s, …)`
	 * conditions joined by AND, the values bound in order. The conditions are read from the SQL
	 * itself, not assumed, so a condition the statement lacks is lacking here too; any other form
	 * of condition, or a count of values that does not match the placeholders, throws.
	 *
	 * @param string      $where WHERE clause without the keyword.
	 * @param list<mixed> $args  Values of the placeholders.
	 * @return list<array<string, ?string>>
	 */
	private static function joined_rows( string $where, array $args ): array {
		$conditions = array();
		foreach ( explode( ' AND ', $where ) as $condition ) {
			if ( ! preg_match( '/^([mp]\.\w+) (?:= %s|IN \(((?:%s, )*%s)\))$/', $condition, $parts ) ) {
				throw new \LogicException( "FakeWpdb does not know the condition: $condition" );
			}
			$count = isset( $parts[2] ) ? substr_count( $parts[2], '%s' ) : 1;
			if ( count( $args ) < $count ) {
				throw new \LogicException( 'More placeholders than values.' );
			}
			$conditions[] = array( $parts[1], array_map( 'strval', array_splice( $args, 0, $count ) ) );
		}
		if ( array() !== $args ) {
			throw new \LogicException( 'More values than placeholders.' );
		}
		$rows = array();
		foreach ( Wp::$posts as $id => $post ) {
			foreach ( Wp::$meta[ $id ] ?? array() as $key => $value ) {
				$row = array(
					'p.post_type'   => $post['type'],
					'p.post_status' => $post['status'],
					'm.meta_key'    => (string) $key,
					'm.meta_value'  => is_scalar( $value ) ? (string) $value : null,
				);
				foreach ( $conditions as [ $column, $values ] ) {
					if ( ! array_key_exists( $column, $row ) ) {
						throw new \LogicException( "FakeWpdb has no column $column." );
					}
					if ( ! in_array( $row[ $column ], $values, true ) ) {
						continue 2;
					}
				}
				$rows[] = $row;
			}
		}
		return $rows;
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
