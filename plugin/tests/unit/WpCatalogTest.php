<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\WpCatalog;
use KalasIris\Tests\FakeProducts;
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

	protected function tearDown(): void {
		\WP_Query::$result = array();
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

	/**
	 * Posts by id: type, post status, plugin status. WP_Query then answers from them, and the
	 * grouped count from the WHERE of its own SQL.
	 *
	 * @param array<int, array{0: string, 1: string, 2: string}> $posts Posts.
	 */
	private static function shop( array $posts ): void {
		Wp::reset();
		\WP_Query::$result = null;
		foreach ( $posts as $id => [ $type, $status, $plugin_status ] ) {
			Wp::post( $id, $type, $status );
			Wp::$meta[ $id ][ AnnotationMeta::STATUS ] = $plugin_status;
		}
	}

	public function test_the_menu_count_is_what_the_review_queue_lists(): void {
		self::shop(
			array(
				1 => array( 'product', 'publish', 'review' ),
				2 => array( 'product', 'draft', 'review' ),
				3 => array( 'product', 'trash', 'review' ),
				4 => array( 'product', 'auto-draft', 'review' ),
				5 => array( 'product_variation', 'publish', 'review' ),
				6 => array( 'product', 'publish', 'applied' ),
			)
		);
		$catalog = new WpCatalog();
		$this->assertSame( 2, $catalog->count_with_status( 'review' ), 'not trash, an auto-draft or a variation' );
		$this->assertSame( array( 'ids' => array( 1, 2 ), 'total' => 2 ), $catalog->with_status( 'review', 1, 10 ) );

		[ $count, $list ] = \WP_Query::$queries;
		$filter           = array_flip( array( 'post_type', 'post_status', 'meta_query', 'suppress_filters' ) );
		$this->assertSame( array_intersect_key( $list, $filter ), array_intersect_key( $count, $filter ), 'one definition of the queue' );
	}

	public function test_the_job_counts_leave_out_trash_and_agree_with_the_menu(): void {
		self::shop(
			array(
				1 => array( 'product', 'publish', 'review' ),
				2 => array( 'product', 'private', 'review' ),
				3 => array( 'product', 'trash', 'review' ),
				4 => array( 'product', 'trash', 'failed' ),
				5 => array( 'product_variation', 'publish', 'failed' ),
				6 => array( 'product_variation', 'publish', 'annotated' ),
				7 => array( 'product', 'auto-draft', 'pending' ),
				8 => array( 'product', 'publish', 'applied' ),
			)
		);
		Wp::$meta[9][ AnnotationMeta::STATUS ] = 'review'; // Meta whose post is gone.
		$catalog = new WpCatalog();
		$counts  = $catalog->count_by_status();
		ksort( $counts );
		$this->assertSame( array( 'annotated' => 1, 'applied' => 1, 'failed' => 1, 'review' => 2 ), $counts );
		$this->assertSame( $catalog->count_with_status( 'review' ), $counts['review'], 'the jobs table and the menu badge' );
	}

	public function test_learning_reads_only_the_products_the_index_holds(): void {
		self::shop(
			array(
				1 => array( 'product', 'publish', 'applied' ),
				2 => array( 'product', 'draft', 'review' ),
				3 => array( 'product', 'private', 'applied' ),
				4 => array( 'product', 'future', 'applied' ),
				5 => array( 'product', 'pending', 'applied' ),
				6 => array( 'product', 'publish', 'applied' ),
				7 => array( 'product', 'publish', 'applied' ),
				8 => array( 'product', 'publish', 'applied' ),
				9 => array( 'product', 'publish', 'applied' ),
				10 => array( 'product_variation', 'publish', 'annotated' ),
				11 => array( 'product', 'publish', 'failed' ),
			)
		);
		foreach ( range( 1, 10 ) as $id ) {
			Wp::$meta[ $id ][ AnnotationMeta::ANNOTATION ] = '{}';
		}
		Wp::$posts[6]['password'] = 'preview';
		FakeProducts::set_catalog_visibility( 7, 'hidden' );
		FakeProducts::set_catalog_visibility( 8, 'catalog' );
		FakeProducts::set_catalog_visibility( 9, 'search' );

		$catalog = new WpCatalog();
		$this->assertSame( array( 1, 8, 9 ), $catalog->next_indexed( 0, 500 ) );
		$this->assertSame( array( 8, 9 ), $catalog->next_indexed( 1, 500 ), 'the cursor still applies' );
	}

	/**
	 * Products by id: type, post status, and the annotation record (null for none), as the plugin writes it.
	 *
	 * @param array<int, array{0: string, 1: string, 2: array<string, mixed>|null}> $products Products.
	 */
	private static function annotated( array $products ): void {
		self::shop( array() );
		foreach ( $products as $id => [ $type, $status, $record ] ) {
			Wp::post( $id, $type, $status );
			if ( null !== $record ) {
				( new AnnotationMeta() )->set_json( $id, AnnotationMeta::ANNOTATION, $record + array( 'image_id' => 100 + $id ) );
			}
		}
	}

	public function test_backfill_finds_the_products_shoppers_see_whose_annotation_left_the_index(): void {
		self::annotated(
			array(
				1 => array( 'product', 'publish', array( 'indexed' => false ) ),
				2 => array( 'product', 'publish', array( 'indexed' => true ) ),
				3 => array( 'product', 'publish', array() ), // Recorded before `indexed` was: indexed.
				4 => array( 'product', 'draft', array( 'indexed' => false ) ),
				5 => array( 'product', 'publish', array( 'indexed' => false ) ),
				6 => array( 'product', 'publish', array( 'indexed' => false ) ),
				7 => array( 'product_variation', 'publish', array( 'indexed' => false ) ),
				8 => array( 'product', 'publish', null ),
				9 => array( 'product', 'publish', array( 'indexed' => true, 'accepted' => array( 'category' => '"indexed":false' ) ) ),
				10 => array( 'product', 'publish', array( 'indexed' => false ) ),
			)
		);
		FakeProducts::set_catalog_visibility( 5, 'hidden' );
		Wp::$posts[6]['password'] = 'preview';

		$catalog = new WpCatalog();
		$this->assertSame( array( 1, 10 ), $catalog->next_unindexed( 0, 20 ) );
		$this->assertSame( array( 10 ), $catalog->next_unindexed( 1, 20 ), 'the cursor applies' );
		$this->assertSame( 2, $catalog->count_unindexed() );
	}

	public function test_the_upgrade_finds_every_product_whose_record_does_not_say_it_left_the_index(): void {
		self::annotated(
			array(
				1 => array( 'product', 'draft', array() ),
				2 => array( 'product', 'publish', array() ),
				3 => array( 'product', 'private', array( 'indexed' => true ) ),
				4 => array( 'product', 'draft', array( 'indexed' => false ) ),
				5 => array( 'product', 'trash', array() ),
				6 => array( 'product_variation', 'draft', array() ),
				7 => array( 'product', 'pending', null ),
				8 => array( 'product', 'future', array( 'accepted' => array( 'category' => '"indexed":false' ) ) ),
			)
		);
		$catalog = new WpCatalog();
		$this->assertSame( array( 1, 2, 3, 8 ), $catalog->next_recorded_indexed( 0, 100 ) );
		$this->assertSame( array( 3 ), $catalog->next_recorded_indexed( 2, 1 ), 'in batches after a cursor' );
	}

	public function test_review_queue_filters_on_status(): void {
		$found = ( new WpCatalog() )->with_status( 'review', 2, 10 );
		$this->assertSame( 3, $found['total'] );
		$args = \WP_Query::$queries[0];
		$this->assertSame( 2, $args['paged'] );
		$this->assertSame( array( array( 'key' => AnnotationMeta::STATUS, 'value' => 'review' ) ), $args['meta_query'] );
	}
}
