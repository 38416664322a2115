<?php
/**
 * Client of the Kalas Iris service REST API (docs/api.md).
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Service;

/**
 * Server-to-server calls with the shop's API key. Every failure becomes a
 * {@see ServiceError} carrying the service's stable code.
 */
class ServiceClient {

	/**
	 * Annotating waits for the model; everything else should be quick.
	 */
	private const SLOW_TIMEOUT = 30.0;
	private const FAST_TIMEOUT = 5.0;
	/**
	 * Learning a large catalogue takes seconds per field (about 10 s at 10,000 products).
	 */
	private const LEARN_TIMEOUT = 120.0;
	/**
	 * Side, in pixels, of the square a correction's photo is scaled into: three times the 160 px
	 * the corrections page shows it at, for high-density screens. Always sent: without `max` the
	 * service answers the photo as stored (megabytes, maybe a type browsers cannot show), and an
	 * empty `max=` would leave the size to the service's own default.
	 */
	private const CORRECTION_THUMBNAIL = 480;

	/**
	 * @param string        $base_url  Service URL without trailing slash.
	 * @param string        $api_key   Shop API key.
	 * @param HttpTransport $transport HTTP transport.
	 */
	public function __construct(
		private string $base_url,
		private string $api_key,
		private HttpTransport $transport
	) {
	}

	/**
	 * The loaded model pack, plus the measured round trip in latency_ms.
	 *
	 * @return array<string, mixed>
	 */
	public function model(): array {
		$start              = microtime( true );
		$model              = $this->json( 'GET', '/v1/model', null, null, self::FAST_TIMEOUT, array( 'name', 'version' ) );
		$model['latency_ms'] = round( ( microtime( true ) - $start ) * 1000, 1 );
		return $model;
	}

	/**
	 * Upserts a product into the similar-items index and returns its annotation.
	 *
	 * @param int                   $product_id Product id.
	 * @param Image                 $image      Main image.
	 * @param array<string, string> $fields     name, permalink, image_url.
	 * @param array<string, string> $labels     The shop's own labels ({@see \KalasIris\Products\OwnLabels}); {} clears them.
	 * @return array<string, mixed> { id, annotation }
	 */
	public function put_product( int $product_id, Image $image, array $fields, array $labels = array() ): array {
		$form = new Multipart();
		$form->file( 'image', $image->filename, $image->mime, $image->bytes );
		$form->field( 'labels', (string) json_encode( (object) $labels ) );
		foreach ( array( 'name', 'permalink', 'image_url' ) as $name ) {
			if ( ! isset( $fields[ $name ] ) || '' === $fields[ $name ] ) {
				continue;
			}
			// The service refuses a link that is not absolute http(s). A site that hands out
			// relative links (some "relative URL" plugins do) must still get its products
			// annotated, so such a link is left out rather than failing the whole job.
			if ( 'name' !== $name && ! preg_match( '#^https?://[^\s/]+#i', $fields[ $name ] ) ) {
				continue;
			}
			// The service takes names of up to 500 characters; a longer title is cut, not refused.
			$form->field( $name, 'name' === $name ? mb_substr( $fields[ $name ], 0, 500 ) : $fields[ $name ] );
		}
		return $this->json( 'PUT', '/v1/products/' . $product_id, $form->body(), $form->content_type(), self::SLOW_TIMEOUT, array( 'id', 'annotation' ) );
	}

	/**
	 * Sets the shop's own labels of indexed products, without their photos.
	 *
	 * @param list<array{id: string, labels: object}> $items Up to 1,000.
	 * @return array<string, mixed> { updated, missing }
	 */
	public function set_labels( array $items ): array {
		return $this->json( 'PUT', '/v1/labels', (string) json_encode( array( 'items' => $items ) ), 'application/json', self::SLOW_TIMEOUT, array( 'updated' ) );
	}

	/**
	 * Learns the shop's own labels from its labelled products and corrections.
	 *
	 * @return array<string, mixed> { fields: { field: { labels, examples, holdout_accuracy, seconds } }, corrections }
	 */
	public function learn(): array {
		return $this->json( 'POST', '/v1/learn', null, null, self::LEARN_TIMEOUT, array( 'fields' ) );
	}

	/**
	 * What the service has learned for the shop, whether it is learning now, and when it
	 * learns again by itself for corrections that changed (it does, a minute after them).
	 *
	 * @return array<string, mixed> { fields: { field: { labels, examples, holdout_accuracy, trained_at } }, running, next_run_at }
	 */
	public function learn_status(): array {
		return $this->json( 'GET', '/v1/learn', null, null, self::FAST_TIMEOUT, array( 'fields', 'running' ) );
	}

	/**
	 * Annotates an image without indexing it (variation images, Try it).
	 *
	 * @param Image $image Image.
	 * @return array<string, mixed> Annotation.
	 */
	public function annotate( Image $image ): array {
		$form = ( new Multipart() )->file( 'image', $image->filename, $image->mime, $image->bytes );
		return $this->json( 'POST', '/v1/annotate', $form->body(), $form->content_type(), self::SLOW_TIMEOUT, array( 'attributes', 'colors', 'model' ) );
	}

