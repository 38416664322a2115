<?php
/**
 * Plugin Name: Kalas Iris e2e: offline and quiet
 * Description: For the local e2e stack only: no mail, no update checks, no onboarding, no remote calls.
 *
 * Linked into wp-content/mu-plugins by e2e/stack/up.sh; never shipped with the plugin.
 */

defined( 'ABSPATH' ) || exit;

// Mail: pretend it was sent, and keep a copy for debugging.
add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, array $atts ) {
		$dir = WP_CONTENT_DIR . '/e2e-mail';
		if ( wp_mkdir_p( $dir ) ) {
			file_put_contents( $dir . '/' . gmdate( 'Ymd-His' ) . '-' . wp_generate_password( 6, false ) . '.json', wp_json_encode( $atts ) );
		}
		return true;
	},
	10,
	2
);

// Update checks and auto-updates: off (WP_HTTP_BLOCK_EXTERNAL would only make them fail slowly).
add_filter( 'pre_site_transient_update_core', '__return_null' );
add_filter( 'pre_site_transient_update_plugins', '__return_null' );
add_filter( 'pre_site_transient_update_themes', '__return_null' );
add_filter( 'auto_update_plugin', '__return_false' );
add_filter( 'auto_update_theme', '__return_false' );
add_filter( 'automatic_updater_disabled', '__return_true' );
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'wp_version_check', 'wp_version_check' );
remove_action( 'init', 'wp_schedule_update_checks' );

// WooCommerce: no onboarding wizard, marketplace suggestions, tracking, remote inbox or "coming soon" mode.
add_filter( 'woocommerce_prevent_automatic_wizard_redirect', '__return_true' );
add_filter( 'woocommerce_enable_setup_wizard', '__return_false' );
add_filter( 'woocommerce_allow_marketplace_suggestions', '__return_false' );
add_filter( 'woocommerce_admin_onboarding_task_list_enabled', '__return_false' );
add_filter( 'woocommerce_show_admin_notice', '__return_false' );
add_filter( 'pre_option_woocommerce_allow_tracking', static fn() => 'no' );
add_filter( 'pre_option_woocommerce_show_marketplace_suggestions', static fn() => 'no' );
add_filter( 'pre_option_woocommerce_coming_soon', static fn() => 'no' );
add_filter( 'pre_option_woocommerce_task_list_hidden', static fn() => 'yes' );

// Dashboard widgets that fetch news feeds.
add_action(
	'wp_dashboard_setup',
	static function (): void {
		remove_meta_box( 'dashboard_primary', 'dashboard', 'side' );
		remove_meta_box( 'dashboard_php_nag', 'dashboard', 'normal' );
		remove_meta_box( 'dashboard_site_health', 'dashboard', 'normal' );
	}
);
