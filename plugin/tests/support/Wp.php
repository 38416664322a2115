<?php
/**
 * In-memory WordPress state for the shims.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

/**
 * Reset between tests with {@see Wp::reset()}.
 */
final class Wp {

	/** @var array<string, list<array{0: callable, 1: int}>> */
	public static array $actions = array();
	/** @var array<string, mixed> */
	public static array $options = array();
	/** @var array<int, array<string, mixed>> */
	public static array $meta = array();
	/** @var array<int, array{type: string, status: string, password?: string, terms?: array<string, list<string>>}> Terms by name. */
	public static array $posts = array();
	/** @var array<int, \WC_Product> */
	public static array $products = array();
	/** @var array<int, list<int>> */
	public static array $related = array();
	/** @var array<string, list<array<string, mixed>>> route => endpoints */
	public static array $routes = array();
	/** @var list<string> */
	public static array $capabilities = array();
	public static ?string $app_password = null;
	/** @var array<int, array{mime?: string, file?: string}> */
	public static array $attachments = array();
	/** @var array<string, array<string, mixed>> url => response */
	public static array $remote = array();
	/** @var list<string> */
	public static array $http = array();
	/** @var list<object{term_id: int, name: string}>|null terms get_terms answers with; null: a WP_Error */
	public static ?array $terms = array();
	/** @var list<array<string, mixed>> arguments get_terms was called with */
	public static array $term_queries = array();
	/** Whether a persistent object cache is in use, and its contents by group. */
	public static bool $object_cache = false;
	/** @var array<string, array<string, mixed>> */
	public static array $cache = array();
	/** @var array<string, array{menu_title: string, capability: string}> Admin menu entries by slug. */
	public static array $menu = array();
	/** @var (callable(): void)|null Runs once at the next storage write: another request between a read and a write. */
	public static $between = null;

	/**
	 * Forgets everything.
	 */
	public static function reset(): void {
		self::$actions = array();
		self::$options = array();
		self::$meta    = array();
		self::$posts    = array();
		self::$products = array();
		self::$related  = array();
		self::$routes   = array();
		self::$capabilities = array();
		self::$app_password = null;
		self::$attachments  = array();
		self::$remote       = array();
		self::$http         = array();
		self::$terms        = array();
		self::$term_queries = array();
		self::$object_cache = false;
		self::$cache        = array();
		self::$menu         = array();
		self::$between      = null;
		$GLOBALS['wpdb']    = new FakeWpdb();
	}

	/**
	 * Runs the request queued to happen in between, once.
	 */
	public static function between(): void {
		$run           = self::$between;
		self::$between = null;
		if ( null !== $run ) {
			$run();
		}
	}

	/**
	 * Creates a post row.
	 *
	 * @param int    $id     Id.
	 * @param string $type   Post type.
	 * @param string $status Status.
	 */
	public static function post( int $id, string $type = 'product', string $status = 'publish' ): void {
		self::$posts[ $id ] = array(
			'type'   => $type,
			'status' => $status,
		);
	}
}
