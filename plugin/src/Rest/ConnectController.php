<?php
/**
 * Gives the service the shop's WooCommerce REST credentials.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Rest;

use KalasIris\Service\ServiceClient;
use KalasIris\Support\WooCommerceKey;

/**
 * Uses WooCommerce's own app authorization (/wc-auth/v1/authorize): the owner approves
 * "Kalas Iris" on a WooCommerce screen, WooCommerce creates a read/write key and POSTs it
 * to /connect/callback, which forwards it to the service (PUT /v1/shop/woocommerce) and
 * keeps nothing but the fact that it happened and which key it was, so that the next
 * connection, or an uninstall, deletes it ({@see WooCommerceKey}). A one-time state token,
 * passed as WooCommerce's user_id, proves the callback answers a request this admin started.
 */
final class ConnectController extends RestController {

	public const OPTION = 'kalas_iris_wc_connection';

	private const STATE_PREFIX = 'kalas_iris_connect_';

	/**
	 * WooCommerce REST keys, and the state token. \z, not $: $ also matches before a final
	 * line break, so "ck_…\n" would pass.
	 */
	private const KEY_PATTERN    = '/^ck_[a-f0-9]{40}\z/';
	private const SECRET_PATTERN = '/^cs_[a-f0-9]{40}\z/';
	private const STATE_PATTERN  = '/^[A-Za-z0-9]{32}\z/';

	/**
	 * @param callable(): ServiceClient $client Client factory.
	 */
	public function __construct( private $client ) {
	}

	/**
	 * What the admin shows about the connection.
	 *
	 * @return array{connected: bool, connected_at: ?string, key_id: ?int}
	 */
	public static function connection(): array {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		return array(
			'connected'    => isset( $stored['connected_at'] ),
			'connected_at' => $stored['connected_at'] ?? null,
			'key_id'       => isset( $stored['key_id'] ) ? (int) $stored['key_id'] : null,
		);
	}

	/**
	 * {@inheritDoc}
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/connect/start',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn() => $this->respond( fn() => $this->start() ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/connect/callback',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => self::body_error( $r, true ) ?? $this->callback( $r ) ),
				// WooCommerce calls this server to server without a session; the state token is the check.
				'permission_callback' => '__return_true',
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/connect/manual',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => fn( \WP_REST_Request $r ) => $this->respond( fn() => self::body_error( $r ) ?? $this->manual( $r ) ),
				'permission_callback' => array( $this, 'can_manage' ),
				// The format is checked in forward(), with a sentence a person can act on; a
				// schema pattern would be published as a JSON Schema (ECMAScript) regex,
				// where PCRE's \z does not exist.
				'args'                => array(
					'consumer_key'    => array( 'type' => 'string', 'required' => true ),
					'consumer_secret' => array( 'type' => 'string', 'required' => true ),
				),
			)
		);
	}

	/**
	 * The WooCommerce authorization URL to send the browser to.
	 *
	 * @return array{url: string}|\WP_Error
	 */
	private function start() {
		$callback = rest_url( self::NAMESPACE . '/connect/callback' );
		if ( 0 !== stripos( $callback, 'https://' ) ) {
			// WooCommerce refuses callbacks that are not HTTPS.
			return new \WP_Error(
				'https_required',
				__( 'WooCommerce only authorises apps on HTTPS sites. On this site, create a read/write key under WooCommerce → Settings → Advanced → REST API and enter it below.', 'kalas-iris' ),
				array( 'status' => 409 )
			);
		}
		$state = wp_generate_password( 32, false );
		set_transient( self::STATE_PREFIX . $state, get_current_user_id(), 15 * MINUTE_IN_SECONDS );
		$url = add_query_arg(
			array(
				'app_name'     => rawurlencode( 'Kalas Iris' ),
				'scope'        => 'read_write',
				'user_id'      => $state,
				'return_url'   => rawurlencode( admin_url( 'admin.php?page=kalas-iris' ) ),
				'callback_url' => rawurlencode( $callback ),
			),
			home_url( '/wc-auth/v1/authorize' )
		);
		return array( 'url' => $url );
	}

	/**
	 * Receives the key WooCommerce created and forwards it.
	 *
	 * @param \WP_REST_Request $request { key_id, user_id, consumer_key, consumer_secret, key_permissions }.
	 * @return array{ok: true}|\WP_Error
	 */
	private function callback( \WP_REST_Request $request ) {
		$body  = (array) $request->get_json_params(); // An object: body_error() checked it.
		$state = is_string( $body['user_id'] ?? null ) ? $body['user_id'] : '';
		if ( '' === $state || ! preg_match( self::STATE_PATTERN, $state ) || false === get_transient( self::STATE_PREFIX . $state ) ) {
			return new \WP_Error( 'invalid_state', __( 'This authorization was not started from the Kalas Iris settings, or it expired.', 'kalas-iris' ), array( 'status' => 403 ) );
		}
		delete_transient( self::STATE_PREFIX . $state );
		return $this->forward(
			(string) ( $body['consumer_key'] ?? '' ),
			(string) ( $body['consumer_secret'] ?? '' ),
			isset( $body['key_id'] ) ? (int) $body['key_id'] : null
		);
	}

	/**
	 * Forwards keys a person created by hand (sites without HTTPS).
	 *
	 * @param \WP_REST_Request $request { consumer_key, consumer_secret }.
	 * @return array{ok: true}|\WP_Error
	 */
	private function manual( \WP_REST_Request $request ) {
		return $this->forward( (string) $request['consumer_key'], (string) $request['consumer_secret'], null );
	}

	/**
	 * @param string   $key    ck_…
	 * @param string   $secret cs_…
	 * @param int|null $key_id WooCommerce key id.
	 * @return array{ok: true, connection: array<string, mixed>}|\WP_Error
	 */
	private function forward( string $key, string $secret, ?int $key_id ) {
		if ( ! preg_match( self::KEY_PATTERN, $key ) || ! preg_match( self::SECRET_PATTERN, $secret ) ) {
			return new \WP_Error( 'invalid_credentials', __( 'These are not WooCommerce REST API keys.', 'kalas-iris' ), array( 'status' => 400 ) );
		}
		( $this->client )()->put_woocommerce_credentials( home_url( '/' ), $key, $secret );
		// Only once the service holds the new key: a failed reconnection leaves it the old one.
		$previous = get_option( self::OPTION, array() );
		update_option( self::OPTION, array( 'connected_at' => gmdate( 'c' ) ) + WooCommerceKey::record( $key_id, $key ), false );
		if ( is_array( $previous ) && (int) ( $previous['key_id'] ?? 0 ) !== (int) $key_id ) {
			// The service no longer uses the key WooCommerce created last time; left in place it
			// would stay a working read/write key.
			WooCommerceKey::revoke( $previous );
		}
		return array(
			'ok'         => true,
			'connection' => self::connection(),
		);
	}
}
