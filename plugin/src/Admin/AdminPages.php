<?php
/**
 * The plugin's admin screens.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Admin;

use KalasIris\Products\ShopCategories;

/**
 * A "Kalas Iris" menu with Settings, Review queue, Backfill, Try it and Web corrections. Each page is
 * an empty mount point for the React app, whose script loads only on these screens.
 * The review queue also gets the shop's category names, to offer while editing.
 */
final class AdminPages {

	public const CAPABILITY = 'manage_woocommerce';

	/**
	 * Page slug => [menu title, page name for the app].
	 */
	private const PAGES = array(
		'kalas-iris'          => array( 'Settings', 'settings' ),
		'kalas-iris-review'   => array( 'Review queue', 'review' ),
		'kalas-iris-backfill' => array( 'Backfill', 'backfill' ),
		'kalas-iris-try'      => array( 'Try it', 'try' ),
		'kalas-iris-web'      => array( 'Web corrections', 'corrections' ),
	);

	/**
	 * Hook suffixes of the registered pages.
	 *
	 * @var array<string, string>
	 */
	private array $hooks = array();

	/**
	 * @param Assets $assets Script loader.
	 */
	public function __construct( private Assets $assets ) {
	}

	/**
	 * Hooks the menu and scripts.
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_pages' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Adds the menu.
	 */
	public function add_pages(): void {
		add_menu_page(
			__( 'Kalas Iris', 'kalas-iris' ),
			__( 'Kalas Iris', 'kalas-iris' ),
			self::CAPABILITY,
			'kalas-iris',
			array( $this, 'render' ),
			'dashicons-visibility',
			56
		);
		foreach ( self::PAGES as $slug => [ , $page ] ) {
			$title = self::title( $page );
			$hook  = add_submenu_page( 'kalas-iris', $title . ' ‹ Kalas Iris', $title, self::CAPABILITY, $slug, array( $this, 'render' ) );
			if ( is_string( $hook ) ) {
				$this->hooks[ $hook ] = $page;
			}
		}
	}

	/**
	 * Prints the mount point.
	 */
	public function render(): void {
		$slug  = isset( $_GET['page'] ) ? sanitize_key( wp_unslash( $_GET['page'] ) ) : 'kalas-iris'; // phpcs:ignore WordPress.Security.NonceVerification -- only selects which page to show.
		$entry = self::PAGES[ $slug ] ?? self::PAGES['kalas-iris'];
		printf(
			'<div class="wrap"><h1>%s</h1><div id="kalas-iris-admin" data-page="%s"></div></div>',
			esc_html( 'Kalas Iris: ' . self::title( $entry[1] ) ),
			esc_attr( $entry[1] )
		);
	}

	/**
	 * Translated page title. The English titles in PAGES are the stable ones tests can rely on.
	 *
	 * @param string $page Page name.
	 */
	private static function title( string $page ): string {
		return match ( $page ) {
			'review'   => __( 'Review queue', 'kalas-iris' ),
			'backfill' => __( 'Backfill', 'kalas-iris' ),
			'try'      => __( 'Try it', 'kalas-iris' ),
			'corrections' => __( 'Web corrections', 'kalas-iris' ),
			default    => __( 'Settings', 'kalas-iris' ),
		};
	}

	/**
	 * Loads the app on the plugin's screens only.
	 *
	 * @param string $hook_suffix Current screen.
	 */
	public function enqueue( string $hook_suffix ): void {
		if ( ! isset( $this->hooks[ $hook_suffix ] ) ) {
			return;
		}
		$page   = $this->hooks[ $hook_suffix ];
		$config = array(
			'page'      => $page,
			'adminUrl'  => admin_url(),
			'shopIsSsl' => 0 === stripos( rest_url(), 'https://' ),
		);
		if ( 'review' === $page ) {
			$config['categories'] = ShopCategories::names();
		}
		$this->assets->enqueue( 'admin', $config );
	}
}
