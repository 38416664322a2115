<?php
/**
 * Backfill progress and controls.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Jobs\BackfillJob;
use KalasIris\Products\Catalog;

/**
 * GET /backfill (polled by the admin), POST /backfill/start|pause|resume, and
 * GET /jobs: how many products wait, retry, failed or are done, for the admin.
 */
final class BackfillController extends RestController {

	/**
	 * @param BackfillJob $backfill Backfill.
	 * @param Catalog     $catalog  Catalogue queries.
	 */
	public function __construct( private BackfillJob $backfill, private Catalog $catalog ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/backfill',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => fn() => $this->respond( fn() => $this->backfill->progress() ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/jobs',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => fn() => $this->respond( fn() => array( 'counts' => (object) $this->catalog->count_by_status() ) ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		foreach ( array( 'start', 'pause', 'resume' ) as $action ) {
			register_rest_route(
				self::NAMESPACE,
				'/backfill/' . $action,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => fn() => $this->respond( fn() => $this->backfill->{$action}() ),
					'permission_callback' => array( $this, 'can_manage' ),
				)
			);
		}
	}
}
