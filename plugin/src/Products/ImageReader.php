<?php
/**
 * Reads product image bytes.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

use KalasIris\Service\Image;
use KalasIris\Service\ServiceError;

/**
 * The plugin sends bytes, not URLs, so the service never needs to reach the shop:
 * media behind a login, a staging site or a private CDN bucket all work. When the
 * file is not on this disk (offloaded media), it is fetched from its URL here.
 */
class ImageReader {

	/** The service refuses more than 20 MB (docs/api.md). */
	public const MAX_BYTES = 20 * 1024 * 1024;

	/**
	 * @param int $attachment_id Attachment id.
	 * @throws ServiceError When the image cannot be read (code image_unreadable, not retryable).
	 */
	public function read( int $attachment_id ): Image {
		$mime = (string) get_post_mime_type( $attachment_id );
		$path = get_attached_file( $attachment_id );
		if ( self::is_readable_path( $path ) && filesize( $path ) <= self::MAX_BYTES ) {
			$bytes = file_get_contents( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- local file, WP_Filesystem may need credentials.
			if ( false !== $bytes ) {
				return new Image( $bytes, '' !== $mime ? $mime : 'application/octet-stream', basename( $path ) );
			}
		}

		$url = wp_get_attachment_url( $attachment_id );
		if ( ! is_string( $url ) || '' === $url ) {
			throw new ServiceError( 'image_unreadable', sprintf( 'Attachment %d has neither a file nor a URL.', $attachment_id ), 400 );
		}
		$response = wp_safe_remote_get(
			$url,
			array(
				'timeout'             => 20,
				'limit_response_size' => self::MAX_BYTES,
			)
		);
		if ( is_wp_error( $response ) ) {
			// Retryable: a CDN hiccup should not fail the product for good.
			throw new ServiceError( 'image_fetch_failed', sprintf( 'Could not download %s: %s', $url, $response->get_error_message() ), 0 );
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		if ( 200 !== $code ) {
			throw new ServiceError( 'image_fetch_failed', sprintf( 'Downloading %s answered HTTP %d.', $url, $code ), $code >= 500 ? $code : 400 );
		}
		$type = (string) wp_remote_retrieve_header( $response, 'content-type' );
		return new Image(
			(string) wp_remote_retrieve_body( $response ),
			'' !== $mime ? $mime : ( '' !== $type ? $type : 'application/octet-stream' ),
			basename( (string) wp_parse_url( $url, PHP_URL_PATH ) )
		);
	}

	/**
	 * Whether a path from get_attached_file() can be read here. Offload plugins may return
	 * s3:// or gs:// paths; without their stream wrapper, even is_readable() warns.
	 *
	 * @param mixed $path Path.
	 * @phpstan-assert-if-true string $path
	 */
	private static function is_readable_path( $path ): bool {
		if ( ! is_string( $path ) || '' === $path ) {
			return false;
		}
		if ( preg_match( '#^([a-z][a-z0-9+.-]*)://#i', $path, $scheme ) && ! in_array( strtolower( $scheme[1] ), stream_get_wrappers(), true ) ) {
			return false;
		}
		return is_readable( $path );
	}
}
