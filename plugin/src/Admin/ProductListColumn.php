<?php
/**
 * Annotation status in the products list.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Admin;

use KalasIris\Products\AnnotationMeta;

/**
 * A "Kalas Iris" column on Products → All Products, so a shop sees at a glance which
 * products wait, retry, failed or need review.
 */
final class ProductListColumn {

	private const COLUMN = 'kalas_iris';

	/**
	 * @param AnnotationMeta $meta Plugin meta.
	 */
	public function __construct( private AnnotationMeta $meta ) {
	}

	/**
	 * Hooks the column.
	 */
	public function register(): void {
		add_filter( 'manage_edit-product_columns', array( $this, 'add' ), 20 );
		add_action( 'manage_product_posts_custom_column', array( $this, 'render' ), 10, 2 );
	}

	/**
	 * Adds the column before the date.
	 *
	 * @param array<string, string> $columns Columns.
	 * @return array<string, string>
	 */
	public function add( $columns ): array {
		$columns = is_array( $columns ) ? $columns : array();
		$out     = array();
		foreach ( $columns as $key => $label ) {
			if ( 'date' === $key ) {
				$out[ self::COLUMN ] = __( 'Kalas Iris', 'kalas-iris' );
			}
			$out[ $key ] = $label;
		}
		$out[ self::COLUMN ] ??= __( 'Kalas Iris', 'kalas-iris' );
		return $out;
	}

	/**
	 * Prints the status of one product.
	 *
	 * @param string     $column  Column key.
	 * @param int|string $post_id Product id.
	 */
	public function render( $column, $post_id ): void {
		if ( self::COLUMN !== $column ) {
			return;
		}
		$status = $this->meta->status( (int) $post_id );
		printf(
			'<span class="kalas-iris-status kalas-iris-status--%1$s" data-status="%1$s">%2$s</span>',
			esc_attr( '' === $status ? 'none' : $status ),
			esc_html( self::label( $status ) )
		);
	}

	/**
	 * Words for a status.
	 *
	 * @param string $status Status meta value.
	 */
	public static function label( string $status ): string {
		return match ( $status ) {
			'pending'        => __( 'Waiting', 'kalas-iris' ),
			'retrying'       => __( 'Retrying', 'kalas-iris' ),
			'review'         => __( 'To review', 'kalas-iris' ),
			'applied'        => __( 'Applied', 'kalas-iris' ),
			'annotated'      => __( 'Annotated', 'kalas-iris' ),
			'rejected'       => __( 'Rejected', 'kalas-iris' ),
			'failed'         => __( 'Failed', 'kalas-iris' ),
			'not_configured' => __( 'Not configured', 'kalas-iris' ),
			'no_image'       => __( 'No image', 'kalas-iris' ),
			default          => '—',
		};
	}
}
