<?php
/**
 * Catalogue learning, for the admin.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Products\CatalogLearning;

/**
 * GET /learn: the last learning's result ({ learned: false } before the first) with the
 * service's own status, which also counts the runs it makes by itself after corrections
 * ({@see CatalogLearning::status()}); POST /learn: send every indexed product's own
 * category to the service and learn them ({@see CatalogLearning::run()}). It runs within
 * the request, as the owner waits for the answer: about 10 s of learning at 10,000
 * products, plus reading their categories.
 */
final class LearnController extends RestController {

	/**
	 * @param CatalogLearning $learning Catalogue learning.
	 */
	public function __construct( private CatalogLearning $learning ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/learn',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => $this->respond( fn() => $this->learning->status() ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => fn() => $this->respond( fn() => $this->learning->run() ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
			)
		);
	}
}
