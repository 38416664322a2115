<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Products\ProductEvents;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * Which product events enqueue an annotation job.
 */
final class ProductEventsTest extends TestCase {

	private Harness $shop;

	protected function setUp(): void {
		$this->shop = new Harness();
	}

	private function annotate_jobs(): int {
		return count( $this->shop->scheduler->of( AnnotateProductJob::HOOK ) );
	}

	public function test_setting_a_main_image_enqueues_one_job(): void {
		Wp::post( 10 );
		update_post_meta( 10, '_thumbnail_id', 55 );
		do_action( 'woocommerce_new_product', 10 );

		$this->assertSame( 1, $this->annotate_jobs() );
		$this->assertSame( array( 'product_id' => 10, 'attempt' => 0 ), $this->shop->scheduler->jobs[0]['args'] );
		$this->assertSame( 'pending', $this->shop->meta->status( 10 ) );
	}

	public function test_in_a_request_the_job_is_enqueued_once_the_request_has_finished_writing(): void {
		// As the plugin runs it: a save's image change waits for the end of the request, so the
		// product editor's own attribute save cannot overwrite what the job writes.
		$events = new ProductEvents( $this->shop->scheduler, $this->shop->meta, true );
		Wp::post( 30 );
		Wp::$meta[30]['_thumbnail_id'] = 55;
		$this->assertTrue( $events->maybe_enqueue( 30 ) );
		$this->assertSame( 0, $this->annotate_jobs() );
		$this->assertSame( 'pending', $this->shop->meta->status( 30 ) );
		Wp::$meta[30]['_product_image_gallery'] = '56';
		$this->assertTrue( $events->maybe_enqueue( 30 ) );

		do_action( 'shutdown' );
		$this->assertSame( 1, $this->annotate_jobs() );
		$this->assertSame( array( 'product_id' => 30, 'attempt' => 0 ), $this->shop->scheduler->jobs[0]['args'] );
	}

	public function test_product_without_image_enqueues_nothing(): void {
		Wp::post( 11 );
		do_action( 'woocommerce_new_product', 11 );
		update_post_meta( 11, '_price', '10' );
		$this->assertSame( 0, $this->annotate_jobs() );
	}

	public function test_gallery_change_enqueues_and_an_unchanged_resave_does_not(): void {
		$this->shop->products->add( 12, 70 );
		update_post_meta( 12, '_product_image_gallery', '71,72' );
		$this->assertSame( 1, $this->annotate_jobs() );

		$this->shop->run_queue();
		// Another save with the same images, e.g. a price edit.
		update_post_meta( 12, '_thumbnail_id', 70 );
		update_post_meta( 12, '_product_image_gallery', '71,72' );
		do_action( 'woocommerce_update_product', 12 );
		$this->assertSame( 0, $this->annotate_jobs() );

		update_post_meta( 12, '_product_image_gallery', '71,73' );
		$this->assertSame( 1, $this->annotate_jobs() );
	}

	public function test_auto_draft_waits_until_it_becomes_a_product(): void {
		Wp::post( 13, 'product', 'auto-draft' );
		update_post_meta( 13, '_thumbnail_id', 80 );
		$this->assertSame( 0, $this->annotate_jobs() );

		Wp::$posts[13]['status'] = 'publish';
		do_action( 'transition_post_status', 'publish', 'auto-draft', (object) array( 'ID' => 13 ) );
		$this->assertSame( 1, $this->annotate_jobs() );
	}

	public function test_variation_image_enqueues_a_job_for_the_variation(): void {
		$this->shop->products->add( 20, 90 );
		$this->shop->products->add( 21, 0, 20 );
		$this->shop->scheduler->jobs = array();
		update_post_meta( 21, '_thumbnail_id', 91 );
		$jobs = $this->shop->scheduler->of( AnnotateProductJob::HOOK );
		$this->assertCount( 1, $jobs );
		$this->assertSame( 21, $jobs[0]['args']['product_id'] );
	}

	public function test_other_post_types_are_ignored(): void {
		Wp::post( 30, 'post' );
		update_post_meta( 30, '_thumbnail_id', 5 );
		$this->assertSame( 0, $this->annotate_jobs() );
	}

	public function test_trashing_a_product_removes_it_from_the_index(): void {
		Wp::post( 40 );
		do_action( 'wp_trash_post', 40 );
		$this->assertCount( 1, $this->shop->scheduler->of( RemoveProductJob::HOOK ) );
	}

	public function test_one_request_enqueues_a_product_once(): void {
		Wp::post( 41 );
		update_post_meta( 41, '_thumbnail_id', 1 );
		update_post_meta( 41, '_product_image_gallery', '2' );
		do_action( 'woocommerce_new_product', 41 );
		$this->assertSame( 1, $this->annotate_jobs() );
	}

	public function test_a_duplicated_product_does_not_inherit_the_plugins_meta(): void {
		$excluded = apply_filters( 'woocommerce_duplicate_product_exclude_meta', array( '_sku' ), array() );
		$this->assertContains( '_sku', $excluded );
		$this->assertContains( '_kalas_iris_image_sig', $excluded );
		$this->assertContains( '_kalas_iris_applied', $excluded );
	}
}
