<?php
/**
 * Shared parts of the plugin's REST controllers.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Security\UploadError;
use KalasIris\Service\ServiceError;

/**
 * Routes under kalas-iris/v1. Admin routes need manage_woocommerce and a valid REST
 * nonce; every exception becomes a WP_Error with a stable code and a plain sentence.
 */
abstract class RestController {

	public const NAMESPACE = 'kalas-iris/v1';

	/**
	 * Declares the routes.
	 */
	abstract public function register_routes(): void;

	/**
	 * Hooks route registration.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Permission callback of admin routes.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function can_manage( \WP_REST_Request $request ) {
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			return new \WP_Error( 'rest_forbidden', __( 'You are not allowed to manage Kalas Iris.', 'kalas-iris' ), array( 'status' => rest_authorization_required_code() ) );
		}
		// Browser sessions must send the REST nonce (CSRF). WordPress already demands it for
		// cookie auth; checking it here too keeps these routes closed if another plugin relaxes
		// that. Application passwords (HTTP Basic, used by scripts and the e2e setup) cannot be
		// forged cross-site, so they need no nonce.
		if ( null !== rest_get_authenticated_app_password() ) {
			return true;
		}
		$nonce = (string) $request->get_header( 'X-WP-Nonce' );
		if ( '' === $nonce || ! wp_verify_nonce( $nonce, 'wp_rest' ) ) {
			return new \WP_Error( 'rest_cookie_invalid_nonce', __( 'Your session expired. Reload the page and try again.', 'kalas-iris' ), array( 'status' => 403 ) );
		}
		return true;
	}

	/**
	 * Runs a handler and maps its errors.
	 *
	 * @param callable(): mixed $handler Handler.
	 * @return \WP_REST_Response|\WP_Error
	 */
	protected function respond( callable $handler ) {
		try {
			$result = $handler();
			return $result instanceof \WP_Error ? $result : rest_ensure_response( $result );
		} catch ( ServiceError $e ) {
			return new \WP_Error( $e->error_code, $e->getMessage(), array( 'status' => self::status_for( $e ) ) );
		} catch ( UploadError $e ) {
			return new \WP_Error( $e->error_code, $e->getMessage(), array( 'status' => $e->status ) );
		}
	}

	/**
	 * HTTP status for the browser. A rejected input keeps its status; the service being
	 * down or refusing the shop's key is the server's problem, so it becomes 502/503
	 * rather than a 401 that would look like the person's session expired.
	 *
	 * @param ServiceError $e Error.
	 */
	private static function status_for( ServiceError $e ): int {
		if ( 429 === $e->status || 503 === $e->status ) {
			return 503;
		}
		if ( ServiceError::NOT_CONFIGURED === $e->error_code ) {
			return 409;
		}
		if ( $e->status >= 400 && $e->status < 500 && 401 !== $e->status && 403 !== $e->status ) {
			return $e->status;
		}
		return 502;
	}

	/**
	 * Schema of a positive integer id in the path.
	 *
	 * @return array<string, mixed>
	 */
	protected static function id_arg(): array {
		return array(
			'type'     => 'integer',
			'minimum'  => 1,
			'required' => true,
		);
	}
}
