<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\ReviewService;
use KalasIris\Service\ServiceError;
use KalasIris\Tests\FakeProducts;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The similar-items index holds only what shoppers can see: the service shows anyone the name,
 * link and photo of each match. Products shoppers cannot see are annotated all the same, and
 * indexed, or removed, when that changes.
 */
final class IndexVisibilityTest extends TestCase {

	private Harness $shop;

	protected function setUp(): void {
		$this->shop = new Harness( array( 'mode' => 'review' ) );
	}

	/**
	 * Creates a product with a photo as WooCommerce does: the post, its meta, then its action.
	 * Its annotation job is queued, not run.
	 *
	 * @param int    $id     Product id.
	 * @param string $status Post status.
	 */
	private function product( int $id, string $status = 'publish' ): void {
		Wp::post( $id, 'product', $status );
		update_post_meta( $id, '_thumbnail_id', 100 + $id );
		do_action( 'woocommerce_new_product', $id );
	}

	/**
	 * What a save through WooCommerce fires: WordPress's status transition (also on a save that
	 * keeps the status), then WooCommerce's update action once the terms are written.
	 *
	 * @param int    $id         Product id.
	 * @param string $old_status Status before the save.
	 */
	private function save( int $id, string $old_status ): void {
		do_action( 'transition_post_status', Wp::$posts[ $id ]['status'], $old_status, (object) array( 'ID' => $id ) );
		do_action( 'woocommerce_update_product', $id );
	}

	/**
	 * @return list<string> "put:<id>" or "annotate", in order.
	 */
	private function calls(): array {
		return $this->shop->client->calls;
	}

