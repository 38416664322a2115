<?php
/**
 * A rejected upload.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Security;

/**
 * Stable code and a sentence a shopper can act on.
 */
final class UploadError extends \RuntimeException {

	/**
	 * @param string   $error_code  Stable code: no_file, invalid_upload, upload_failed, not_an_image, image_too_large, rate_limited.
	 * @param string   $message     Plain sentence.
	 * @param int      $status      HTTP status.
	 * @param int|null $retry_after Seconds for a Retry-After header.
	 */
	public function __construct( public readonly string $error_code, string $message, public readonly int $status, public readonly ?int $retry_after = null ) {
		parent::__construct( $message );
	}
}
