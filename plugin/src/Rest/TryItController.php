<?php
/**
 * The admin "Try it" route.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Products\LabelPlan;
use KalasIris\Security\UploadValidator;
use KalasIris\Service\ServiceClient;
use KalasIris\Settings\Settings;

/**
 * POST /try: annotate any photo and find the shop's most similar products. Nothing is stored.
 */
final class TryItController extends RestController {

	/**
	 * @param callable(): ServiceClient $client   Client factory.
	 * @param Settings                 $settings Settings.
	 */
	public function __construct( private $client, private Settings $settings ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/try',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => $this->try_image( $r ) ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Multipart with "image".
	 * @return array<string, mixed>
	 */
	private function try_image( \WP_REST_Request $request ): array {
		$files  = $request->get_file_params();
		$image  = ( new UploadValidator( 20 * 1024 * 1024 ) )->check( $files['image'] ?? null );
		$client = ( $this->client )();
		$annotation = $client->annotate( $image );
		return array(
			'annotation' => $annotation,
			'suggestion' => LabelPlan::suggest( $annotation, $this->settings->all() ),
			'similar'    => ProductView::similar( $client->similar_to_image( $image, 8 ) ),
		);
	}
}
