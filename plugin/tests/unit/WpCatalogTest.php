<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\WpCatalog;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The queries backfill, learning and the review queue run.
 */
final class WpCatalogTest extends TestCase {

	protected function setUp(): void {
		\WP_Query::$queries = array();
		\WP_Query::$result  = array( 3, 5, 8 );
	}

	public function test_count_asks_wordpress_to_count(): void {
		$this->assertSame( 3, ( new WpCatalog() )->count_unannotated() );
		$this->assertFalse( \WP_Query::$queries[0]['no_found_rows'] );
	}

	public function test_batches_are_products_with_a_photo_and_no_annotation_in_id_order(): void {
		( new WpCatalog() )->next_unannotated( 0, 20 );
		$args = \WP_Query::$queries[0];
		$this->assertSame( array( 'product', 'product_variation' ), $args['post_type'] );
		$this->assertSame( 'ids', $args['fields'] );
		$this->assertSame( 20, $args['posts_per_page'] );
		$this->assertSame( array( 'ID', 'ASC' ), array( $args['orderby'], $args['order'] ) );
		$this->assertTrue( $args['no_found_rows'], 'batches skip the count' );
		$this->assertContains( array( 'key' => AnnotationMeta::ANNOTATION, 'compare' => 'NOT EXISTS' ), $args['meta_query'] );
		$this->assertContains( array( 'key' => '_thumbnail_id', 'compare' => 'EXISTS' ), $args['meta_query'] );
		$this->assertNotContains( 'trash', $args['post_status'] );
	}

	public function test_learning_pages_through_indexed_products_not_variations(): void {
		$this->assertSame( array( 3, 5, 8 ), ( new WpCatalog() )->next_indexed( 0, 500 ) );
		$args = \WP_Query::$queries[0];
		$this->assertSame( 'product', $args['post_type'] );
		$this->assertSame( 500, $args['posts_per_page'] );
		$this->assertSame( array( 'ID', 'ASC' ), array( $args['orderby'], $args['order'] ) );
		$this->assertSame( array( array( 'key' => AnnotationMeta::ANNOTATION, 'compare' => 'EXISTS' ) ), $args['meta_query'] );
	}

	public function test_the_menu_count_leaves_out_trashed_products_and_variations(): void {
		Wp::reset();
		foreach ( array( array( 1, 'product', 'publish' ), array( 2, 'product', 'draft' ), array( 3, 'product', 'trash' ), array( 4, 'product_variation', 'publish' ), array( 5, 'product', 'publish' ) ) as [ $id, $type, $status ] ) {
			Wp::post( $id, $type, $status );
			Wp::$meta[ $id ][ AnnotationMeta::STATUS ] = 5 === $id ? 'applied' : 'review';
		}
		$this->assertSame( 2, ( new WpCatalog() )->count_with_status( 'review' ) );
	}

	public function test_review_queue_filters_on_status(): void {
		$found = ( new WpCatalog() )->with_status( 'review', 2, 10 );
		$this->assertSame( 3, $found['total'] );
		$args = \WP_Query::$queries[0];
		$this->assertSame( 2, $args['paged'] );
		$this->assertSame( array( array( 'key' => AnnotationMeta::STATUS, 'value' => 'review' ) ), $args['meta_query'] );
	}
}
