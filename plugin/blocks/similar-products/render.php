<?php
/**
 * Server rendering of kalas-iris/similar-products.
 *
 * @package KalasIris
 *
 * @var array<string, mixed> $attributes Block attributes.
 * @var \WP_Block            $block      Block instance.
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

$kalas_iris_plugin  = \KalasIris\Plugin::instance();
$kalas_iris_product = (int) ( $block->context['postId'] ?? get_the_ID() );
if ( null === $kalas_iris_plugin || $kalas_iris_product <= 0 || 'product' !== get_post_type( $kalas_iris_product ) ) {
	return;
}

$kalas_iris_count   = max( 1, min( 12, (int) ( $attributes['count'] ?? 4 ) ) );
$kalas_iris_similar = $kalas_iris_plugin->similar_products()->for_product( $kalas_iris_product, $kalas_iris_count );
if ( array() === $kalas_iris_similar['ids'] ) {
	return;
}
$kalas_iris_html = ( new \KalasIris\Blocks\ProductListRenderer() )->render(
	$kalas_iris_similar['ids'],
	(bool) ( $attributes['showPrice'] ?? true ),
	(bool) ( $attributes['showAddToCart'] ?? true )
);
?>
<section <?php echo get_block_wrapper_attributes( array( 'class' => 'woocommerce kalas-iris-similar-products', 'data-source' => $kalas_iris_similar['source'] ) ); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped by get_block_wrapper_attributes(). ?>>
	<?php if ( '' !== (string) ( $attributes['title'] ?? '' ) ) : ?>
		<h2 class="kalas-iris-similar-products__title"><?php echo esc_html( (string) $attributes['title'] ); ?></h2>
	<?php endif; ?>
	<?php echo $kalas_iris_html; // phpcs:ignore WordPress.Security.EscapeOutput -- WooCommerce's content-product template, which escapes its own output. ?>
</section>
