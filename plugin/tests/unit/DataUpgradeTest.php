<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\DataUpgrade;
use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Support\Logger;
use KalasIris\Tests\FakeCatalog;
use KalasIris\Tests\FakeProducts;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * Products an earlier version indexed while shoppers could not see them leave the index after
 * the update, once, in the background.
 */
final class DataUpgradeTest extends TestCase {

	private Harness $shop;

	protected function setUp(): void {
		$this->shop = new Harness();
		( new DataUpgrade( new FakeCatalog(), $this->shop->products, $this->shop->scheduler, $this->shop->meta, new Logger() ) )->register();
	}

	/**
	 * A product as an earlier version left it: annotated and indexed, with a record without `indexed`.
	 *
	 * @param int                  $id     Product id.
	 * @param string               $status Post status.
	 * @param array<string, mixed> $record Extra record fields.
	 * @param string               $type   Post type.
	 */
	private function annotated( int $id, string $status, array $record = array(), string $type = 'product' ): void {
		Wp::post( $id, $type, $status );
		Wp::$meta[ $id ]['_thumbnail_id']              = 100 + $id;
		Wp::$meta[ $id ][ AnnotationMeta::ANNOTATION ] = (string) json_encode( $record + array( 'image_id' => 100 + $id, 'suggestion' => array( 'category' => 'Dresses' ) ) );
		Wp::$meta[ $id ][ AnnotationMeta::STATUS ]     = 'review';
	}

	/**
	 * A page load after the update: WordPress starts, Action Scheduler is ready.
	 */
	private function load(): void {
		do_action( 'action_scheduler_init' );
	}

	/**
	 * Runs the upgrade's batches as a queue runner would, leaving the other jobs queued.
	 *
	 * @return int Batches run.
	 */
	private function run_upgrade(): int {
		$ran = 0;
		while ( array() !== ( $batches = $this->shop->scheduler->of( DataUpgrade::HOOK ) ) ) {
			$index = array_search( $batches[0], $this->shop->scheduler->jobs, true );
			array_splice( $this->shop->scheduler->jobs, (int) $index, 1 );
			do_action( DataUpgrade::HOOK, $batches[0]['args'] );
			++$ran;
		}
		return $ran;
	}

	/**
	 * @return list<int> Products with a removal queued.
	 */
	private function removals(): array {
		return array_map( static fn( array $job ): int => $job['args']['product_id'], $this->shop->scheduler->of( RemoveProductJob::HOOK ) );
	}

	public function test_what_shoppers_cannot_see_leaves_the_index_and_the_rest_stays(): void {
		$this->annotated( 1, 'draft' );
		$this->annotated( 2, 'publish' );
		$this->annotated( 3, 'private', array( 'indexed' => true ) );
		$this->annotated( 4, 'publish' );
		FakeProducts::set_catalog_visibility( 4, 'hidden' );
		$this->annotated( 5, 'publish' );
		Wp::$posts[5]['password'] = 'preview';
		$this->annotated( 6, 'draft', array( 'indexed' => false ) ); // Taken out already.
		$this->annotated( 7, 'draft', array(), 'product_variation' ); // Never indexed.
		$this->annotated( 8, 'future' );
		$this->annotated( 9, 'publish' );
		FakeProducts::set_catalog_visibility( 9, 'search' );
		Wp::post( 10, 'product', 'draft' ); // Not annotated.
		$untouched = array( 2 => Wp::$meta[2][ AnnotationMeta::ANNOTATION ], 9 => Wp::$meta[9][ AnnotationMeta::ANNOTATION ] );

		$this->load();
		$this->assertSame( DataUpgrade::VERSION, get_option( DataUpgrade::OPTION ) );
		$this->assertSame( 1, $this->run_upgrade() );

		$this->assertSame( array( 1, 3, 4, 5, 8 ), $this->removals() );
		foreach ( array( 1, 3, 4, 5, 8 ) as $id ) {
			$record = $this->shop->meta->get_json( $id, AnnotationMeta::ANNOTATION );
			$this->assertFalse( $record['indexed'] ?? null, "product $id" );
			$this->assertSame( 'Dresses', $record['suggestion']['category'] ?? null, 'the rest of the record stays' );
			$this->assertSame( 'review', $this->shop->meta->status( $id ), 'and the review with it' );
		}
		$this->assertSame( $untouched, array( 2 => Wp::$meta[2][ AnnotationMeta::ANNOTATION ], 9 => Wp::$meta[9][ AnnotationMeta::ANNOTATION ] ) );
		$this->assertSame( array(), $this->shop->client->calls, 'no photo is sent again' );
	}

	public function test_a_product_taken_out_is_indexed_when_it_is_published(): void {
		$this->annotated( 1, 'draft' );
		Wp::$meta[1][ AnnotationMeta::VISIBLE ] = '1'; // Published when last looked at, unpublished since without a hook.
		$this->load();
		$this->run_upgrade();
		$this->shop->scheduler->jobs = array();

		Wp::$posts[1]['status'] = 'publish';
		do_action( 'transition_post_status', 'publish', 'draft', (object) array( 'ID' => 1 ) );
		$this->shop->run_queue();
		$this->assertSame( array( 'put:1' ), $this->shop->client->calls );
		$this->assertSame( 'review', $this->shop->meta->status( 1 ) );
	}

	public function test_a_large_catalogue_goes_in_batches(): void {
		for ( $id = 1; $id <= 250; $id++ ) {
			$this->annotated( $id, 0 === $id % 2 ? 'draft' : 'publish' );
		}
		$this->load();
		$this->assertSame( 3, $this->run_upgrade(), '100, 100 and 50 products' );
		$this->assertSame( range( 2, 250, 2 ), $this->removals() );
	}

	public function test_it_runs_once(): void {
		$this->annotated( 1, 'draft' );
		$this->load();
		$this->load();
		$this->assertCount( 1, $this->shop->scheduler->of( DataUpgrade::HOOK ), 'two page loads, one upgrade' );
		$this->run_upgrade();
		$this->shop->scheduler->jobs = array();

		$this->annotated( 2, 'draft' ); // As if an earlier version had indexed it; this one never would.
		$this->load();
		$this->assertSame( array(), $this->shop->scheduler->jobs, 'the data is at this version: nothing more to do' );
	}

	public function test_two_requests_that_both_read_the_old_version_queue_one_upgrade(): void {
		$this->annotated( 1, 'draft' );
		$this->load();
		unset( Wp::$options[ DataUpgrade::OPTION ] ); // The other request read the option before this one wrote it.
		$this->load();
		$this->assertCount( 1, $this->shop->scheduler->of( DataUpgrade::HOOK ) );

		$this->run_upgrade();
		do_action( DataUpgrade::HOOK, array( 'after' => 0 ) ); // Even run twice.
		$this->assertSame( array( 1 ), $this->removals() );
	}
}
