<?php
/**
 * HTTP transport seam.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Service;

/**
 * Sends one HTTP request. The WordPress implementation wraps wp_remote_request();
 * tests pass a fake so the client's parsing and error mapping run without a network.
 */
interface HttpTransport {

	/**
	 * @param string                $method  HTTP method.
	 * @param string                $url     Absolute URL.
	 * @param array<string, string> $headers Request headers.
	 * @param string|null           $body    Raw body.
	 * @param float                 $timeout Seconds.
	 * @return array{status: int, headers: array<string, string>, body: string}
	 * @throws ServiceError When no response arrived (code service_unreachable).
	 */
	public function request( string $method, string $url, array $headers, ?string $body, float $timeout ): array;
}
