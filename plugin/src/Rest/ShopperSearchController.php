<?php
/**
 * The storefront "Shop by photo" search.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Blocks\ProductListRenderer;
use KalasIris\Blocks\VisibleMatches;
use KalasIris\Security\RateLimiter;
use KalasIris\Security\UploadError;
use KalasIris\Security\UploadValidator;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;

/**
 * POST /search: public, so it is rate-limited per visitor and checks size and type
 * before anything reaches the service. Answers with the theme's product markup.
 */
final class ShopperSearchController extends RestController {

	/**
	 * @param callable(): ServiceClient $client   Client factory.
	 * @param RateLimiter              $limiter  Per-visitor limit.
	 * @param ProductListRenderer      $renderer Product markup.
	 */
	public function __construct( private $client, private RateLimiter $limiter, private ProductListRenderer $renderer ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/search',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => $this->search( $r ) ),
				// Shoppers are anonymous; the rate limit and upload checks are the guard.
				'permission_callback' => '__return_true',
				'args'                => array(
					'count' => array( 'type' => 'integer', 'minimum' => 1, 'maximum' => 24, 'default' => 8 ),
				),
			)
		);
	}

	/**
	 * The visitor's address. Behind a proxy, a site can supply the real one with the
	 * kalas_iris_visitor_ip filter; forwarded headers are not trusted by default.
	 */
	public static function visitor(): string {
		$ip = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		return (string) apply_filters( 'kalas_iris_visitor_ip', $ip );
	}

	/**
	 * @param \WP_REST_Request $request Multipart with "image".
	 * @return array{html: string, count: int}
	 */
	private function search( \WP_REST_Request $request ): array {
		$visitor = self::visitor();
		if ( ! $this->limiter->hit( $visitor ) ) {
			$wait = $this->limiter->retry_after( $visitor );
			throw new UploadError(
				'rate_limited',
				sprintf(
					/* translators: %d: seconds to wait */
					__( 'You have searched a lot in a short time. Please wait %d seconds and try again.', 'kalas-iris' ),
					$wait
				),
				429,
				$wait
			);
		}
		$image = ( new UploadValidator() )->check( $request->get_file_params()['image'] ?? null );
		$count = (int) $request['count'];
		try {
			$client = ( $this->client )();
			// One request: a second would upload and analyse the photo again.
			$ids = VisibleMatches::collect( static fn( int $k ): array => $client->similar_to_image( $image, $k ), $count, 0, null, true );
		} catch ( ServiceError $e ) {
			if ( in_array( $e->error_code, array( 'not_an_image', 'truncated_image', 'unsupported_format', 'too_many_pixels', 'image_too_large' ), true ) ) {
				throw new UploadError( $e->error_code, $e->getMessage(), $e->status > 0 ? $e->status : 400 );
			}
			throw new UploadError( 'search_unavailable', __( 'Photo search is not available right now. Please try again later.', 'kalas-iris' ), 503 );
		}
		return array(
			'html'  => $this->renderer->render( $ids, true, true, 'kalas-iris-shop-by-photo' ),
			'count' => count( $ids ),
		);
	}
}
