<?php
/**
 * Checks an uploaded photo before it is forwarded.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Security;

use KalasIris\Service\Image;

/**
 * The type is read from the file's first bytes, never from the browser's claim,
 * and the size is checked before the bytes are read into memory.
 */
final class UploadValidator {

	/** Phones produce 3–8 MB photos; 10 MB leaves room without inviting abuse. */
	public const MAX_BYTES = 10 * 1024 * 1024;

	/**
	 * @param int $max_bytes Size limit.
	 */
	public function __construct( private int $max_bytes = self::MAX_BYTES ) {
	}

	/**
	 * Validates one entry of $_FILES-shaped data.
	 *
	 * PHP's own error code comes first: a file over upload_max_filesize arrives with
	 * UPLOAD_ERR_INI_SIZE and no temporary file, and must not read as "no photo".
	 *
	 * @param mixed $file { name, tmp_name, size, error }.
	 * @throws UploadError When the upload is missing, too large or not an image.
	 */
	public function check( $file ): Image {
		if ( ! is_array( $file ) ) {
			if ( self::body_over_post_max_size() ) {
				// PHP drops a body over post_max_size whole, so no file arrives at all.
				throw new UploadError( 'image_too_large', sprintf(
					/* translators: %s: size limit, e.g. "8 MB" */
					__( 'The upload is larger than this site accepts (%s per request). Choose a smaller photo.', 'kalas-iris' ),
					self::size_label( self::ini_bytes( 'post_max_size' ) )
				), 413 );
			}
			throw self::no_file();
		}
		if ( ! is_scalar( $file['error'] ?? UPLOAD_ERR_OK ) || ! is_scalar( $file['tmp_name'] ?? '' ) ) {
			// image[]=…: PHP nests every key one level deeper.
			throw new UploadError( 'invalid_upload', __( 'Send one photo in the field image.', 'kalas-iris' ), 400 );
		}
		$error = (int) ( $file['error'] ?? UPLOAD_ERR_OK );
		if ( UPLOAD_ERR_INI_SIZE === $error ) {
			$this->too_large( self::ini_bytes( 'upload_max_filesize' ) );
		}
		if ( UPLOAD_ERR_FORM_SIZE === $error ) {
			$this->too_large( $this->max_bytes );
		}
		if ( UPLOAD_ERR_NO_FILE === $error || ( UPLOAD_ERR_OK === $error && '' === (string) ( $file['tmp_name'] ?? '' ) ) ) {
			throw self::no_file();
		}
		if ( (int) ( $file['size'] ?? 0 ) > $this->max_bytes ) {
			$this->too_large( $this->max_bytes );
		}
		if ( UPLOAD_ERR_OK !== $error || ! is_readable( (string) $file['tmp_name'] ) ) {
			throw new UploadError( 'upload_failed', __( 'The photo did not arrive completely. Please try again.', 'kalas-iris' ), 400 );
		}
		if ( (int) filesize( (string) $file['tmp_name'] ) > $this->max_bytes ) {
			$this->too_large( $this->max_bytes );
		}
		$bytes = (string) file_get_contents( (string) $file['tmp_name'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- PHP upload temp file.
		$mime  = self::sniff( $bytes );
		if ( null === $mime ) {
			throw new UploadError( 'not_an_image', __( 'That file is not a photo. Use a JPEG, PNG, WebP, GIF or AVIF image.', 'kalas-iris' ), 415 );
		}
		$name = preg_replace( '/[^A-Za-z0-9._-]/', '_', basename( (string) ( $file['name'] ?? 'photo' ) ) );
		return new Image( $bytes, $mime, '' !== (string) $name ? (string) $name : 'photo' );
	}

	/**
	 * @param int $limit The limit the photo went over, in bytes (0: PHP's is unknown).
	 * @throws UploadError Always.
	 */
	private function too_large( int $limit ): void {
		$limit = $limit > 0 ? min( $limit, $this->max_bytes ) : $this->max_bytes;
		throw new UploadError( 'image_too_large', sprintf(
			/* translators: %s: size limit, e.g. "10 MB" */
			__( 'The photo is too large; the limit is %s.', 'kalas-iris' ),
			self::size_label( $limit )
		), 413 );
	}

	/**
	 * No photo was sent.
	 */
	private static function no_file(): UploadError {
		return new UploadError( 'no_file', __( 'Choose a photo to search with.', 'kalas-iris' ), 400 );
	}

	/**
	 * Whether the request declared a body larger than post_max_size.
	 */
	private static function body_over_post_max_size(): bool {
		$limit  = self::ini_bytes( 'post_max_size' );
		$length = isset( $_SERVER['CONTENT_LENGTH'] ) ? (int) $_SERVER['CONTENT_LENGTH'] : 0; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- compared as a number.
		return $limit > 0 && $length > $limit;
	}

	/**
	 * A php.ini size ("8M", "512K", "1G", "0") in bytes; 0 means no limit.
	 *
	 * @param string $name Directive.
	 */
	public static function ini_bytes( string $name ): int {
		return wp_convert_hr_to_bytes( (string) ini_get( $name ) );
	}

	/**
	 * "10 MB", "1.5 MB", "512 KB".
	 *
	 * @param int $bytes Size.
	 */
	private static function size_label( int $bytes ): string {
		return $bytes >= 1048576
			? round( $bytes / 1048576, 1 ) . ' MB'
			: (int) ceil( $bytes / 1024 ) . ' KB';
	}

	/**
	 * Image type from magic numbers, or null.
	 *
	 * @param string $bytes File start.
	 */
	public static function sniff( string $bytes ): ?string {
		$head = substr( $bytes, 0, 16 );
		return match ( true ) {
			str_starts_with( $head, "\xFF\xD8\xFF" )                                   => 'image/jpeg',
			str_starts_with( $head, "\x89PNG\r\n\x1A\n" )                              => 'image/png',
			str_starts_with( $head, 'GIF87a' ) || str_starts_with( $head, 'GIF89a' )  => 'image/gif',
			str_starts_with( $head, 'RIFF' ) && 'WEBP' === substr( $head, 8, 4 )       => 'image/webp',
			'ftyp' === substr( $head, 4, 4 ) && in_array( substr( $head, 8, 4 ), array( 'avif', 'avis' ), true ) => 'image/avif',
			default                                                                    => null,
		};
	}
}
