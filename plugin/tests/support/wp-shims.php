<?php
/**
 * Minimal WordPress function shims for unit tests.
 *
 * State lives in KalasIris\Tests\Wp so each test can reset it.
 *
 * @package KalasIris
 */

declare(strict_types=1);

use KalasIris\Tests\Wp;

function add_action( string $hook, callable $callback, int $priority = 10, int $accepted_args = 1 ): bool {
	Wp::$actions[ $hook ][] = array( $callback, $accepted_args );
	return true;
}

function add_filter( string $hook, callable $callback, int $priority = 10, int $accepted_args = 1 ): bool {
	return add_action( $hook, $callback, $priority, $accepted_args );
}

function remove_filter( string $hook, $callback, int $priority = 10 ): bool {
	return true;
}

function do_action( string $hook, ...$args ): void {
	foreach ( Wp::$actions[ $hook ] ?? array() as [ $callback, $accepted ] ) {
		$callback( ...array_slice( $args, 0, $accepted ) );
	}
}

function did_action( string $hook ): int {
	return 0;
}

function get_option( string $name, $default = false ) {
	return array_key_exists( $name, Wp::$options ) ? Wp::$options[ $name ] : $default;
}

function update_option( string $name, $value, $autoload = null ): bool {
	Wp::$options[ $name ] = $value;
	return true;
}

function delete_option( string $name ): bool {
	unset( Wp::$options[ $name ] );
	return true;
}

function get_terms( array $args ) {
	Wp::$term_queries[] = $args;
	if ( null === Wp::$terms ) {
		return new WP_Error( 'invalid_taxonomy', 'Invalid taxonomy.' );
	}
	$exclude = array_map( 'intval', (array) ( $args['exclude'] ?? array() ) );
	return array_values( array_filter( Wp::$terms, static fn( $t ) => ! in_array( (int) $t->term_id, $exclude, true ) ) );
}

function get_post_meta( int $id, string $key = '', bool $single = false ) {
	return Wp::$meta[ $id ][ $key ] ?? '';
}

function update_post_meta( int $id, string $key, $value ): bool {
	$existed               = isset( Wp::$meta[ $id ][ $key ] );
	Wp::$meta[ $id ][ $key ] = is_string( $value ) ? wp_unslash( $value ) : $value;
	// Real WordPress skips the hook when the value is unchanged; the shim always fires it,
	// which is the harsher case for loop prevention.
	do_action( $existed ? 'updated_post_meta' : 'added_post_meta', 1, $id, $key, $value );
	return true;
}

function delete_post_meta( int $id, string $key ): bool {
	unset( Wp::$meta[ $id ][ $key ] );
	return true;
}

function get_post_type( int $id ) {
	return Wp::$posts[ $id ]['type'] ?? false;
}

function get_post_status( int $id ) {
	return Wp::$posts[ $id ]['status'] ?? false;
}

function wp_slash( $value ) {
	return is_string( $value ) ? addslashes( $value ) : $value;
}

function wp_unslash( $value ) {
	return is_string( $value ) ? stripslashes( $value ) : $value;
}

function wp_json_encode( $value ) {
	return json_encode( $value );
}

function wp_get_attachment_url( int $id ) {
	return 'https://shop.test/wp-content/uploads/' . $id . '.jpg';
}

function get_transient( string $key ) {
	return Wp::$options[ '_transient_' . $key ] ?? false;
}

function set_transient( string $key, $value, int $expiration = 0 ): bool {
	Wp::$options[ '_transient_' . $key ] = $value;
	return true;
}

function delete_transient( string $key ): bool {
	unset( Wp::$options[ '_transient_' . $key ] );
	return true;
}

/**
 * Records the arguments of each query; found_posts is only counted when asked for,
 * as in WordPress.
 */
class WP_Query {
	/** @var list<array<string, mixed>> */
	public static array $queries = array();
	/** @var list<int> */
	public static array $result = array();
	/** @var list<int> */
	public array $posts;
	public int $found_posts = 0;

	public function __construct( array $args ) {
		self::$queries[] = $args;
		$this->posts     = array_slice( self::$result, 0, max( 0, (int) ( $args['posts_per_page'] ?? 10 ) ) );
		if ( empty( $args['no_found_rows'] ) ) {
			$this->found_posts = count( self::$result );
		}
	}
}

function remove_action( string $hook, $callback, int $priority = 10 ): bool {
	return true;
}

if ( ! defined( 'DAY_IN_SECONDS' ) ) {
	define( 'MINUTE_IN_SECONDS', 60 );
	define( 'DAY_IN_SECONDS', 86400 );
}

