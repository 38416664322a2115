<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\WriteGuard;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The plugin's own write-backs must never enqueue another annotation. Jobs are counted.
 */
final class LoopPreventionTest extends TestCase {

	private Harness $shop;

	protected function setUp(): void {
		$this->shop = new Harness( array( 'mode' => 'auto' ) );
	}

	private function annotate_jobs(): int {
		return count( $this->shop->scheduler->of( AnnotateProductJob::HOOK ) );
	}

	public function test_auto_write_back_enqueues_zero_jobs(): void {
		Wp::post( 1 );
		update_post_meta( 1, '_thumbnail_id', 100 );
		$this->assertSame( 1, $this->annotate_jobs() );

		$ran = $this->shop->run_queue();

		$this->assertSame( 1, $ran, 'only the first job ran' );
		$this->assertSame( 1, $this->shop->products->saves, 'the write-back saved the product' );
		$this->assertSame( 0, $this->annotate_jobs(), 'the save enqueued nothing' );
		$this->assertSame( 'applied', $this->shop->meta->status( 1 ) );
		$this->assertSame( array( 'Casual' ), $this->shop->products->terms[1]['product_tag'] );
	}

	public function test_image_change_during_write_back_is_ignored(): void {
		Wp::post( 2 );
		WriteGuard::during(
			2,
			static function (): void {
				// An extension that regenerates the featured image on save.
				update_post_meta( 2, '_thumbnail_id', 200 );
			}
		);
		$this->assertSame( 0, $this->annotate_jobs() );
		$this->assertArrayNotHasKey( AnnotationMeta::WRITING, Wp::$meta[2], 'the flag is cleared afterwards' );
	}

	public function test_meta_flag_covers_a_deferred_save_in_another_request(): void {
		Wp::post( 3 );
		Wp::$meta[3][ AnnotationMeta::WRITING ] = time() - 5;
		update_post_meta( 3, '_thumbnail_id', 300 );
		$this->assertSame( 0, $this->annotate_jobs() );

		// A flag left behind by a crashed write-back stops counting.
		Wp::$meta[3][ AnnotationMeta::WRITING ] = time() - 3600;
		update_post_meta( 3, '_thumbnail_id', 301 );
		$this->assertSame( 1, $this->annotate_jobs() );
	}

	public function test_service_rest_write_back_without_image_change_enqueues_nothing(): void {
		$this->shop->products->add( 4, 400 );
		update_post_meta( 4, '_product_image_gallery', '' );
		$this->shop->run_queue();
		$before = $this->annotate_jobs();
		// What PUT /wp-json/wc/v3/products/4 with tags does: meta rewritten, update action fired.
		update_post_meta( 4, '_thumbnail_id', 400 );
		do_action( 'woocommerce_update_product', 4 );
		$this->assertSame( $before, $this->annotate_jobs() );
	}

	public function test_a_person_changing_the_image_afterwards_still_enqueues(): void {
		$this->shop->products->add( 5, 500 );
		update_post_meta( 5, '_thumbnail_id', 500 );
		$this->shop->run_queue();
		update_post_meta( 5, '_thumbnail_id', 501 );
		$this->assertSame( 1, $this->annotate_jobs() );
	}
}
