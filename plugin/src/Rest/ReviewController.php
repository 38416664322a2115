<?php
/**
 * Review queue routes.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\Catalog;
use KalasIris\Products\ReviewService;

/**
 * GET /review, POST /review/{id} and POST /review/bulk.
 */
final class ReviewController extends RestController {

	public const MAX_PAGE = 100000;

	/**
	 * @param Catalog        $catalog Catalogue queries.
	 * @param AnnotationMeta $meta    Plugin meta.
	 * @param ReviewService  $review  Decisions.
	 */
	public function __construct( private Catalog $catalog, private AnnotationMeta $meta, private ReviewService $review ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		$decision = array(
			'type'     => 'string',
			'enum'     => array( 'accept', 'reject' ),
			'required' => true,
		);
		register_rest_route(
			self::NAMESPACE,
			'/review',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => $this->list( (int) $r['page'], (int) $r['per_page'] ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					// Bounded: WP_Query's offset overflows on absurd pages and falls back to the first.
					'page'     => array( 'type' => 'integer', 'minimum' => 1, 'maximum' => self::MAX_PAGE, 'default' => 1 ),
					'per_page' => array( 'type' => 'integer', 'minimum' => 1, 'maximum' => 100, 'default' => 20 ),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/review/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => self::body_error( $r ) ?? $this->decide_edited( self::path_id( $r ), (string) $r['decision'], $r['labels'] ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'id'       => self::id_arg(),
					'decision' => $decision,
					'labels'   => array( 'type' => array( 'object', 'null' ) ),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/review/bulk',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => self::body_error( $r ) ?? $this->bulk( (array) $r['ids'], (string) $r['decision'] ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'ids'      => array(
						'type'              => 'array',
						'items'             => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'maxItems'          => 100,
						'required'          => true,
						'validate_callback' => array( self::class, 'validate_ids' ),
					),
					'decision' => $decision,
				),
			)
		);
	}

	/**
	 * Checks bulk ids before WordPress casts them: the schema's integer check lets a JSON
	 * number beyond PHP_INT_MAX through (it decodes to a whole float), and (int) would
	 * then turn it into another product's id or a negative one.
	 *
	 * @param mixed            $ids     Untrusted.
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Argument name.
	 * @return true|\WP_Error
	 */
	public static function validate_ids( $ids, $request, $param ) {
		$valid = rest_validate_request_arg( $ids, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		foreach ( (array) $ids as $id ) {
			if ( ! self::is_positive_int( $id ) ) {
				return new \WP_Error(
					'rest_invalid_param',
					sprintf(
						/* translators: %s: largest id */
						__( 'Product ids are whole numbers from 1 to %s.', 'kalas-iris' ),
						PHP_INT_MAX
					),
					array( 'status' => 400 )
				);
			}
		}
		return true;
	}

	/**
	 * @param int $page     Page.
	 * @param int $per_page Page size.
	 * @return array<string, mixed>
	 */
	private function list( int $page, int $per_page ): array {
		$found = $this->catalog->with_status( 'review', $page, $per_page );
		$items = array();
		foreach ( $found['ids'] as $id ) {
			$view = ProductView::of( $id, $this->meta );
			if ( null !== $view ) {
				$items[] = $view;
			}
		}
		return array(
			'items'    => $items,
			'total'    => $found['total'],
			'page'     => $page,
			'per_page' => $per_page,
		);
	}

	/**
	 * One decision, with labels a person may have edited.
	 *
	 * @param int    $id       Product id.
	 * @param string $decision accept|reject.
	 * @param mixed  $labels   Edited labels; null accepts the suggestion as is.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function decide_edited( int $id, string $decision, $labels ) {
		if ( null !== $labels ) {
			$error = ReviewService::label_error( $labels );
			if ( null !== $error ) {
				return new \WP_Error( 'invalid_labels', $error, array( 'status' => 400 ) );
			}
		}
		return $this->decide( $id, $decision, $labels );
	}

	/**
	 * @param int                       $id       Product id.
	 * @param string                    $decision accept|reject.
	 * @param array<string, mixed>|null $labels   Valid edited labels or null.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function decide( int $id, string $decision, ?array $labels ) {
		// get_post_type( 0 ) would answer for the global post, whatever it is.
		if ( $id < 1 || ! in_array( get_post_type( $id ), array( 'product', 'product_variation' ), true ) ) {
			return self::not_found();
		}
		if ( 'review' !== $this->meta->status( $id ) ) {
			return new \WP_Error( 'not_in_review', __( 'This product is not waiting for review.', 'kalas-iris' ), array( 'status' => 409 ) );
		}
		$status = 'accept' === $decision
			? $this->review->accept( $id, $labels )
			: $this->review->reject( $id );
		return array(
			'id'     => $id,
			'status' => $status,
		);
	}

	/**
	 * @param array<int|string> $ids      Product ids.
	 * @param string            $decision accept|reject.
	 * @return array{results: list<array<string, mixed>>}
	 */
	private function bulk( array $ids, string $decision ): array {
		$results = array();
		foreach ( array_unique( array_map( 'intval', $ids ) ) as $id ) {
			$result    = $this->decide( $id, $decision, null );
			$results[] = $result instanceof \WP_Error
				? array( 'id' => $id, 'status' => 'error', 'error' => array( 'code' => $result->get_error_code(), 'message' => $result->get_error_message() ) )
				: $result;
		}
		return array( 'results' => $results );
	}
}
