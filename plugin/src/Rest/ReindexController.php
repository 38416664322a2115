<?php
/**
 * The service's reindex after a model update, for the admin.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Service\ServiceClient;

/**
 * GET /reindex: how many products an older model indexed, and how far a run got;
 * POST /reindex: start one. The service does the work from the image URLs this
 * plugin sent, so nothing here waits for it.
 */
final class ReindexController extends RestController {

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
			'/reindex',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => $this->respond( fn() => ( $this->client )()->reindex_progress() ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => fn() => $this->respond( fn() => ( $this->client )()->start_reindex() ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
			)
		);
	}
}
