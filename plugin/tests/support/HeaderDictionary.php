<?php
/**
 * What WordPress's HTTP API answers headers as.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

/**
 * Like Requests' CaseInsensitiveDictionary: an object with its headers in a private property,
 * readable by key and by iteration only.
 *
 * @implements \IteratorAggregate<string, string|list<string>>
 */
final class HeaderDictionary implements \ArrayAccess, \IteratorAggregate {

	/** @var array<string, string|list<string>> */
	private array $data = array();

	/**
	 * @param array<string, string|list<string>> $headers Headers.
	 */
	public function __construct( array $headers ) {
		foreach ( $headers as $name => $value ) {
			$this->data[ strtolower( $name ) ] = $value;
		}
	}
	public function offsetExists( mixed $offset ): bool {
		return isset( $this->data[ strtolower( (string) $offset ) ] );
	}
	public function offsetGet( mixed $offset ): mixed {
		return $this->data[ strtolower( (string) $offset ) ] ?? null;
	}
	public function offsetSet( mixed $offset, mixed $value ): void {
		$this->data[ strtolower( (string) $offset ) ] = $value;
	}
	public function offsetUnset( mixed $offset ): void {
		unset( $this->data[ strtolower( (string) $offset ) ] );
	}
	public function getIterator(): \ArrayIterator {
		return new \ArrayIterator( $this->data );
	}
}
