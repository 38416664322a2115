<?php
/**
 * Two job runners and a new global attribute, on the local stack's WordPress (WordPress flow 2).
 *
 * The parent process starts first, so WooCommerce registers the attribute taxonomies the shop
 * has at that moment. A child process (another request) then creates a new attribute and gives
 * the product one of its terms. Last, the parent changes the product's terms through the
 * plugin's gateway, as a job runner that started before the attribute existed would.
 *
 * Usage: php attribute-race.php <product id> <attribute slug> [parent|child|cleanup]
 * The parent prints JSON: whether the taxonomy was registered before, and how many attributes
 * with that slug the shop has afterwards. WP_DIR and KALAS_BASE_URL as for the stack's scripts.
 */

require_once dirname( __DIR__, 2 ) . '/stack/php/bootstrap.php';

$product_id = (int) ( $argv[1] ?? 0 );
$slug       = (string) ( $argv[2] ?? '' );
$role       = (string) ( $argv[3] ?? 'parent' );
$taxonomy   = 'pa_' . $slug;
if ( $product_id <= 0 || ! preg_match( '/^[a-z0-9_]{1,28}$/', $slug ) ) {
	kalas_fail( 'usage: attribute-race.php <product id> <attribute slug> [parent|child|cleanup]' );
}

/** Attribute ids with this slug, straight from WooCommerce's table. */
function kalas_attribute_rows( string $slug ): array {
	global $wpdb;
	return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT attribute_id FROM {$wpdb->prefix}woocommerce_attribute_taxonomies WHERE attribute_name = %s", $slug ) ) );
}

if ( 'cleanup' === $role ) {
	foreach ( kalas_attribute_rows( $slug ) as $id ) {
		wc_delete_attribute( $id );
	}
	exit( 0 );
}

if ( 'child' === $role ) {
	$id = wc_create_attribute( array( 'name' => 'Race ' . $slug, 'slug' => $slug ) );
	if ( is_wp_error( $id ) ) {
		kalas_fail( $id->get_error_message() );
	}
	register_taxonomy( $taxonomy, array( 'product' ) );
	$term      = wp_insert_term( 'Alpha', $taxonomy );
	$product   = wc_get_product( $product_id );
	$attribute = new WC_Product_Attribute();
	$attribute->set_id( (int) $id );
	$attribute->set_name( $taxonomy );
	$attribute->set_options( array( (int) $term['term_id'] ) );
	$attribute->set_visible( true );
	$attributes              = $product->get_attributes();
	$attributes[ $taxonomy ] = $attribute;
	$product->set_attributes( $attributes );
	$product->save();
	exit( 0 );
}

$registered_before = taxonomy_exists( $taxonomy );
passthru( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( __FILE__ ) . " $product_id $slug child", $code );
if ( 0 !== $code ) {
	kalas_fail( 'the child process failed' );
}
( new KalasIris\Products\WcProductGateway() )->change_terms( $product_id, array( $taxonomy => array( 'Beta' ) ), array() );
echo wp_json_encode(
	array(
		'registered_before' => $registered_before,
		'attribute_rows'    => count( kalas_attribute_rows( $slug ) ),
	)
) . "\n";
