<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\LearnJob;
use KalasIris\Products\CatalogLearning;
use KalasIris\Service\ServiceError;
use KalasIris\Support\Logger;
use KalasIris\Tests\FakeCatalog;
use KalasIris\Tests\Harness;
use PHPUnit\Framework\TestCase;

/**
 * The shop's own categories reach the service's catalogue learning: with each product
 * indexed, and for every indexed product when the owner asks to learn. What the plugin
 * wrote itself is never sent back as the owner's.
 */
final class CatalogLearningTest extends TestCase {

	private Harness $shop;

	protected function setUp(): void {
		$this->shop = new Harness( array( 'mode' => 'auto', 'set_category' => true ) );
		foreach ( array( 1, 2, 3 ) as $id ) {
			$this->shop->products->add( $id, 100 + $id );
		}
		$this->shop->products->terms[1]['product_cat'] = array( 'Tees & Tanks' );
		$this->shop->products->terms[3]['product_cat'] = array( 'Women', 'Dresses' );
	}

	/**
	 * @param list<array{id: string, labels: object}> $items A batch.
	 * @return array<string, array<string, string>>
	 */
	private static function by_id( array $items ): array {
		$out = array();
		foreach ( $items as $item ) {
			$out[ $item['id'] ] = (array) $item['labels'];
		}
		return $out;
	}

	public function test_indexing_sends_the_owners_one_category_and_nothing_ambiguous(): void {
		foreach ( array( 1, 2, 3 ) as $id ) {
			$this->shop->job->annotate( $id );
		}
		$this->assertSame( array( 'category' => 'Tees & Tanks' ), $this->shop->client->labels_sent[1] );
		$this->assertSame( array(), $this->shop->client->labels_sent[2], 'no category of its own' );
		$this->assertSame( array(), $this->shop->client->labels_sent[3], 'two categories: which is the garment is unclear' );
		// Auto mode wrote the model's "Dresses" onto product 2; annotated again, it is still not the owner's.
		$this->assertSame( array( 'Dresses' ), $this->shop->products->terms[2]['product_cat'] );
		$this->shop->job->annotate( 2 );
		$this->assertSame( array(), $this->shop->client->labels_sent[2] );
	}

	public function test_the_background_job_retries_while_the_service_is_away_and_keeps_the_last_result(): void {
		foreach ( array( 1, 2, 3 ) as $id ) {
			$this->shop->job->annotate( $id );
		}
		$learning = new CatalogLearning( new FakeCatalog(), $this->shop->products, $this->shop->meta, fn() => $this->shop->client );
		$job      = new LearnJob( $learning, $this->shop->scheduler, new Logger() );
		$this->assertNull( $learning->last() );

		$this->shop->client->errors = array( new ServiceError( ServiceError::UNREACHABLE, 'down' ) );
		$job->handle( array() );
		$this->assertNull( $learning->last() );
		$retry = array_pop( $this->shop->scheduler->jobs );
		$this->assertSame( LearnJob::HOOK, $retry['hook'] );
		$this->assertSame( 1, $retry['args']['attempt'] );

		$job->handle( $retry['args'] );
		$last = $learning->last();
		$this->assertSame( 1, $last['labelled'] ?? null );
		$this->assertSame( 2, $last['report']['fields']['category']['labels'] ?? null );
		$this->assertNotEmpty( $last['learned_at'] );
	}

	public function test_learning_sends_every_indexed_products_current_category_then_learns(): void {
		foreach ( array( 1, 2, 3 ) as $id ) {
			$this->shop->job->annotate( $id );
		}
		// The owner files product 2 without changing its photo: no new annotation is made.
		$this->shop->products->terms[2]['product_cat'][] = 'Frocks';
		$learning = new CatalogLearning( new FakeCatalog(), $this->shop->products, $this->shop->meta, fn() => $this->shop->client );

		$result = $learning->run();

		$this->assertCount( 1, $this->shop->client->label_batches );
		$this->assertSame(
			array(
				'1' => array( 'category' => 'Tees & Tanks' ),
				'2' => array( 'category' => 'Frocks' ),
				'3' => array(),
			),
			self::by_id( $this->shop->client->label_batches[0] )
		);
		$this->assertSame( 'learn', end( $this->shop->client->calls ) );
		$this->assertSame( array( 3, 2, 0 ), array( $result['products'], $result['labelled'], $result['missing'] ) );
		$this->assertSame( 2, $result['report']['fields']['category']['labels'] );
	}
}
