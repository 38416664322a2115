<?php
/**
 * Configures the installed shop for the e2e flows, and prints credentials as KEY=VALUE lines:
 * permalinks, WooCommerce pages and quiet settings, the block editor's welcome guide off,
 * an application password and a WooCommerce REST key for the admin. Safe to run again: the
 * credentials named "kalas-e2e" are replaced each time.
 */

require_once __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';

global $wpdb, $wp_rewrite;

$admin = get_user_by( 'login', 'admin' );
if ( ! $admin ) {
	kalas_fail( 'no admin user; run install.php first' );
}
wp_set_current_user( $admin->ID );

// Pretty permalinks: product URLs and /wp-json/ as on a real shop.
if ( '/%postname%/' !== get_option( 'permalink_structure' ) ) {
	$wp_rewrite->set_permalink_structure( '/%postname%/' );
}
update_option( 'woocommerce_permalinks', array( 'product_base' => 'product' ) );
flush_rewrite_rules( false );

// Nothing that asks for attention or phones home.
update_option( 'blog_public', '0' );
update_option( 'admin_email_lifespan', time() + 10 * YEAR_IN_SECONDS );
update_option( 'auto_update_core_major', 'disabled' );
update_option( 'auto_update_plugins', array() );
$woo_options = array(
	'woocommerce_onboarding_profile'              => array( 'skipped' => true, 'completed' => true ),
	'woocommerce_task_list_hidden'                => 'yes',
	'woocommerce_task_list_complete'              => 'yes',
	'woocommerce_extended_task_list_hidden'       => 'yes',
	'woocommerce_task_list_reminder_bar_hidden'   => 'yes',
	'woocommerce_show_marketplace_suggestions'    => 'no',
	'woocommerce_allow_tracking'                  => 'no',
	'woocommerce_coming_soon'                     => 'no',
	'woocommerce_store_pages_only'                => 'no',
	'woocommerce_admin_customize_store_completed' => 'yes',
	'woocommerce_currency'                        => 'EUR',
	'woocommerce_default_country'                 => 'SE',
	'woocommerce_marketplace_suggestions'         => array(),
	'woocommerce_analytics_enabled'               => 'no',
);
foreach ( $woo_options as $name => $value ) {
	update_option( $name, $value );
}
if ( class_exists( 'WC_Install' ) && wc_get_page_id( 'shop' ) < 1 ) {
	WC_Install::create_pages();
}
// WooCommerce shows admin notices (install, update, "connect your store") until they are dismissed.
if ( class_exists( 'WC_Admin_Notices' ) ) {
	WC_Admin_Notices::remove_all_notices();
}

// Block editor: no welcome guide, no pattern chooser, for the admin.
update_user_meta(
	$admin->ID,
	$wpdb->get_blog_prefix() . 'persisted_preferences',
	array(
		'core/edit-post' => array( 'welcomeGuide' => false, 'fullscreenMode' => false ),
		'core/edit-site' => array( 'welcomeGuide' => false ),
		'core'           => array( 'enableChoosePatternModal' => false ),
		'_modified'      => gmdate( 'c' ),
	)
);
update_user_meta( $admin->ID, 'show_welcome_panel', 0 );
update_user_meta( $admin->ID, 'woocommerce_admin_task_list_tracked_started_tasks', '{}' );

// Application password (HTTP Basic on wp/v2 and wc/v3; allowed over http because WP_ENVIRONMENT_TYPE=local).
foreach ( WP_Application_Passwords::get_user_application_passwords( $admin->ID ) as $item ) {
	if ( 'kalas-e2e' === $item['name'] ) {
		WP_Application_Passwords::delete_application_password( $admin->ID, $item['uuid'] );
	}
}
$created = WP_Application_Passwords::create_new_application_password( $admin->ID, array( 'name' => 'kalas-e2e' ) );
if ( is_wp_error( $created ) ) {
	kalas_fail( 'application password: ' . $created->get_error_message() );
}

// WooCommerce REST key (what the companion service is given), stored as WooCommerce stores it.
$table = $wpdb->prefix . 'woocommerce_api_keys';
$wpdb->delete( $table, array( 'description' => 'kalas-e2e' ) );
$consumer_key    = 'ck_' . wc_rand_hash();
$consumer_secret = 'cs_' . wc_rand_hash();
$wpdb->insert(
	$table,
	array(
		'user_id'         => $admin->ID,
		'description'     => 'kalas-e2e',
		'permissions'     => 'read_write',
		'consumer_key'    => wc_api_hash( $consumer_key ),
		'consumer_secret' => $consumer_secret,
		'truncated_key'   => substr( $consumer_key, -7 ),
	)
);

echo 'KALAS_APP_PASSWORD=' . $created[0] . "\n";
echo 'KALAS_WC_CONSUMER_KEY=' . $consumer_key . "\n";
echo 'KALAS_WC_CONSUMER_SECRET=' . $consumer_secret . "\n";
