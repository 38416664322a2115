<?php
/**
 * Image bytes on their way to the service.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Service;

/**
 * An image file read from the media library or a shopper's upload.
 */
final class Image {

	/**
	 * @param string $bytes    File contents.
	 * @param string $mime     Content type, e.g. image/jpeg.
	 * @param string $filename Base name, for the multipart part.
	 */
	public function __construct(
		public readonly string $bytes,
		public readonly string $mime,
		public readonly string $filename
	) {
	}
}
