<?php
/**
 * The plugin's admin screens.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Admin;

use KalasIris\Products\Catalog;
use KalasIris\Products\ShopCategories;

/**
 * A "Kalas Iris" menu with Settings, Review queue, Backfill, Try it and Web corrections. Each page is
 * an empty mount point for the React app, whose script loads only on these screens.
 * The review queue also gets the shop's category names, to offer while editing, and its menu
 * entry says how many products wait, as WordPress's own menus do for comments and updates.
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
	 * @param Assets  $assets  Script loader.
	 * @param Catalog $catalog Products by status, for the review queue's count.
	 */
	public function __construct( private Assets $assets, private Catalog $catalog ) {
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
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}
		foreach ( self::PAGES as $slug => [ , $page ] ) {
			$title = self::title( $page );
			$menu  = 'review' === $page ? $title . self::badge( $this->catalog->count_with_status( 'review' ) ) : $title;
			$hook  = add_submenu_page( 'kalas-iris', $title . ' ‹ Kalas Iris', $menu, self::CAPABILITY, $slug, array( $this, 'render' ) );
			if ( is_string( $hook ) ) {
				$this->hooks[ $hook ] = $page;
			}
		}
	}

	/**
	 * WordPress's count bubble (the markup of its comments menu), or nothing for 0.
	 *
	 * @param int $count Items waiting.
	 */
	private static function badge( int $count ): string {
		if ( $count <= 0 ) {
			return '';
		}
		return sprintf(
			' <span class="awaiting-mod count-%1$d"><span class="pending-count" aria-hidden="true">%2$s</span><span class="screen-reader-text">%3$s</span></span>',
			$count,
			esc_html( number_format_i18n( $count ) ),
			/* translators: %s: number of products waiting for review. */
			esc_html( sprintf( _n( '%s product waiting for review', '%s products waiting for review', $count, 'kalas-iris' ), number_format_i18n( $count ) ) )
		);
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
			'review'      => __( 'Review queue', 'kalas-iris' ),
			'backfill'    => __( 'Backfill', 'kalas-iris' ),
			'try'         => __( 'Try it', 'kalas-iris' ),
			'corrections' => __( 'Web corrections', 'kalas-iris' ),
			default       => __( 'Settings', 'kalas-iris' ),
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
