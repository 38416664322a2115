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
	foreach ( Wp::$actions[ $hook ] ?? array() as $i => [ $added ] ) {
		if ( $added === $callback ) {
			unset( Wp::$actions[ $hook ][ $i ] );
			return true;
		}
	}
	return false;
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

function delete_post_meta_by_key( string $key ): bool {
	foreach ( array_keys( Wp::$meta ) as $id ) {
		unset( Wp::$meta[ $id ][ $key ] );
	}
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
	Wp::between();
	Wp::$options[ '_transient_' . $key ] = $value;
	return true;
}

function delete_transient( string $key ): bool {
	unset( Wp::$options[ '_transient_' . $key ] );
	return true;
}

function wp_using_ext_object_cache(): bool {
	return Wp::$object_cache;
}

function wp_cache_add( string $key, $value, string $group = '', int $expire = 0 ): bool {
	if ( isset( Wp::$cache[ $group ][ $key ] ) ) {
		return false;
	}
	Wp::$cache[ $group ][ $key ] = $value;
	return true;
}

function wp_cache_incr( string $key, int $offset = 1, string $group = '' ) {
	Wp::between();
	if ( ! isset( Wp::$cache[ $group ][ $key ] ) ) {
		return false;
	}
	Wp::$cache[ $group ][ $key ] += $offset;
	return Wp::$cache[ $group ][ $key ];
}

function sanitize_text_field( string $text ): string {
	return trim( $text );
}

/**
 * Records the arguments of each query; found_posts is only counted when asked for,
 * as in WordPress. The posts are $result, or with $result null the shimmed posts that
 * match the arguments (see matching()).
 */
class WP_Query {
	/** @var list<array<string, mixed>> */
	public static array $queries = array();
	/** @var list<int>|null */
	public static ?array $result = array();
	/** @var list<int> */
	public array $posts;
	public int $found_posts = 0;

	public function __construct( array $args ) {
		self::$queries[] = $args;
		$ids             = self::$result ?? self::matching( $args );
		$per_page        = max( 0, (int) ( $args['posts_per_page'] ?? 10 ) );
		$this->posts     = array_slice( $ids, ( max( 1, (int) ( $args['paged'] ?? 1 ) ) - 1 ) * $per_page, $per_page );
		// WordPress skips the count when the page is empty.
		if ( empty( $args['no_found_rows'] ) && array() !== $this->posts ) {
			$this->found_posts = count( $ids );
		}
	}

