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
			$error = new \WP_Error( $e->error_code, $e->getMessage(), array( 'status' => $e->status ) );
			if ( null === $e->retry_after ) {
				return $error;
			}
			// A WP_Error cannot carry headers; the response it becomes can.
			$response = rest_convert_error_to_response( $error );
			$response->header( 'Retry-After', (string) $e->retry_after );
			return $response;
		}
	}

	/**
	 * Permission before argument checks, on this plugin's admin routes. WordPress checks a
	 * route's arguments first, so an anonymous caller who leaves out a required argument
	 * hears "Missing parameter(s)" (400) instead of 401. Hooked on
	 * rest_request_before_callbacks, which runs after those checks and before the
	 * permission callback; only a request that already failed them is looked at.
	 *
	 * @param mixed                $response Result so far: a WP_Error when the arguments failed.
	 * @param array<string, mixed> $handler  Matched route handler.
	 * @param \WP_REST_Request     $request  Request.
	 * @return mixed
	 */
	public static function permission_first( $response, $handler, $request ) {
		$permission = is_array( $handler ) ? ( $handler['permission_callback'] ?? null ) : null;
		if ( ! is_wp_error( $response ) || ! is_array( $permission ) || ! ( $permission[0] ?? null ) instanceof self ) {
			return $response;
		}
		$allowed = call_user_func( $permission, $request );
		return is_wp_error( $allowed ) ? $allowed : $response;
	}

	/**
	 * Why a POST body is not the JSON object a route expects, or null when it is one or
	 * there is none. WordPress decodes any JSON value, so a string, number, true, null or
	 * list would otherwise reach the route as if no field had been sent.
	 *
	 * @param \WP_REST_Request $request   Request.
	 * @param bool             $json_only Whether a body that is not JSON (a form) is refused too.
	 */
	protected static function body_error( \WP_REST_Request $request, bool $json_only = false ): ?\WP_Error {
		$body = trim( (string) $request->get_body() );
		if ( '' === $body ) {
			return null;
		}
		$json = $request->is_json_content_type();
		if ( ( $json && str_starts_with( $body, '{' ) ) || ( ! $json && ! $json_only ) ) {
			return null;
		}
		return new \WP_Error(
			'invalid_body',
			$json
				? __( 'Send a JSON object.', 'kalas-iris' )
				: __( 'Send a JSON object, with the header Content-Type: application/json.', 'kalas-iris' ),
			array( 'status' => 400 )
		);
	}

	/**
	 * The {id} of the route's path. WordPress lets a query-string or body "id" shadow it in
	 * $request['id'], so it is read from the URL params. 0 when it is not an integer PHP can hold.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	protected static function path_id( \WP_REST_Request $request ): int {
		// The digits as sent ({@see id_arg()}); "009" is 9.
		$id = ltrim( (string) ( $request->get_url_params()['id'] ?? '' ), '0' );
		return self::is_positive_int( $id ) ? (int) $id : 0;
	}

	/**
	 * Whether a decoded JSON, query or form value is an integer from 1 to PHP_INT_MAX. JSON
	 * numbers beyond that decode to floats, which (int) would wrap silently.
	 *
	 * @param mixed $value Untrusted.
	 */
	protected static function is_positive_int( $value ): bool {
		if ( is_int( $value ) ) {
			return $value >= 1;
		}
		return is_string( $value ) && false !== filter_var( $value, FILTER_VALIDATE_INT, array( 'options' => array( 'min_range' => 1 ) ) );
	}

	/**
	 * The answer for a product id that names no product.
	 */
	protected static function not_found(): \WP_Error {
		return new \WP_Error( 'product_not_found', __( 'There is no such product.', 'kalas-iris' ), array( 'status' => 404 ) );
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
	 * Schema of a positive integer id in the path. The digits are kept as sent: WordPress's
	 * integer sanitizing turns a number beyond PHP_INT_MAX into PHP_INT_MAX, another id;
	 * {@see path_id()} reads them, and answers 0 for a number PHP cannot hold.
	 *
	 * @return array<string, mixed>
	 */
	protected static function id_arg(): array {
		return array(
			'type'              => 'integer',
			'minimum'           => 1,
			'required'          => true,
			'validate_callback' => 'rest_validate_request_arg',
			'sanitize_callback' => static fn( $value ) => $value,
		);
	}
}