	/**
	 * Removes a product from the index.
	 *
	 * @param int $product_id Product id.
	 */
	public function delete_product( int $product_id ): void {
		try {
			$this->json( 'DELETE', '/v1/products/' . $product_id, null, null, self::FAST_TIMEOUT, array( 'deleted' ) );
		} catch ( ServiceError $e ) {
			if ( 'product_not_found' !== $e->error_code ) {
				throw $e;
			}
		}
	}

	/**
	 * Asks the service to analyse again, in the background, the products an older
	 * model indexed (it fetches them from the image URLs this plugin sent).
	 *
	 * @return array<string, mixed> Progress: state, total, done, failed.
	 */
	public function start_reindex(): array {
		return $this->json( 'POST', '/v1/reindex', null, null, self::FAST_TIMEOUT, array( 'state' ) );
	}

	/**
	 * The service's reindex run: state, total, done, failed, stale_now, report.
	 *
	 * @return array<string, mixed>
	 */
	public function reindex_progress(): array {
		return $this->json( 'GET', '/v1/reindex', null, null, self::FAST_TIMEOUT, array( 'state' ) );
	}

	/**
	 * Nearest products to an indexed product.
	 *
	 * @param int $product_id Product id.
	 * @param int $k          How many.
	 * @return list<array<string, mixed>>
	 */
	public function similar_to_product( int $product_id, int $k ): array {
		$answer = $this->json( 'GET', sprintf( '/v1/products/%d/similar?k=%d', $product_id, $k ), null, null, self::FAST_TIMEOUT, array( 'items' ) );
		return array_values( (array) $answer['items'] );
	}

	/**
	 * Nearest products to an uploaded image.
	 *
	 * @param Image $image Image.
	 * @param int   $k     How many.
	 * @return list<array<string, mixed>>
	 */
	public function similar_to_image( Image $image, int $k ): array {
		$answer = $this->json( 'POST', '/v1/similar?k=' . $k, $image->bytes, $image->mime, self::SLOW_TIMEOUT, array( 'items' ) );
		return array_values( (array) $answer['items'] );
	}

	/**
	 * Sends a person's corrected labels.
	 *
	 * @param array<string, mixed> $feedback Body as in docs/api.md.
	 * @return array<string, mixed>
	 */
	public function feedback( array $feedback ): array {
		// Attribute maps are JSON objects even when empty. Job arguments pass through
		// Action Scheduler's JSON storage, which turns {} into an empty PHP array.
		$feedback['attributes'] = (object) (array) ( $feedback['attributes'] ?? array() );
		if ( isset( $feedback['original'] ) && is_array( $feedback['original'] ) ) {
			$feedback['original']['attributes'] = (object) (array) ( $feedback['original']['attributes'] ?? array() );
		}
		return $this->json( 'POST', '/v1/feedback', (string) json_encode( $feedback ), 'application/json', self::FAST_TIMEOUT, array( 'id' ) );
	}

	/**
	 * Corrections sent through the service's public try-it page, for a person to review.
	 *
	 * @param string $review pending|accepted|rejected.
	 * @param int    $limit  Page size.
	 * @param int    $offset Items to skip.
	 * @return array<string, mixed> { items, total }
	 */
	public function web_corrections( string $review, int $limit, int $offset ): array {
		$query = http_build_query(
			array(
				'source' => 'web',
				'review' => $review,
				'limit'  => $limit,
				'offset' => $offset,
			)
		);
		return $this->json( 'GET', '/v1/feedback?' . $query, null, null, self::FAST_TIMEOUT, array( 'items', 'total' ) );
	}

	/**
	 * Accepts or rejects a correction (or puts it back to pending): only accepted ones from
	 * the public page take part in the shop's predictions and learning.
	 *
	 * @param int    $id     Correction id.
	 * @param string $review accepted|rejected|pending.
	 * @return array<string, mixed> The correction.
	 */
	public function review_correction( int $id, string $review ): array {
		$body = (string) json_encode( array( 'review' => $review ) );
		return $this->json( 'PATCH', '/v1/feedback/' . $id, $body, 'application/json', self::FAST_TIMEOUT, array( 'id', 'review' ) );
	}

	/**
	 * The photo a correction was sent with, as a JPEG thumbnail ({@see self::CORRECTION_THUMBNAIL}).
	 *
	 * @param int $id Correction id.
	 * @return array{content_type: string, bytes: string}
	 * @throws ServiceError When the service has none, or answers with something that is no image.
	 */
	public function correction_image( int $id ): array {
		$response = $this->send( 'GET', '/v1/feedback/' . $id . '/image?max=' . self::CORRECTION_THUMBNAIL, null, null, self::FAST_TIMEOUT, 'image/*' );
		if ( $response['status'] < 200 || $response['status'] >= 300 ) {
			throw $this->error_for( $response );
		}
		$type = strtolower( trim( explode( ';', (string) ( $response['headers']['content-type'] ?? '' ) )[0] ) );
		if ( ! str_starts_with( $type, 'image/' ) || '' === $response['body'] ) {
			throw $this->unexpected( $response['status'] );
		}
		return array(
			'content_type' => $type,
			'bytes'        => $response['body'],
		);
	}