/**
 * Just enough of a WooCommerce product for visibility checks.
 */
class WC_Product {
	public function __construct( private int $id, private string $status = 'publish', private bool $visible = true ) {
	}
	public function get_id(): int {
		return $this->id;
	}
	public function get_status(): string {
		return $this->status;
	}
	public function is_visible(): bool {
		return $this->visible;
	}
}

function get_post( $id ) {
	return isset( Wp::$products[ (int) $id ] ) ? (object) array( 'ID' => (int) $id ) : null;
}

function wc_get_product( $id ) {
	return Wp::$products[ (int) $id ] ?? false;
}

function wc_get_related_products( int $id, int $limit = 5 ): array {
	return array_slice( Wp::$related[ $id ] ?? array(), 0, $limit );
}

function apply_filters( string $hook, $value, ...$args ) {
	foreach ( Wp::$actions[ $hook ] ?? array() as [ $callback, $accepted ] ) {
		$value = $callback( ...array_slice( array_merge( array( $value ), $args ), 0, max( 1, $accepted ) ) );
	}
	return $value;
}

/** Minimal REST types for the route and permission tests. */
class WP_REST_Server {
	const READABLE  = 'GET';
	const CREATABLE = 'POST';
	const EDITABLE  = 'POST, PUT, PATCH';
}

class WP_REST_Request implements ArrayAccess {
	/**
	 * @param array<string, string> $headers
	 * @param array<string, mixed>  $json
	 */
	public function __construct( private array $headers = array(), private array $json = array() ) {
	}
	public function get_header( string $name ): ?string {
		return $this->headers[ strtolower( $name ) ] ?? null;
	}
	public function get_json_params(): array {
		return $this->json;
	}
	public function offsetExists( mixed $offset ): bool {
		return isset( $this->json[ $offset ] );
	}
	public function offsetGet( mixed $offset ): mixed {
		return $this->json[ $offset ] ?? null;
	}
	public function offsetSet( mixed $offset, mixed $value ): void {
		$this->json[ $offset ] = $value;
	}
	public function offsetUnset( mixed $offset ): void {
		unset( $this->json[ $offset ] );
	}
}

function rest_ensure_response( $value ) {
	return $value;
}

function home_url( string $path = '' ): string {
	return 'https://shop.test' . $path;
}

class WP_Error {
	/** @param array<string, mixed> $data */
	public function __construct( public string $code = '', public string $message = '', public array $data = array() ) {
	}
	public function get_error_code(): string {
		return $this->code;
	}
	public function get_error_message(): string {
		return $this->message;
	}
}

function register_rest_route( string $namespace, string $route, array $args ): bool {
	Wp::$routes[ $namespace . $route ] = isset( $args['methods'] ) ? array( $args ) : $args;
	return true;
}

function __( string $text, string $domain = 'default' ): string {
	return $text;
}

function current_user_can( string $capability ): bool {
	return in_array( $capability, Wp::$capabilities, true );
}

function wp_verify_nonce( $nonce, $action = -1 ) {
	return 'valid-nonce' === $nonce && 'wp_rest' === $action ? 1 : false;
}

function rest_get_authenticated_app_password() {
	return Wp::$app_password;
}

function rest_authorization_required_code(): int {
	return array() === Wp::$capabilities ? 401 : 403;
}

function esc_attr( $text ): string {
	return htmlspecialchars( (string) $text, ENT_QUOTES );
}

function esc_html( $text ): string {
	return htmlspecialchars( (string) $text, ENT_QUOTES );
}

function get_post_mime_type( int $id ) {
	return Wp::$attachments[ $id ]['mime'] ?? false;
}

function get_attached_file( int $id ) {
	return Wp::$attachments[ $id ]['file'] ?? false;
}

function is_wp_error( $thing ): bool {
	return $thing instanceof WP_Error;
}

function wp_safe_remote_get( string $url, array $args = array() ) {
	Wp::$http[] = $url;
	return Wp::$remote[ $url ] ?? new WP_Error( 'http_request_failed', 'Could not resolve host' );
}

function wp_remote_retrieve_response_code( $response ) {
	return $response['response']['code'] ?? '';
}

function wp_remote_retrieve_header( $response, string $name ) {
	return $response['headers'][ $name ] ?? '';
}

function wp_remote_retrieve_body( $response ) {
	return $response['body'] ?? '';
}

function wp_parse_url( string $url, int $component = -1 ) {
	return parse_url( $url, $component );
}