	/**
	 * Ids of Wp::$posts, ascending, that match post_type, post_status, has_password, meta_query
	 * clauses (a key with a value, LIKE, NOT LIKE, EXISTS or NOT EXISTS; AND), tax_query clauses (terms by
	 * name, IN or NOT IN; AND or OR) and an id cursor added through posts_where, as WP_Query
	 * documents them. Anything it does not read, another posts_where filter included, throws
	 * rather than being left out.
	 *
	 * @param array<string, mixed> $args WP_Query arguments.
	 * @return list<int>
	 */
	private static function matching( array $args ): array {
		$read    = array( 'post_type', 'post_status', 'has_password', 'meta_query', 'tax_query', 'fields', 'posts_per_page', 'paged', 'orderby', 'order', 'no_found_rows', 'suppress_filters' );
		$clauses = (array) ( $args['meta_query'] ?? array() );
		if ( array() !== array_diff( array_keys( $args ), $read ) || ! isset( $args['post_type'], $args['post_status'] ) || 'AND' !== ( $clauses['relation'] ?? 'AND' ) ) {
			throw new LogicException( 'The WP_Query shim cannot answer ' . json_encode( $args ) );
		}
		$after = self::cursor();
		unset( $clauses['relation'] );
		$ids = array();
		foreach ( Wp::$posts as $id => $post ) {
			if ( $id <= $after || ! in_array( $post['type'], (array) $args['post_type'], true ) || ! in_array( $post['status'], (array) $args['post_status'], true ) ) {
				continue;
			}
			// has_password: true, posts with one; false, posts without; null (the default), all.
			if ( isset( $args['has_password'] ) && ( '' !== ( $post['password'] ?? '' ) ) !== (bool) $args['has_password'] ) {
				continue;
			}
			if ( isset( $args['tax_query'] ) && ! self::in_terms( $post['terms'] ?? array(), (array) $args['tax_query'] ) ) {
				continue;
			}
			foreach ( $clauses as $clause ) {
				$value = Wp::$meta[ $id ][ $clause['key'] ] ?? null;
				$match = match ( $clause['compare'] ?? ( array_key_exists( 'value', $clause ) ? '=' : 'EXISTS' ) ) {
					'='          => is_scalar( $value ) && (string) $value === (string) $clause['value'],
					'EXISTS'     => null !== $value,
					'NOT EXISTS' => null === $value,
					// The value anywhere in the meta's, case-insensitively as MySQL's default collation
					// compares; NOT LIKE needs the meta to exist, as WordPress joins it.
					'LIKE'       => is_scalar( $value ) && false !== stripos( (string) $value, (string) $clause['value'] ),
					'NOT LIKE'   => is_scalar( $value ) && false === stripos( (string) $value, (string) $clause['value'] ),
				};
				if ( ! $match ) {
					continue 2;
				}
			}
			$ids[] = $id;
		}
		sort( $ids );
		return $ids;
	}

	/**
	 * The id a posts_where filter starts after (FakeWpdb's prepared " AND wp_posts.ID > %d"),
	 * 0 without one; any other WHERE throws.
	 */
	private static function cursor(): int {
		$where = apply_filters( 'posts_where', '' );
		if ( '' === $where ) {
			return 0;
		}
		$prepared = json_decode( $where, true );
		if ( ! is_array( $prepared ) || ' AND wp_posts.ID > %d' !== ( $prepared[0] ?? null ) || ! is_int( $prepared[1][0] ?? null ) ) {
			throw new LogicException( 'The WP_Query shim cannot apply the posts_where ' . $where );
		}
		return $prepared[1][0];
	}

	/**
	 * Whether a post's terms meet a tax_query of clauses { taxonomy, field: name, terms,
	 * operator: IN | NOT IN } joined by AND or OR; any other form throws.
	 *
	 * @param array<string, list<string>> $terms     The post's term names by taxonomy.
	 * @param array<int|string, mixed>    $tax_query tax_query.
	 */
	private static function in_terms( array $terms, array $tax_query ): bool {
		$relation = $tax_query['relation'] ?? 'AND';
		unset( $tax_query['relation'] );
		$met = array();
		foreach ( $tax_query as $clause ) {
			$clause   = is_array( $clause ) ? $clause : array();
			$operator = $clause['operator'] ?? 'IN';
			if ( 'name' !== ( $clause['field'] ?? null ) || ! isset( $clause['taxonomy'], $clause['terms'] ) || ! in_array( $operator, array( 'IN', 'NOT IN' ), true ) || array() !== array_diff( array_keys( $clause ), array( 'taxonomy', 'field', 'terms', 'operator' ) ) ) {
				throw new LogicException( 'The WP_Query shim cannot answer the tax_query clause ' . json_encode( $clause ) );
			}
			$has   = array() !== array_intersect( (array) $clause['terms'], $terms[ $clause['taxonomy'] ] ?? array() );
			$met[] = 'IN' === $operator ? $has : ! $has;
		}
		if ( ! in_array( $relation, array( 'AND', 'OR' ), true ) || array() === $met ) {
			throw new LogicException( 'The WP_Query shim cannot answer the tax_query ' . json_encode( $tax_query ) );
		}
		return 'AND' === $relation ? ! in_array( false, $met, true ) : in_array( true, $met, true );
	}
}