	/**
	 * Gives the service the shop's WooCommerce REST credentials.
	 *
	 * @param string $shop_url        Store URL.
	 * @param string $consumer_key    ck_…
	 * @param string $consumer_secret cs_…
	 * @return array<string, mixed>
	 */
	public function put_woocommerce_credentials( string $shop_url, string $consumer_key, string $consumer_secret ): array {
		$body = (string) json_encode(
			array(
				'url'             => $shop_url,
				'consumer_key'    => $consumer_key,
				'consumer_secret' => $consumer_secret,
			)
		);
		return $this->json( 'PUT', '/v1/shop/woocommerce', $body, 'application/json', self::FAST_TIMEOUT, array( 'connected' ) );
	}

	/**
	 * Sends a request and decodes the JSON answer, mapping errors.
	 *
	 * An answer that is not the service's (a wrong URL that reaches WordPress, a web
	 * server's 404 page, another API's JSON) becomes 502 service_unexpected, so it reads
	 * as a wrong address rather than as a missing product or a missing route.
	 *
	 * @param string       $method       HTTP method.
	 * @param string       $path         Path and query.
	 * @param string|null  $body         Raw body.
	 * @param string|null  $content_type Content type of the body.
	 * @param float        $timeout      Seconds.
	 * @param list<string> $expect       Fields every answer of this call has.
	 * @return array<string, mixed>
	 * @throws ServiceError On any failure.
	 */
	private function json( string $method, string $path, ?string $body, ?string $content_type, float $timeout, array $expect ): array {
		$response = $this->send( $method, $path, $body, $content_type, $timeout, 'application/json' );
		$decoded  = json_decode( $response['body'], true );
		$status   = $response['status'];

		if ( $status >= 200 && $status < 300 ) {
			if ( ! is_array( $decoded ) || array() !== array_diff( $expect, array_keys( $decoded ) ) || ( in_array( 'items', $expect, true ) && ! is_array( $decoded['items'] ) ) ) {
				throw $this->unexpected( $status );
			}
			return $decoded;
		}
		throw $this->error_for( $response );
	}

	/**
	 * Sends a request with the shop's key.
	 *
	 * @param string      $method       HTTP method.
	 * @param string      $path         Path and query.
	 * @param string|null $body         Raw body.
	 * @param string|null $content_type Content type of the body.
	 * @param float       $timeout      Seconds.
	 * @param string      $accept       What the answer should be.
	 * @return array{status: int, headers: array<string, string>, body: string}
	 * @throws ServiceError When the plugin is not connected, or the service cannot be reached.
	 */
	private function send( string $method, string $path, ?string $body, ?string $content_type, float $timeout, string $accept ): array {
		if ( '' === $this->base_url || '' === $this->api_key ) {
			throw new ServiceError( ServiceError::NOT_CONFIGURED, 'Set the Kalas Iris service URL and API key first.' );
		}
		$headers = array(
			'Authorization' => 'Bearer ' . $this->api_key,
			'Accept'        => $accept,
		);
		if ( null !== $content_type ) {
			$headers['Content-Type'] = $content_type;
		}
		return $this->transport->request( $method, $this->base_url . $path, $headers, $body, $timeout );
	}

	/**
	 * The error for a service answer that is not a success.
	 *
	 * @param array{status: int, headers: array<string, string>, body: string} $response Answer.
	 */
	private function error_for( array $response ): ServiceError {
		$decoded = json_decode( $response['body'], true );
		$status  = $response['status'];
		$error = is_array( $decoded ) && isset( $decoded['error'] ) && is_array( $decoded['error'] ) ? $decoded['error'] : array();
		$shape = is_string( $error['code'] ?? null ) && is_string( $error['message'] ?? null );
		if ( 404 === $status && ! $shape ) {
			// The service answers every unknown path with route_not_found in its own shape.
			return $this->unexpected( $status );
		}
		$retry_after = isset( $response['headers']['retry-after'] ) && is_numeric( $response['headers']['retry-after'] )
			? (int) $response['headers']['retry-after']
			: null;
		return new ServiceError(
			is_string( $error['code'] ?? null ) ? $error['code'] : 'http_' . $status,
			is_string( $error['message'] ?? null ) ? $error['message'] : sprintf( 'The Kalas Iris service answered HTTP %d.', $status ),
			$status,
			$retry_after
		);
	}

	/**
	 * The error for an answer from something that is not the service.
	 *
	 * @param int $status HTTP status it answered with.
	 */
	private function unexpected( int $status ): ServiceError {
		return new ServiceError(
			ServiceError::UNEXPECTED,
			sprintf( 'The address %s answered (HTTP %d), but not as a Kalas Iris service: check the service URL.', $this->base_url, $status ),
			502
		);
	}
}
