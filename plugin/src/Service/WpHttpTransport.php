<?php
/**
 * WordPress HTTP API transport.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Service;

/**
 * Uses wp_remote_request() so proxies, SSL settings and the http_request_* filters of the site apply.
 * Not the wp_safe_ variant: the service usually runs on the same host or a private network, which
 * that variant refuses, and only a shop manager can set its URL.
 */
final class WpHttpTransport implements HttpTransport {

	/**
	 * {@inheritDoc}
	 */
	public function request( string $method, string $url, array $headers, ?string $body, float $timeout ): array {
		$args = array(
			'method'      => $method,
			'headers'     => $headers,
			'timeout'     => $timeout,
			'redirection' => 0,
		);
		if ( null !== $body ) {
			$args['body'] = $body;
		}
		$response = wp_remote_request( $url, $args );
		if ( is_wp_error( $response ) ) {
			throw new ServiceError(
				ServiceError::UNREACHABLE,
				sprintf( 'The Kalas Iris service at %s did not answer: %s', $url, $response->get_error_message() )
			);
		}
		$out_headers = array();
		// WordPress answers headers as a CaseInsensitiveDictionary object: iterated, not cast to an
		// array (a cast gives its private properties, and every header was lost, Retry-After too).
		$headers = wp_remote_retrieve_headers( $response );
		foreach ( is_iterable( $headers ) ? $headers : array() as $name => $value ) {
			$out_headers[ strtolower( (string) $name ) ] = is_array( $value ) ? (string) end( $value ) : (string) $value;
		}
		return array(
			'status'  => (int) wp_remote_retrieve_response_code( $response ),
			'headers' => $out_headers,
			'body'    => (string) wp_remote_retrieve_body( $response ),
		);
	}
}
