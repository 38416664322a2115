<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\BackfillJob;
use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\ReviewService;
use KalasIris\Service\ServiceError;
use KalasIris\Support\Logger;
use KalasIris\Tests\FakeCatalog;
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
		// Product events wait for the end of the request, as in the plugin.
		$this->shop = new Harness( array( 'mode' => 'review' ), true );
	}

	/**
	 * Creates a product with a photo as WooCommerce does, in a request of its own: the post, its
	 * meta, then its action. Its annotation job is queued, not run.
	 *
	 * @param int    $id     Product id.
	 * @param string $status Post status.
	 */
	private function product( int $id, string $status = 'publish' ): void {
		Wp::post( $id, 'product', $status );
		update_post_meta( $id, '_thumbnail_id', 100 + $id );
		do_action( 'woocommerce_new_product', $id );
		$this->shop->end_request();
	}

	/**
	 * A save through WooCommerce (the classic editor's, say), in WooCommerce's order: WordPress
	 * writes the post row (set its status and password before calling) and fires the status
	 * transition, also on a save that keeps the status; then WooCommerce writes the catalog
	 * visibility terms, fires its update action, and the request ends.
	 *
	 * @param int         $id         Product id.
	 * @param string      $old_status Status before the save.
	 * @param string|null $visibility Catalog visibility the save sets, null to leave it.
	 */
	private function save( int $id, string $old_status, ?string $visibility = null ): void {
		do_action( 'transition_post_status', Wp::$posts[ $id ]['status'], $old_status, (object) array( 'ID' => $id ) );
		if ( null !== $visibility ) {
			FakeProducts::set_catalog_visibility( $id, $visibility );
		}
		do_action( 'woocommerce_update_product', $id );
		$this->shop->end_request();
	}

	private function review(): ReviewService {
		return new ReviewService( $this->shop->write, $this->shop->meta, $this->shop->scheduler );
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
		$this->shop->end_request();

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
		$this->save( 2, 'publish', 'hidden' );
		$this->shop->run_queue();
		$this->assertSame( array( 'annotate', 'annotate' ), $this->calls() );
		$this->shop->client->calls = array();

		Wp::$posts[1]['password'] = '';
		$this->save( 1, 'publish' );
		$this->save( 2, 'publish', 'search' );
		$this->shop->run_queue();

		$this->assertSame( array( 'put:1', 'put:2' ), $this->calls() );
	}

	/**
	 * @return array<string, array{0: callable(): void, 1: string|null}>
	 */
	public static function withdrawals(): array {
		$status = static fn( string $status ): callable => static function () use ( $status ): void {
			Wp::$posts[1]['status'] = $status;
		};
		$none   = static function (): void {
		};
		return array(
			'back to draft'      => array( $status( 'draft' ), null ),
			'made private'       => array( $status( 'private' ), null ),
			'pending review'     => array( $status( 'pending' ), null ),
			'password added'     => array(
				static function (): void {
					Wp::$posts[1]['password'] = 'preview';
				},
				null,
			),
			'hidden'             => array( $none, 'hidden' ),
		);
	}

	/**
	 * @dataProvider withdrawals
	 * @param callable(): void $change     What the owner changes in the post row.
	 * @param string|null      $visibility The catalog visibility the owner sets.
	 */
	public function test_a_product_shoppers_stop_seeing_leaves_the_index( callable $change, ?string $visibility ): void {
		$this->product( 1 );
		$this->shop->run_queue();
		$this->assertSame( array( 'put:1' ), $this->calls() );

		$change();
		$this->save( 1, 'publish', $visibility );

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
			$this->save( $id, $status, 'catalog' );
		}
		$this->assertSame( array(), $this->shop->scheduler->jobs );

		$this->save( 1, 'publish', 'hidden' );
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
		$this->shop->end_request();
		$this->assertSame( 1, $this->jobs( RemoveProductJob::HOOK ) );
		$this->assertSame(
			array(
				'product_id' => 1,
				'gone'       => true,
			),
			$this->shop->scheduler->of( RemoveProductJob::HOOK )[0]['args']
		);
		$this->assertFalse( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null, 'the record says it left the index' );
	}

	public function test_a_removal_for_a_deletion_runs_even_while_the_product_still_looks_published(): void {
		$client = $this->shop->client;
		( new RemoveProductJob( static fn() => $client, $this->shop->scheduler, new Logger(), $this->shop->products ) )->register();
		$this->product( 1 );
		$this->shop->run_queue();
		// before_delete_post: the job is queued, and a runner can take it before the post row is gone.
		do_action( 'before_delete_post', 1 );
		$this->shop->run_queue();
		$this->assertSame( array( 'put:1', 'delete:1' ), $this->calls() );
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

	public function test_a_draft_published_and_hidden_in_one_save_is_neither_indexed_nor_reviewed_again(): void {
		$this->product( 1, 'draft' );
		$this->shop->run_queue();
		$this->review()->accept( 1, array( 'category' => 'Frocks' ) );
		$this->shop->end_request();
		$this->shop->scheduler->jobs = array();

		// transition_post_status sees it published and not yet hidden: WooCommerce writes the terms after.
		Wp::$posts[1]['status'] = 'publish';
		$this->save( 1, 'draft', 'hidden' );

		$this->assertSame( array(), $this->shop->scheduler->jobs, 'shoppers could see it neither before nor after the save' );
		$this->shop->run_queue();
		$this->assertSame( array( 'annotate' ), $this->calls() );
		$this->assertSame( 'applied', $this->shop->meta->status( 1 ) );
		$this->assertSame( 'Frocks', $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['accepted']['category'] ?? null );
		$this->assertSame( '0', Wp::$meta[1][ AnnotationMeta::VISIBLE ] );
	}

	/**
	 * @return array<string, array{0: string, 1: string}> decision, status after it.
	 */
	public static function decisions(): array {
		return array(
			'waiting for review' => array( 'none', 'review' ),
			'accepted'           => array( 'accept', 'applied' ),
			'rejected'           => array( 'reject', 'rejected' ),
		);
	}

	/**
	 * A job queued to index a product that shoppers no longer see when it runs (a save's first hook
	 * may see a product its save then hides, or it was hidden while the job waited).
	 *
	 * @dataProvider decisions
	 */
	public function test_a_job_for_a_product_out_of_sight_keeps_the_decision_on_its_photo( string $decision, string $status ): void {
		$this->product( 1, 'draft' );
		$this->shop->run_queue();
		if ( 'accept' === $decision ) {
			$this->review()->accept( 1, array( 'category' => 'Frocks' ) );
		} elseif ( 'reject' === $decision ) {
			$this->review()->reject( 1 );
		}
		$record                      = Wp::$meta[1][ AnnotationMeta::ANNOTATION ];
		$saves                       = $this->shop->products->saves;
		$this->shop->client->calls   = array();
		$this->shop->scheduler->jobs = array();
		$this->shop->meta->set_json( 1, AnnotationMeta::JOB, array( 'attempt' => 1 ) );

		$this->assertSame( $status, $this->shop->job->annotate( 1 ) );
		$this->assertSame( array(), $this->calls(), 'the photo is not sent again' );
		$this->assertSame( $status, $this->shop->meta->status( 1 ) );
		$this->assertSame( $record, Wp::$meta[1][ AnnotationMeta::ANNOTATION ], 'the suggestion the decision was taken on stays' );
		$this->assertSame( $saves, $this->shop->products->saves );
		$this->assertSame( array(), $this->shop->scheduler->jobs, 'it was never indexed' );
		$this->assertArrayNotHasKey( AnnotationMeta::JOB, Wp::$meta[1], 'the job is over' );
	}

	public function test_a_job_for_a_product_out_of_sight_does_not_apply_the_labels_again_in_auto_mode(): void {
		$shop = new Harness( array( 'mode' => 'auto' ) );
		$shop->products->add( 1, 101 );
		Wp::$posts[1]['status'] = 'draft';
		$this->assertSame( 'applied', $shop->job->annotate( 1 ) );
		$shop->products->terms[1]['product_tag'] = array(); // The owner removed the tag.
		$saves                                   = $shop->products->saves;

		$this->assertSame( 'applied', $shop->job->annotate( 1 ) );
		$this->assertSame( array( 'annotate' ), $shop->client->calls );
		$this->assertSame( $saves, $shop->products->saves );
		$this->assertSame( array(), $shop->products->terms[1]['product_tag'] );
	}

	public function test_a_job_for_an_indexed_product_hidden_without_a_hook_takes_it_out_and_keeps_the_review(): void {
		$this->product( 1 );
		$this->shop->run_queue();
		$this->shop->client->calls = array();
		// Hidden by a direct term change: no save, no hook.
		FakeProducts::set_catalog_visibility( 1, 'hidden' );

		$this->assertSame( 'review', $this->shop->job->annotate( 1 ) );
		$this->assertSame( array(), $this->calls() );
		$this->assertSame( 1, $this->jobs( RemoveProductJob::HOOK ) );
		$this->assertFalse( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null );
		$this->assertSame( 'Dresses', $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['suggestion']['category'] ?? null );

		$this->shop->scheduler->jobs = array();
		$this->save( 1, 'publish', 'visible' );
		$this->assertSame( 1, $this->jobs( AnnotateProductJob::HOOK ), 'shown again, it is indexed again' );
	}

	public function test_a_removal_that_runs_once_the_product_is_back_in_sight_leaves_it_in_the_index(): void {
		$client = $this->shop->client;
		( new RemoveProductJob( static fn() => $client, $this->shop->scheduler, new Logger(), $this->shop->products ) )->register();
		$this->product( 1 );
		$this->shop->run_queue();

		Wp::$posts[1]['status'] = 'draft';
		$this->save( 1, 'publish' );
		$client->errors = array( new ServiceError( ServiceError::UNREACHABLE, 'down' ) );
		$this->shop->run_queue();
		$this->assertSame( array( 'put:1', 'delete:1' ), $this->calls(), 'the removal failed and waits to try again' );

		Wp::$posts[1]['status'] = 'publish';
		$this->save( 1, 'draft' );
		$this->shop->run_queue();
		$this->assertSame( array( 'put:1', 'delete:1', 'put:1' ), $this->calls(), 'indexed again' );

		$retry = $this->shop->scheduler->of( RemoveProductJob::HOOK );
		$this->assertCount( 1, $retry );
		do_action( RemoveProductJob::HOOK, $retry[0]['args'] );
		$this->assertSame( array( 'put:1', 'delete:1', 'put:1' ), $this->calls(), 'the late removal does not take it out' );
		$this->assertTrue( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null );
	}

	public function test_a_product_whose_indexing_gave_up_is_indexed_by_the_next_backfill_with_its_decision(): void {
		$this->product( 1, 'draft' );
		$this->shop->run_queue();
		$this->review()->reject( 1 );
		$this->shop->scheduler->jobs = array();
		$this->shop->client->errors  = array( new ServiceError( 'unauthorized', 'The API key was refused.', 401 ) );

		Wp::$posts[1]['status'] = 'publish';
		$this->save( 1, 'draft' );
		$this->shop->run_queue();
		$this->assertSame( array( 'annotate', 'put:1' ), $this->calls(), 'refused, and not tried again' );
		$this->assertSame( 'rejected', $this->shop->meta->status( 1 ) );
		$this->save( 1, 'publish' );
		$this->assertSame( array(), $this->shop->scheduler->jobs, 'shoppers saw it already: no hook asks again' );

		$backfill = new BackfillJob( new FakeCatalog(), $this->shop->job, $this->shop->scheduler, $this->shop->meta, new Logger() );
		$backfill->register();
		$this->assertSame( 1, $backfill->start()['total'] );
		$this->shop->run_queue();

		$this->assertSame( array( 'annotate', 'put:1', 'put:1' ), $this->calls() );
		$this->assertSame( 'rejected', $this->shop->meta->status( 1 ), 'indexed, still rejected' );
		$this->assertTrue( $this->shop->meta->get_json( 1, AnnotationMeta::ANNOTATION )['indexed'] ?? null );
		$this->assertSame( 1, $backfill->progress()['done'] );
	}

	public function test_a_backfill_that_cannot_index_such_a_product_keeps_its_decision(): void {
		$this->product( 1, 'draft' );
		$this->shop->run_queue();
		$this->review()->accept( 1, null );
		$this->shop->client->errors = array( new ServiceError( 'unauthorized', 'The API key was refused.', 401 ) );
		Wp::$posts[1]['status']     = 'publish';
		$this->save( 1, 'draft' );
		$this->shop->scheduler->jobs = array();

		$backfill = new BackfillJob( new FakeCatalog(), $this->shop->job, $this->shop->scheduler, $this->shop->meta, new Logger() );
		$backfill->register();
		$backfill->start();
		$this->shop->run_queue();

		$this->assertSame( 1, $backfill->progress()['failed'] );
		$this->assertSame( 'applied', $this->shop->meta->status( 1 ) );
		$this->assertSame( 'unauthorized', $this->shop->meta->get_json( 1, AnnotationMeta::JOB )['error']['code'] ?? null );
	}
}
