<?php
/**
 * multipart/form-data encoder.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Service;

/**
 * Builds a multipart body by hand: wp_remote_request() only form-encodes arrays,
 * and the service wants the image bytes as a file part.
 */
final class Multipart {

	/**
	 * @var list<string>
	 */
	private array $parts = array();

	private string $boundary;

	/**
	 * @param string|null $boundary Fixed boundary for tests; random otherwise.
	 */
	public function __construct( ?string $boundary = null ) {
		$this->boundary = $boundary ?? 'kalas-iris-' . bin2hex( random_bytes( 12 ) );
	}

	/**
	 * Adds a text field.
	 *
	 * @param string $name  Field name.
	 * @param string $value Value.
	 */
	public function field( string $name, string $value ): self {
		$this->parts[] = sprintf( "Content-Disposition: form-data; name=\"%s\"\r\n\r\n%s", self::quote( $name ), $value );
		return $this;
	}

	/**
	 * Adds a file part.
	 *
	 * @param string $name     Field name.
	 * @param string $filename File name sent to the service.
	 * @param string $mime     Content type.
	 * @param string $bytes    File contents.
	 */
	public function file( string $name, string $filename, string $mime, string $bytes ): self {
		$this->parts[] = sprintf(
			"Content-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n%s",
			self::quote( $name ),
			self::quote( $filename ),
			$mime,
			$bytes
		);
		return $this;
	}

	/**
	 * Content-Type header value.
	 */
	public function content_type(): string {
		return 'multipart/form-data; boundary=' . $this->boundary;
	}

	/**
	 * The encoded body.
	 */
	public function body(): string {
		$out = '';
		foreach ( $this->parts as $part ) {
			$out .= '--' . $this->boundary . "\r\n" . $part . "\r\n";
		}
		return $out . '--' . $this->boundary . "--\r\n";
	}

	/**
	 * Keeps quotes and line breaks out of header parameters.
	 *
	 * @param string $value Raw value.
	 */
	private static function quote( string $value ): string {
		return str_replace( array( '"', "\r", "\n" ), array( '%22', '', '' ), $value );
	}
}
