<?php
/**
 * Settings and connection test routes.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Service\ServiceClient;
use KalasIris\Settings\Settings;
use KalasIris\Settings\SettingsSchema;

/**
 * GET/POST /settings and POST /settings/test. The API key can be written but never read.
 */
final class SettingsController extends RestController {

	/**
	 * @param Settings                 $settings Settings.
	 * @param callable(): ServiceClient $client   Client factory.
	 */
	public function __construct( private Settings $settings, private $client ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/settings',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => $this->respond( fn() => $this->view() ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					// Only JSON: a form body would otherwise be ignored and answered with the unchanged settings.
					'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => self::body_error( $r, true ) ?? $this->save( $r ) ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => self::documented( SettingsSchema::properties() ),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/settings/test',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn() => $this->respond( fn() => $this->test() ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
	}

	/**
	 * Route arguments that WordPress lists in the REST index but does not check. It checks an
	 * argument with a type and no sanitize_callback against its schema before the callback
	 * runs, and would answer "Invalid parameter(s)" where SettingsSchema::validate() says
	 * which rule a setting broke.
	 *
	 * @param array<string, array<string, mixed>> $properties Schema of each setting.
	 * @return array<string, array<string, mixed>>
	 */
	private static function documented( array $properties ): array {
		return array_map( static fn( array $schema ): array => $schema + array( 'sanitize_callback' => null ), $properties );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function view(): array {
		return $this->settings->for_browser() + array( 'woocommerce_connection' => ConnectController::connection() );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function save( \WP_REST_Request $request ) {
		$input  = array_intersect_key( (array) $request->get_json_params(), SettingsSchema::defaults() );
		$errors = $this->settings->update( $input );
		if ( array() !== $errors ) {
			return new \WP_Error(
				'invalid_settings',
				implode( ' ', $errors ),
				array(
					'status' => 400,
					'errors' => $errors,
				)
			);
		}
		return $this->view();
	}

	/**
	 * Calls GET /v1/model and reports the pack and the round trip.
	 *
	 * @return array<string, mixed>
	 */
	private function test(): array {
		$model  = ( $this->client )()->model();
		$labels = (array) ( $model['attributes'] ?? array() );
		if ( ! empty( $model['category'] ) ) {
			$labels = array( 'category' => (array) $model['category'] ) + $labels;
		}
		$labels['color'] = array_values( array_filter( array_map( static fn( $c ) => is_array( $c ) ? (string) ( $c['name'] ?? '' ) : '', (array) ( $model['palette'] ?? array() ) ) ) );
		return array(
			'name'       => (string) ( $model['name'] ?? '' ),
			'version'    => (string) ( $model['version'] ?? '' ),
			'fields'     => array_keys( $labels ),
			'labels'     => $labels,
			'latency_ms' => (float) $model['latency_ms'],
		);
	}
}
