<?php
/**
 * Requests to registered routes, answered as WordPress's REST server answers them.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

use KalasIris\Rest\RestController;

/**
 * WordPress's order (WP_REST_Server::dispatch): the route's defaults are set, its
 * arguments are checked (required ones, validate_callback), then sanitized (sanitize_callback, or
 * the argument's schema when it has a type and no sanitize_callback), then
 * rest_request_before_callbacks, the permission callback and the callback. So a test sees what a
 * client would, WordPress's own refusals included; calling a route's callback directly skips them.
 */
final class RestServer {

	/**
	 * @param string           $route   Route under the plugin's namespace, as registered.
	 * @param string           $method  HTTP method.
	 * @param \WP_REST_Request $request Request.
	 * @return mixed The callback's answer, or the WP_Error that stopped the request.
	 */
	public static function dispatch( string $route, string $method, \WP_REST_Request $request ) {
		foreach ( Wp::$routes[ RestController::NAMESPACE . $route ] ?? array() as $handler ) {
			if ( ! in_array( $method, array_map( 'trim', explode( ',', $handler['methods'] ) ), true ) ) {
				continue;
			}
			$request->set_method( $method );
			$request->set_attributes( $handler );
			// As the server does: each argument's default, where it declares one, is the last
			// source of the parameter, and is sanitized like a sent value.
			$defaults = array_filter( (array) ( $handler['args'] ?? array() ), static fn( $arg ) => isset( $arg['default'] ) );
			$request->set_default_params( array_map( static fn( $arg ) => $arg['default'], $defaults ) );
			$checked = $request->has_valid_params();
			if ( true === $checked ) {
				$checked = $request->sanitize_params();
			}
			$response = apply_filters( 'rest_request_before_callbacks', true === $checked ? null : $checked, $handler, $request );
			if ( is_wp_error( $response ) ) {
				return $response;
			}
			$allowed = call_user_func( $handler['permission_callback'], $request );
			if ( is_wp_error( $allowed ) ) {
				return $allowed;
			}
			return call_user_func( $handler['callback'], $request );
		}
		throw new \LogicException( "No $method $route." );
	}
}
