<?php
/**
 * Server rendering of kalas-iris/shop-by-photo: a form that works with the view script.
 *
 * @package KalasIris
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

$kalas_iris_id    = wp_unique_id( 'kalas-iris-photo-' );
$kalas_iris_count = max( 1, min( 24, (int) ( $attributes['count'] ?? 8 ) ) );
$kalas_iris_max   = \KalasIris\Security\UploadValidator::MAX_BYTES;
// Sentences for the view script, translated here; %d stands for a number.
$kalas_iris_messages = array(
	'choose'      => __( 'Choose a photo to search with.', 'kalas-iris' ),
	'not-image'   => __( 'That file is not a photo. Use a JPEG, PNG, WebP, GIF or AVIF image.', 'kalas-iris' ),
	/* translators: %d: size limit in megabytes */
	'too-large'   => __( 'The photo is too large; the limit is %d MB.', 'kalas-iris' ),
	'searching'   => __( 'Searching…', 'kalas-iris' ),
	'none'        => __( 'No similar products found.', 'kalas-iris' ),
	'one'         => __( 'Found 1 similar product.', 'kalas-iris' ),
	/* translators: %d: number of products */
	'many'        => __( 'Found %d similar products.', 'kalas-iris' ),
	'unavailable' => __( 'Photo search is not available right now. Please try again later.', 'kalas-iris' ),
);
?>
<div <?php echo get_block_wrapper_attributes( array( 'class' => 'kalas-iris-shop-by-photo' ) ); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped by get_block_wrapper_attributes(). ?>
	data-endpoint="<?php echo esc_url( rest_url( 'kalas-iris/v1/search' ) ); ?>"
	data-count="<?php echo esc_attr( (string) $kalas_iris_count ); ?>"
	data-max-bytes="<?php echo esc_attr( (string) $kalas_iris_max ); ?>"
	<?php foreach ( $kalas_iris_messages as $kalas_iris_key => $kalas_iris_text ) : ?>
		data-msg-<?php echo esc_attr( $kalas_iris_key ); ?>="<?php echo esc_attr( $kalas_iris_text ); ?>"
	<?php endforeach; ?>>
	<form class="kalas-iris-shop-by-photo__form" method="post" enctype="multipart/form-data">
		<label for="<?php echo esc_attr( $kalas_iris_id ); ?>"><?php echo esc_html( (string) ( $attributes['label'] ?? 'Search by photo' ) ); ?></label>
		<input id="<?php echo esc_attr( $kalas_iris_id ); ?>" type="file" name="image" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" required />
		<button type="submit" class="wp-element-button"><?php echo esc_html( (string) ( $attributes['buttonText'] ?? 'Find similar products' ) ); ?></button>
	</form>
	<p class="kalas-iris-shop-by-photo__message" role="status" aria-live="polite"></p>
	<div class="kalas-iris-shop-by-photo__results woocommerce"></div>
</div>
