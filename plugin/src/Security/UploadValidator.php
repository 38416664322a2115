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
	 * @param mixed $file { name, tmp_name, size, error }.
	 * @throws UploadError When the upload is missing, too large or not an image.
	 */
	public function check( $file ): Image {
		if ( ! is_array( $file ) || ( $file['error'] ?? UPLOAD_ERR_NO_FILE ) === UPLOAD_ERR_NO_FILE || empty( $file['tmp_name'] ) ) {
			throw new UploadError( 'no_file', __( 'Choose a photo to search with.', 'kalas-iris' ), 400 );
		}
		$error = (int) ( $file['error'] ?? UPLOAD_ERR_OK );
		if ( UPLOAD_ERR_INI_SIZE === $error || UPLOAD_ERR_FORM_SIZE === $error || (int) ( $file['size'] ?? 0 ) > $this->max_bytes ) {
			throw new UploadError( 'image_too_large', sprintf(
				/* translators: %d: size limit in megabytes */
				__( 'The photo is too large; the limit is %d MB.', 'kalas-iris' ),
				(int) ( $this->max_bytes / 1048576 )
			), 413 );
		}
		if ( UPLOAD_ERR_OK !== $error || ! is_readable( (string) $file['tmp_name'] ) ) {
			throw new UploadError( 'upload_failed', __( 'The photo did not arrive completely. Please try again.', 'kalas-iris' ), 400 );
		}
		if ( (int) filesize( (string) $file['tmp_name'] ) > $this->max_bytes ) {
			throw new UploadError( 'image_too_large', sprintf(
				/* translators: %d: size limit in megabytes */
				__( 'The photo is too large; the limit is %d MB.', 'kalas-iris' ),
				(int) ( $this->max_bytes / 1048576 )
			), 413 );
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
