<?php
/**
 * Annotation of one product, and re-annotation.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\ProductEvents;

/**
 * GET /products/{id} and POST /products/{id}/annotate, for the product edit panel.
 */
final class ProductsController extends RestController {

	/**
	 * @param AnnotationMeta $meta   Plugin meta.
	 * @param ProductEvents  $events Enqueues annotations.
	 */
	public function __construct( private AnnotationMeta $meta, private ProductEvents $events ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/products/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => $this->show( self::path_id( $r ) ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array( 'id' => self::id_arg() ),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/products/(?P<id>\d+)/annotate',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => $this->reannotate( self::path_id( $r ) ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array( 'id' => self::id_arg() ),
			)
		);
	}

	/**
	 * @param int $id Product id.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function show( int $id ) {
		return ProductView::of( $id, $this->meta ) ?? self::not_found();
	}

	/**
	 * Queues a fresh annotation; the panel polls GET until the status changes.
	 *
	 * @param int $id Product id.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function reannotate( int $id ) {
		if ( null === ProductView::of( $id, $this->meta ) ) {
			return self::not_found();
		}
		$this->events->enqueue( $id );
		return ProductView::of( $id, $this->meta );
	}
}