	private function jobs( string $hook ): int {
		return count( $this->shop->scheduler->of( $hook ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: string}> post status, password, catalog visibility.
	 */
	public static function not_for_shoppers(): array {
		return array(
			'draft'              => array( 'draft', '', 'visible' ),
			'pending review'     => array( 'pending', '', 'visible' ),
			'private'            => array( 'private', '', 'visible' ),
			'scheduled'          => array( 'future', '', 'visible' ),
			'password protected' => array( 'publish', 'preview', 'visible' ),
			'hidden'             => array( 'publish', '', 'hidden' ),
		);
	}

	/**
	 * @dataProvider not_for_shoppers
	 */
	public function test_a_product_shoppers_cannot_see_is_annotated_but_not_indexed( string $status, string $password, string $visibility ): void {
		$this->product( 1, $status );
		Wp::$posts[1]['password'] = $password;
		FakeProducts::set_catalog_visibility( 1, $visibility );

		$this->assertSame( 'review', $this->shop->job->annotate( 1 ), 'its labels wait for review as any product’s' );
		$this->assertSame( array( 'annotate' ), $this->calls(), 'POST /v1/annotate, not PUT /v1/products/1' );
		$record = $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION );
		$this->assertSame( 'Dresses', $record['suggestion']['category'] ?? null );
		$this->assertFalse( $record['indexed'] ?? null );
		$this->assertSame( 0, $this->jobs( RemoveProductJob::HOOK ), 'never indexed, nothing to remove' );
	}

	public function test_a_draft_is_still_tagged_automatically(): void {
		$shop = new Harness( array( 'mode' => 'auto' ) );
		$shop->products->add( 1, 101 );
		Wp::$posts[1]['status'] = 'draft';
		$this->assertSame( 'applied', $shop->job->annotate( 1 ) );
		$this->assertSame( array( 'annotate' ), $shop->client->calls );
		$this->assertSame( array( 'Casual' ), $shop->products->terms[1]['product_tag'] );
	}

	public function test_a_published_product_in_the_catalogue_or_in_search_only_is_indexed(): void {
		foreach ( array( 1 => 'visible', 2 => 'catalog', 3 => 'search' ) as $id => $visibility ) {
			$this->product( $id );
			FakeProducts::set_catalog_visibility( $id, $visibility );
			$this->shop->job->annotate( $id );
			$this->assertTrue( $this->shop->meta->get_json( $id, AnnotationMeta::ANNOTATION )['indexed'] ?? null, $visibility );
		}
		$this->assertSame( array( 'put:1', 'put:2', 'put:3' ), $this->calls() );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function publications(): array {
		return array(
			'published by hand'     => array( 'draft' ),
			'scheduled, now due'    => array( 'future' ),
			'approved from pending' => array( 'pending' ),
			'made public'           => array( 'private' ),
		);
	}

	/**
	 * @dataProvider publications
	 */
	public function test_a_product_that_becomes_public_is_indexed( string $old_status ): void {
		$this->product( 1, $old_status );
		$this->shop->run_queue();
		$this->assertSame( array( 'annotate' ), $this->calls() );
		$this->shop->client->calls = array();

		// wp_publish_post() for a scheduled product: only WordPress's transition, no WooCommerce save.
		Wp::$posts[1]['status'] = 'publish';
		do_action( 'transition_post_status', 'publish', $old_status, (object) array( 'ID' => 1 ) );

		$this->assertSame( 1, $this->jobs( AnnotateProductJob::HOOK ), 'the photo is the same, and still the product is queued' );
		$this->shop->run_queue();
		$this->assertSame( array( 'put:1' ), $this->calls() );
		$this->assertTrue( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null );
	}

	public function test_a_product_reviewed_as_a_draft_keeps_its_review_when_published(): void {
		$this->product( 1, 'draft' );
		$this->shop->job->annotate( 1 );
		( new ReviewService( $this->shop->write, $this->shop->meta, $this->shop->scheduler ) )->accept( 1, array( 'category' => 'Frocks' ) );
		$this->shop->scheduler->jobs = array();
		$saves                       = $this->shop->products->saves;

		Wp::$posts[1]['status'] = 'publish';
		$this->save( 1, 'draft' );
		$this->assertSame( 1, $this->jobs( AnnotateProductJob::HOOK ), 'the transition and the save ask once' );
		$this->assertSame( 'applied', $this->shop->meta->status( 1 ), 'not "pending" while it waits' );
		$this->shop->run_queue();

		$this->assertSame( array( 'annotate', 'put:1' ), $this->calls() );
		$this->assertSame( 'applied', $this->shop->meta->status( 1 ), 'not back in the review queue' );
		$record = $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION );
		$this->assertSame( 'Frocks', $record['accepted']['category'] ?? null, 'the record the decision was taken on stays' );
		$this->assertTrue( $record['indexed'] ?? null );
		$this->assertSame( $saves, $this->shop->products->saves, 'nothing written to the product' );
		$this->assertSame( array(), $this->shop->scheduler->jobs, 'and nothing enqueued by it' );
	}

	public function test_indexing_a_reviewed_product_while_the_service_is_down_keeps_its_review(): void {
		$this->product( 1, 'draft' );
		$this->shop->run_queue();
		( new ReviewService( $this->shop->write, $this->shop->meta, $this->shop->scheduler ) )->reject( 1 );
		$this->shop->client->errors = array( new ServiceError( ServiceError::UNREACHABLE, 'down' ) );

		Wp::$posts[1]['status'] = 'publish';
		$this->save( 1, 'draft' );
		$this->shop->run_queue();
		$this->assertSame( 'rejected', $this->shop->meta->status( 1 ), 'not "retrying": the retry would suggest again' );
		$this->assertSame( 1, $this->shop->meta->get_json( 1, AnnotationMeta::JOB )['attempt'] ?? null, 'the panel still shows the failure' );

		$retry = $this->shop->scheduler->of( AnnotateProductJob::HOOK )[0];
		do_action( AnnotateProductJob::HOOK, $retry['args'] );
		$this->assertSame( array( 'annotate', 'put:1', 'put:1' ), $this->calls() );
		$this->assertSame( 'rejected', $this->shop->meta->status( 1 ) );
		$this->assertSame( array(), $this->shop->meta->get_json( 1, AnnotationMeta::JOB ) );
	}

	public function test_a_product_that_becomes_public_before_its_first_annotation_is_annotated_and_indexed_once(): void {
		$this->product( 1, 'draft' );
		$this->assertSame( 1, $this->jobs( AnnotateProductJob::HOOK ), 'the photo’s own job' );
		Wp::$posts[1]['status'] = 'publish';
		$this->save( 1, 'draft' );
		$this->assertSame( 1, $this->jobs( AnnotateProductJob::HOOK ), 'one job reads the product when it runs' );
		$this->shop->run_queue();
		$this->assertSame( array( 'put:1' ), $this->calls() );
		$this->assertSame( 'review', $this->shop->meta->status( 1 ) );
		$this->assertTrue( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null );
	}

	public function test_removing_the_password_or_showing_a_hidden_product_indexes_it(): void {
		$this->product( 1 );
		Wp::$posts[1]['password'] = 'preview';
		$this->save( 1, 'publish' );
		$this->product( 2 );
		FakeProducts::set_catalog_visibility( 2, 'hidden' );
		do_action( 'woocommerce_update_product', 2 );
		$this->shop->run_queue();
		$this->assertSame( array( 'annotate', 'annotate' ), $this->calls() );
		$this->shop->client->calls = array();

		Wp::$posts[1]['password'] = '';
		$this->save( 1, 'publish' );
		FakeProducts::set_catalog_visibility( 2, 'search' );
		do_action( 'woocommerce_update_product', 2 );
		$this->shop->run_queue();

		$this->assertSame( array( 'put:1', 'put:2' ), $this->calls() );
	}

	/**
	 * @return array<string, array{0: callable(): void}>
	 */
	public static function withdrawals(): array {
		$status = static fn( string $status ): callable => static function () use ( $status ): void {
			Wp::$posts[1]['status'] = $status;
		};
		return array(
			'back to draft'      => array( $status( 'draft' ) ),
			'made private'       => array( $status( 'private' ) ),
			'pending review'     => array( $status( 'pending' ) ),
			'password added'     => array(
				static function (): void {
					Wp::$posts[1]['password'] = 'preview';
				},
			),
			'hidden'             => array(
				static function (): void {
					FakeProducts::set_catalog_visibility( 1, 'hidden' );
				},
			),
		);
	}

	/**
	 * @dataProvider withdrawals
	 * @param callable(): void $change What the owner changes.
	 */
	public function test_a_product_shoppers_stop_seeing_leaves_the_index( callable $change ): void {
		$this->product( 1 );
		$this->shop->run_queue();
		$this->assertSame( array( 'put:1' ), $this->calls() );

		$change();
		$this->save( 1, 'publish' );

		$this->assertSame( 1, $this->jobs( RemoveProductJob::HOOK ) );
		$this->assertSame( array( 'product_id' => 1 ), $this->shop->scheduler->of( RemoveProductJob::HOOK )[0]['args'] );
		$this->assertSame( 0, $this->jobs( AnnotateProductJob::HOOK ) );
		$this->assertFalse( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null );
	}

	public function test_published_again_it_is_indexed_again_without_a_new_review(): void {
		$this->product( 1 );
		$this->shop->run_queue();
		Wp::$posts[1]['status'] = 'draft';
		$this->save( 1, 'publish' );
		Wp::$posts[1]['status'] = 'publish';
		$this->save( 1, 'draft' );
		$this->assertSame( 1, $this->jobs( RemoveProductJob::HOOK ) );
		$this->assertSame( 1, $this->jobs( AnnotateProductJob::HOOK ) );

		$this->shop->run_queue();
		$this->assertSame( array( 'put:1', 'put:1' ), $this->calls() );
		$this->assertSame( 'review', $this->shop->meta->status( 1 ) );
	}

	public function test_only_a_change_shoppers_see_enqueues_a_job(): void {
		$this->product( 1 );
		$this->product( 2, 'draft' );
		$this->shop->run_queue();
		$this->shop->scheduler->jobs = array();
		foreach ( array( 1 => 'publish', 2 => 'draft' ) as $id => $status ) {
			// A price edit; and the catalogue visibility changed between two that shoppers see.
			$this->save( $id, $status );
			FakeProducts::set_catalog_visibility( $id, 'catalog' );
			$this->save( $id, $status );
		}
		$this->assertSame( array(), $this->shop->scheduler->jobs );

		FakeProducts::set_catalog_visibility( 1, 'hidden' );
		$this->save( 1, 'publish' );
		Wp::$posts[2]['status'] = 'publish';
		$this->save( 2, 'draft' );
		$this->assertSame( array( array( 'product_id' => 1 ) ), array_column( $this->shop->scheduler->of( RemoveProductJob::HOOK ), 'args' ) );
		$this->assertSame( array( AnnotateProductJob::args( 2, 0 ) ), array_column( $this->shop->scheduler->of( AnnotateProductJob::HOOK ), 'args' ) );
	}

	public function test_trashing_asks_for_one_removal(): void {
		$this->product( 1 );
		$this->shop->run_queue();
		do_action( 'wp_trash_post', 1 );
		Wp::$posts[1]['status'] = 'trash';
		do_action( 'transition_post_status', 'trash', 'publish', (object) array( 'ID' => 1 ) );
		$this->assertSame( 1, $this->jobs( RemoveProductJob::HOOK ) );
		$this->assertFalse( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null, 'the record says it left the index' );
	}

	public function test_a_draft_indexed_before_this_rule_leaves_the_index_at_its_next_save(): void {
		// Annotated and indexed by an earlier version: a record without "indexed", no visibility seen.
		Wp::post( 1, 'product', 'draft' );
		Wp::$meta[1]['_thumbnail_id']                = 101;
		Wp::$meta[1][ AnnotationMeta::ANNOTATION ]   = (string) json_encode( array( 'image_id' => 101, 'suggestion' => array() ) );
		Wp::$meta[1][ AnnotationMeta::STATUS ]       = 'review';
		Wp::post( 2, 'product', 'publish' );
		Wp::$meta[2]['_thumbnail_id']                = 102;
		Wp::$meta[2][ AnnotationMeta::ANNOTATION ]   = (string) json_encode( array( 'image_id' => 102, 'suggestion' => array() ) );
		Wp::$meta[2][ AnnotationMeta::STATUS ]       = 'applied';

		$this->save( 1, 'draft' );
		$this->save( 2, 'publish' );

		$removals = $this->shop->scheduler->of( RemoveProductJob::HOOK );
		$this->assertCount( 1, $removals );
		$this->assertSame( 1, $removals[0]['args']['product_id'] );
		$this->assertSame( 0, $this->jobs( AnnotateProductJob::HOOK ), 'the published one is indexed already' );
	}

	public function test_annotating_a_draft_indexed_before_this_rule_takes_it_out(): void {
		Wp::post( 1, 'product', 'draft' );
		Wp::$meta[1]['_thumbnail_id']              = 101;
		Wp::$meta[1][ AnnotationMeta::ANNOTATION ] = (string) json_encode( array( 'image_id' => 101, 'suggestion' => array() ) );
		$this->shop->meta->set_status( 1, 'pending' ); // "Re-annotate".
		$this->assertSame( 'review', $this->shop->job->annotate( 1 ) );
		$this->assertSame( array( 'annotate' ), $this->calls() );
		$this->assertSame( 1, $this->jobs( RemoveProductJob::HOOK ) );
		$this->assertFalse( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null );
	}
}
