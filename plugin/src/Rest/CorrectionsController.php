<?php
/**
 * Review of the corrections visitors send through the service's public try-it page.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Service\ServiceClient;

/**
 * GET /corrections, POST /corrections/{id} and GET /corrections/{id}/image.
 *
 * Anyone can correct an annotation on the service's public page, so the service stores those
 * corrections without letting them act on the shop's predictions. A shop manager reads them
 * here, with the photo, and accepts the good ones, which then teach the shop's model.
 */
final class CorrectionsController extends RestController {

	private const REVIEWS = array( 'pending', 'accepted', 'rejected' );

	/** Bounded: the service's offset is a count of corrections, and the list is short anyway. */
	public const MAX_PAGE = 10000;

	/**
	 * @param callable(): ServiceClient $client Client factory.
	 */
	public function __construct( private $client ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/corrections',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => $this->list( (string) $r['review'], (int) $r['page'], (int) $r['per_page'] ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'review'   => array( 'type' => 'string', 'enum' => self::REVIEWS, 'default' => 'pending' ),
					'page'     => array( 'type' => 'integer', 'minimum' => 1, 'maximum' => self::MAX_PAGE, 'default' => 1 ),
					'per_page' => array( 'type' => 'integer', 'minimum' => 1, 'maximum' => 50, 'default' => 20 ),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/corrections/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => self::body_error( $r ) ?? $this->review( $r ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'id'     => self::id_arg(),
					'review' => array( 'type' => 'string', 'enum' => self::REVIEWS, 'required' => true ),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/corrections/(?P<id>\d+)/image',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => $this->image( $r ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array( 'id' => self::id_arg() ),
			)
		);
	}

	/**
	 * @param string $review   pending|accepted|rejected.
	 * @param int    $page     Page.
	 * @param int    $per_page Page size.
	 * @return array<string, mixed>
	 */
	private function list( string $review, int $page, int $per_page ): array {
		$found = ( $this->client )()->web_corrections( $review, $per_page, ( $page - 1 ) * $per_page );
		return array(
			'items'    => array_values( (array) $found['items'] ),
			'total'    => (int) $found['total'],
			'page'     => $page,
			'per_page' => $per_page,
		);
	}

	/**
	 * Accepts or rejects the correction in the path, or puts it back to pending.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function review( \WP_REST_Request $request ) {
		$id = self::correction_id( $request );
		return $id instanceof \WP_Error ? $id : ( $this->client )()->review_correction( $id, (string) $request['review'] );
	}

	/**
	 * The photo as a data URL of a thumbnail (a page lists up to 50): the admin shows it in an
	 * <img>, which cannot send the X-WP-Nonce header that this plugin's routes check.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return array{content_type: string, data_url: string}|\WP_Error
	 */
	private function image( \WP_REST_Request $request ) {
		$id = self::correction_id( $request );
		if ( $id instanceof \WP_Error ) {
			return $id;
		}
		$image = ( $this->client )()->correction_image( $id );
		return array(
			'content_type' => $image['content_type'],
			'data_url'     => 'data:' . $image['content_type'] . ';base64,' . base64_encode( $image['bytes'] ),
		);
	}

	/**
	 * The correction named in the path, or 404 feedback_not_found (as the service answers it)
	 * for a number no correction can have because PHP cannot hold it.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return int|\WP_Error
	 */
	private static function correction_id( \WP_REST_Request $request ) {
		$id = self::path_id( $request );
		if ( $id > 0 ) {
			return $id;
		}
		return new \WP_Error(
			'feedback_not_found',
			/* translators: %s: the correction id as sent. */
			sprintf( __( 'There is no correction "%s" in this shop.', 'kalas-iris' ), substr( (string) ( $request->get_url_params()['id'] ?? '' ), 0, 64 ) ),
			array( 'status' => 404 )
		);
	}
}
