<?php
/**
 * Typed error from the companion service.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Service;

/**
 * Carries the service's stable error code and plain sentence, plus what a
 * job needs to decide whether to retry.
 */
final class ServiceError extends \RuntimeException {

	/**
	 * Code used when the service could not be reached at all.
	 */
	public const UNREACHABLE = 'service_unreachable';

	/**
	 * Code used when something answered that is not the service (a wrong URL). Its
	 * status is 502, so jobs retry with backoff while the owner corrects the URL.
	 */
	public const UNEXPECTED = 'service_unexpected';

	/**
	 * Code used when the plugin has no URL or key yet.
	 */
	public const NOT_CONFIGURED = 'not_configured';

	/**
	 * @param string   $error_code  Stable code, e.g. "image_too_large".
	 * @param string   $message     Plain sentence for a person.
	 * @param int      $status      HTTP status, 0 when no response arrived.
	 * @param int|null $retry_after Seconds from a Retry-After header.
	 */
	public function __construct(
		public readonly string $error_code,
		string $message,
		public readonly int $status = 0,
		public readonly ?int $retry_after = null
	) {
		parent::__construct( $message );
	}

	/**
	 * Whether trying again later can succeed: the service was down, busy or
	 * broken, as opposed to rejecting this particular input.
	 */
	public function is_retryable(): bool {
		if ( self::NOT_CONFIGURED === $this->error_code ) {
			return false;
		}
		return 0 === $this->status || 429 === $this->status || $this->status >= 500;
	}

	/**
	 * Shape returned to the admin UI and stored in job state.
	 *
	 * @return array{code: string, message: string, status: int}
	 */
	public function to_array(): array {
		return array(
			'code'    => $this->error_code,
			'message' => $this->getMessage(),
			'status'  => $this->status,
		);
	}
}