if ( ! defined( 'ARRAY_A' ) ) {
	define( 'ARRAY_A', 'ARRAY_A' );
}

function remove_action( string $hook, $callback, int $priority = 10 ): bool {
	return true;
}

if ( ! defined( 'DAY_IN_SECONDS' ) ) {
	define( 'MINUTE_IN_SECONDS', 60 );
	define( 'DAY_IN_SECONDS', 86400 );
}

if ( ! defined( 'KB_IN_BYTES' ) ) {
	define( 'KB_IN_BYTES', 1024 );
	define( 'MB_IN_BYTES', 1024 * KB_IN_BYTES );
	define( 'GB_IN_BYTES', 1024 * MB_IN_BYTES );
}

/** Core's, from wp-includes/load.php: a g, m or k anywhere in the value sets the unit. */
function wp_convert_hr_to_bytes( $value ) {
	$value = strtolower( trim( $value ) );
	$bytes = (int) $value;

	if ( str_contains( $value, 'g' ) ) {
		$bytes *= GB_IN_BYTES;
	} elseif ( str_contains( $value, 'm' ) ) {
		$bytes *= MB_IN_BYTES;
	} elseif ( str_contains( $value, 'k' ) ) {
		$bytes *= KB_IN_BYTES;
	}

	// Deal with large (float) values which run into the maximum integer size.
	return min( $bytes, PHP_INT_MAX );
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
	public function get_name(): string {
		return 'Product ' . $this->id;
	}
	public function get_image_id(): int {
		return 0;
	}
	public function get_permalink(): string {
		return 'https://shop.test/?p=' . $this->id;
	}
	public function is_type( string $type ): bool {
		return 'simple' === $type;
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

function wp_strip_all_tags( string $text ): string {
	return strip_tags( $text );
}

function get_edit_post_link( int $id, string $context = 'display' ): string {
	return 'https://shop.test/wp-admin/post.php?post=' . $id . '&action=edit';
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
	private string $body = '';
	/** @var array<string, mixed> */
	private array $url = array();
	/** @var array<string, mixed> */
	private array $query = array();
	/** @var array<string, mixed> */
	private array $files = array();
	private string $method = 'GET';
	/** @var array<string, mixed> The matched handler, as WordPress sets it before checking arguments. */
	private array $attributes = array();
	/** @var array<string, mixed> The route's argument defaults: the last source get_param() reads. */
	private array $defaults = array();

	/**
	 * @param array<string, string> $headers Lowercase names.
	 * @param mixed                 $json    Decoded JSON body.
	 */
	public function __construct( private array $headers = array(), private mixed $json = array() ) {
	}
	public function get_header( string $name ): ?string {
		return $this->headers[ strtolower( $name ) ] ?? null;
	}
	public function is_json_content_type(): bool {
		return str_contains( (string) $this->get_header( 'content-type' ), 'json' );
	}
	/** A raw body; decoded as the JSON params when the content type is JSON, as WordPress does. */
	public function set_body( string $body ): void {
		$this->body = $body;
		if ( $this->is_json_content_type() ) {
			$this->json = json_decode( $body, true );
		}
	}
	public function get_body(): string {
		return $this->body;
	}
	public function get_json_params(): mixed {
		return $this->json;
	}
	public function set_url_params( array $params ): void {
		$this->url = $params;
	}
	public function get_url_params(): array {
		return $this->url;
	}
	public function set_query_params( array $params ): void {
		$this->query = $params;
	}
	public function set_file_params( array $params ): void {
		$this->files = $params;
	}
	public function get_file_params(): array {
		return $this->files;
	}
	public function set_method( string $method ): void {
		$this->method = strtoupper( $method );
	}
	public function get_method(): string {
		return $this->method;
	}
	public function set_default_params( array $params ): void {
		$this->defaults = $params;
	}
	public function set_attributes( array $attributes ): void {
		$this->attributes = $attributes;
	}
	public function get_attributes(): array {
		return $this->attributes;
	}
	public function get_param( string $key ): mixed {
		return $this->offsetGet( $key );
	}
	/**
	 * WordPress's first argument check: required arguments, then each validate_callback.
	 *
	 * @return true|WP_Error
	 */
	public function has_valid_params() {
		$args    = (array) ( $this->attributes['args'] ?? array() );
		$missing = array_keys( array_filter( $args, fn( $arg, $key ) => true === ( $arg['required'] ?? null ) && null === $this->get_param( $key ), ARRAY_FILTER_USE_BOTH ) );
		if ( array() !== $missing ) {
			return new WP_Error( 'rest_missing_callback_param', 'Missing parameter(s): ' . implode( ', ', $missing ), array( 'status' => 400, 'params' => $missing ) );
		}
		$invalid = array();
		foreach ( $args as $key => $arg ) {
			$param = $this->get_param( $key );
			if ( null !== $param && ! empty( $arg['validate_callback'] ) ) {
				$valid = call_user_func( $arg['validate_callback'], $param, $this, $key );
				if ( false === $valid || $valid instanceof WP_Error ) {
					$invalid[ $key ] = false === $valid ? 'Invalid parameter.' : $valid->message;
				}
			}
		}
		return self::invalid( $invalid );
	}
	/**
	 * WordPress's second argument check: each sent argument, and each default, goes through its
	 * sanitize_callback, or through its schema (rest_parse_request_arg) when it has a type and no
	 * sanitize_callback. So a default that breaks its own schema refuses every request without it.
	 *
	 * @return true|WP_Error
	 */
	public function sanitize_params() {
		$args    = (array) ( $this->attributes['args'] ?? array() );
		$invalid = array();
		foreach ( array( 'json', 'query', 'url', 'defaults' ) as $source ) {
			if ( ! is_array( $this->{$source} ) ) {
				continue;
			}
			foreach ( $this->{$source} as $key => $value ) {
				$arg = $args[ $key ] ?? null;
				if ( ! is_array( $arg ) ) {
					continue;
				}
				if ( ! array_key_exists( 'sanitize_callback', $arg ) && ! empty( $arg['type'] ) ) {
					$arg['sanitize_callback'] = 'rest_parse_request_arg';
				}
				if ( empty( $arg['sanitize_callback'] ) ) {
					continue;
				}
				$clean = call_user_func( $arg['sanitize_callback'], $value, $this, $key );
				if ( $clean instanceof WP_Error ) {
					$invalid[ $key ] = $clean->message;
				} else {
					$this->{$source}[ $key ] = $clean;
				}
			}
		}
		return self::invalid( $invalid );
	}
	/**
	 * @param array<string, string> $invalid Sentences by argument.
	 * @return true|WP_Error
	 */
	private static function invalid( array $invalid ) {
		if ( array() === $invalid ) {
			return true;
		}
		return new WP_Error( 'rest_invalid_param', 'Invalid parameter(s): ' . implode( ', ', array_keys( $invalid ) ), array( 'status' => 400, 'params' => $invalid ) );
	}
	/** WordPress's parameter order: JSON body, query string, the route's URL params, then defaults. */
	public function offsetExists( mixed $offset ): bool {
		return null !== $this->offsetGet( $offset );
	}
	public function offsetGet( mixed $offset ): mixed {
		$json = is_array( $this->json ) ? $this->json : array();
		return $json[ $offset ] ?? $this->query[ $offset ] ?? $this->url[ $offset ] ?? $this->defaults[ $offset ] ?? null;
	}
	public function offsetSet( mixed $offset, mixed $value ): void {
		$this->json[ $offset ] = $value;
	}
	public function offsetUnset( mixed $offset ): void {
		unset( $this->json[ $offset ] );
	}
}

class WP_REST_Response {
	/** @var array<string, string> */
	private array $headers = array();
	public function __construct( public mixed $data = null, public int $status = 200 ) {
	}
	public function header( string $name, string $value ): void {
		$this->headers[ $name ] = $value;
	}
	public function get_headers(): array {
		return $this->headers;
	}
	public function get_data(): mixed {
		return $this->data;
	}
	public function get_status(): int {
		return $this->status;
	}
}

function rest_convert_error_to_response( WP_Error $error ): WP_REST_Response {
	return new WP_REST_Response(
		array(
			'code'    => $error->code,
			'message' => $error->message,
			'data'    => $error->data,
		),
		(int) ( $error->data['status'] ?? 500 )
	);
}

/** Checks a value against the schema of the matched handler's argument; true without one. */
function rest_validate_request_arg( $value, $request, string $param ) {
	$args = $request->get_attributes()['args'][ $param ] ?? null;
	return is_array( $args ) ? rest_validate_value_from_schema( $value, $args, $param ) : true;
}

function rest_sanitize_request_arg( $value, $request, string $param ) {
	$args = $request->get_attributes()['args'][ $param ] ?? null;
	return is_array( $args ) ? rest_sanitize_value_from_schema( $value, $args, $param ) : $value;
}

/** The default sanitize_callback of an argument with a type: validate, then sanitize. */
function rest_parse_request_arg( $value, $request, string $param ) {
	$valid = rest_validate_request_arg( $value, $request, $param );
	return $valid instanceof WP_Error ? $valid : rest_sanitize_request_arg( $value, $request, $param );
}

function rest_is_boolean( $value ): bool {
	return is_bool( $value )
		|| ( is_string( $value ) && in_array( strtolower( $value ), array( 'false', 'true', '0', '1' ), true ) )
		|| ( is_int( $value ) && in_array( $value, array( 0, 1 ), true ) );
}

function rest_sanitize_boolean( $value ): bool {
	return is_string( $value ) && 'false' === strtolower( $value ) ? false : (bool) $value;
}

function wp_parse_list( $value ): array {
	return is_array( $value ) ? array_filter( $value, 'is_scalar' ) : preg_split( '/[\s,]+/', (string) $value, -1, PREG_SPLIT_NO_EMPTY );
}

/**
 * An array-like value as a list: text is split as a comma or space separated list, an array keeps
 * every item (WordPress's rest_sanitize_array; wp_parse_list alone would drop items that are not
 * scalars, so a list of objects would pass a check of its items unseen).
 *
 * @param mixed $value Array-like value.
 * @return list<mixed>
 */
function rest_shim_list( $value ): array {
	return is_scalar( $value ) ? array_values( wp_parse_list( $value ) ) : array_values( (array) $value );
}

/**
 * Schema keywords the shims check, or that carry no check. Any other keyword throws: WordPress would
 * apply it (pattern, format, uniqueItems, exclusiveMinimum, minProperties, anyOf…) and a test must
 * not pass because the shim skipped it.
 */
const REST_SHIM_KEYWORDS = array( 'type', 'enum', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'items', 'properties', 'additionalProperties', 'maxProperties', 'required', 'default', 'description', 'title', 'context', 'readonly', 'validate_callback', 'sanitize_callback' );

/**
 * The first of a schema's types that a value has, in WordPress's order of the list; '' for none.
 *
 * @param mixed        $value Value.
 * @param list<string> $types Types of the schema.
 */
function rest_shim_type( $value, array $types ): string {
	$checks = array(
		'array'   => static fn( $v ) => is_scalar( $v ) || ( is_array( $v ) && array() === array_filter( array_keys( $v ), 'is_string' ) ),
		'object'  => static fn( $v ) => '' === $v || is_array( $v ),
		'integer' => static fn( $v ) => is_numeric( $v ) && round( (float) $v ) === (float) $v,
		'number'  => 'is_numeric',
		'boolean' => 'rest_is_boolean',
		'string'  => 'is_string',
		'null'    => 'is_null',
	);
	if ( '' === $value && in_array( 'string', $types, true ) ) {
		return 'string';
	}
	foreach ( $types as $type ) {
		if ( isset( $checks[ $type ] ) && $checks[ $type ]( $value ) ) {
			return $type;
		}
	}
	return '';
}

/**
 * The part of WordPress's rest_validate_value_from_schema() that this plugin's route arguments
 * use, with its error codes and sentences: type (one or a list), enum, string lengths, number
 * bounds, item and property counts, items, properties (required ones too) and additionalProperties.
 * Other keywords throw (REST_SHIM_KEYWORDS).
 *
 * @return true|WP_Error
 */
function rest_validate_value_from_schema( $value, $args, $param = '' ) {
	$unknown = array_diff( array_keys( $args ), REST_SHIM_KEYWORDS );
	if ( array() !== $unknown ) {
		throw new LogicException( 'The REST shims do not check ' . implode( ', ', $unknown ) . " (in $param)." );
	}
	$types = (array) ( $args['type'] ?? array() );
	$type  = rest_shim_type( $value, $types );
	if ( '' === $type ) {
		return new WP_Error( 'rest_invalid_type', sprintf( '%1$s is not of type %2$s.', $param, implode( ',', $types ) ), array( 'param' => $param ) );
	}
	$too = static fn( string $code, string $one, string $many, int $n ) => new WP_Error( $code, sprintf( _n( $one, $many, $n ), $param, number_format_i18n( $n ) ) );
	switch ( $type ) {
		case 'array':
			$list = rest_shim_list( $value );
			foreach ( isset( $args['items'] ) ? $list : array() as $i => $item ) {
				$valid = rest_validate_value_from_schema( $item, $args['items'], $param . '[' . $i . ']' );
				if ( $valid instanceof WP_Error ) {
					return $valid;
				}
			}
			if ( isset( $args['minItems'] ) && count( $list ) < $args['minItems'] ) {
				return $too( 'rest_too_few_items', '%1$s must contain at least %2$s item.', '%1$s must contain at least %2$s items.', $args['minItems'] );
			}
			if ( isset( $args['maxItems'] ) && count( $list ) > $args['maxItems'] ) {
				return $too( 'rest_too_many_items', '%1$s must contain at most %2$s item.', '%1$s must contain at most %2$s items.', $args['maxItems'] );
			}
			break;
		case 'object':
			$object = '' === $value ? array() : $value;
			// Required properties: a list beside the properties, or "required": true in one of them.
			$needed = is_array( $args['required'] ?? null ) ? $args['required'] : array_keys( array_filter( (array) ( $args['properties'] ?? array() ), static fn( $p ) => true === ( $p['required'] ?? null ) ) );
			foreach ( $needed as $name ) {
				if ( ! array_key_exists( $name, $object ) ) {
					return new WP_Error( 'rest_property_required', sprintf( '%1$s is a required property of %2$s.', $name, $param ) );
				}
			}
			foreach ( $object as $key => $item ) {
				$schema = $args['properties'][ $key ] ?? ( is_array( $args['additionalProperties'] ?? null ) ? $args['additionalProperties'] : null );
				if ( false === ( $args['additionalProperties'] ?? null ) && ! isset( $args['properties'][ $key ] ) ) {
					return new WP_Error( 'rest_additional_properties_forbidden', sprintf( '%1$s is not a valid property of Object.', $key ) );
				}
				$valid = null === $schema ? true : rest_validate_value_from_schema( $item, $schema, $param . '[' . $key . ']' );
				if ( $valid instanceof WP_Error ) {
					return $valid;
				}
			}
			if ( isset( $args['maxProperties'] ) && count( $object ) > $args['maxProperties'] ) {
				return $too( 'rest_too_many_properties', '%1$s must contain at most %2$s property.', '%1$s must contain at most %2$s properties.', $args['maxProperties'] );
			}
			break;
		case 'integer':
		case 'number':
			if ( isset( $args['minimum'] ) && $value < $args['minimum'] ) {
				return new WP_Error( 'rest_out_of_bounds', sprintf( '%1$s must be greater than or equal to %2$d', $param, $args['minimum'] ) );
			}
			if ( isset( $args['maximum'] ) && $value > $args['maximum'] ) {
				return new WP_Error( 'rest_out_of_bounds', sprintf( '%1$s must be less than or equal to %2$d', $param, $args['maximum'] ) );
			}
			break;
		case 'string':
			if ( isset( $args['minLength'] ) && mb_strlen( $value ) < $args['minLength'] ) {
				return $too( 'rest_too_short', '%1$s must be at least %2$s character long.', '%1$s must be at least %2$s characters long.', $args['minLength'] );
			}
			if ( isset( $args['maxLength'] ) && mb_strlen( $value ) > $args['maxLength'] ) {
				return $too( 'rest_too_long', '%1$s must be at most %2$s character long.', '%1$s must be at most %2$s characters long.', $args['maxLength'] );
			}
			break;
	}
	if ( ! empty( $args['enum'] ) && ! in_array( rest_sanitize_value_from_schema( $value, $args, $param ), $args['enum'], true ) ) {
		return new WP_Error( 'rest_not_in_enum', sprintf( '%1$s is not one of %2$s.', $param, implode( ', ', $args['enum'] ) ) );
	}
	return true;
}

/** The matching part of WordPress's rest_sanitize_value_from_schema(). */
function rest_sanitize_value_from_schema( $value, $args, $param = '' ) {
	switch ( rest_shim_type( $value, (array) ( $args['type'] ?? array() ) ) ) {
		case 'array':
			$list = rest_shim_list( $value );
			return isset( $args['items'] ) ? array_map( static fn( $item ) => rest_sanitize_value_from_schema( $item, $args['items'], $param ), $list ) : $list;
		case 'object':
			$object = '' === $value ? array() : $value;
			foreach ( $object as $key => $item ) {
				$schema = $args['properties'][ $key ] ?? $args['additionalProperties'] ?? null;
				if ( false === $schema ) {
					unset( $object[ $key ] );
				} elseif ( is_array( $schema ) ) {
					$object[ $key ] = rest_sanitize_value_from_schema( $item, $schema, $param . '[' . $key . ']' );
				}
			}
			return $object;
		case 'integer':
			return (int) $value;
		case 'number':
			return (float) $value;
		case 'boolean':
			return ! ( is_string( $value ) && in_array( strtolower( $value ), array( 'false', '0' ), true ) ) && (bool) $value;
		case 'string':
			return (string) $value;
		default:
			return $value;
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

function add_menu_page( string $page_title, string $menu_title, string $capability, string $slug, $callback = null ): string {
	Wp::$menu[ $slug ] = compact( 'menu_title', 'capability' );
	return 'toplevel_page_' . $slug;
}

function add_submenu_page( string $parent, string $page_title, string $menu_title, string $capability, string $slug, $callback = null ) {
	Wp::$menu[ $slug ] = compact( 'menu_title', 'capability' );
	return $parent . '_page_' . $slug;
}

function number_format_i18n( $number ): string {
	return number_format( (float) $number );
}

function _n( string $single, string $plural, int $number, string $domain = 'default' ): string {
	return 1 === $number ? $single : $plural;
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

function wp_remote_request( string $url, array $args = array() ) {
	Wp::$http[] = ( $args['method'] ?? 'GET' ) . ' ' . $url;
	return Wp::$remote[ $url ] ?? new WP_Error( 'http_request_failed', 'Could not resolve host' );
}

function wp_remote_retrieve_headers( $response ) {
	return $response['headers'] ?? array();
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
