<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\BackfillJob;
use KalasIris\Jobs\BackfillProgress;
use KalasIris\Jobs\LearnJob;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Tests\FakeCatalog;
use KalasIris\Service\ServiceError;
use KalasIris\Support\Logger;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * Chunked backfill: progress, pause/resume, waiting for the service.
 */
final class BackfillJobTest extends TestCase {

	private Harness $shop;
	private BackfillJob $backfill;
	private int $now = 1_700_000_000;

	protected function setUp(): void {
		$this->shop = new Harness( array( 'mode' => 'review' ) );
		for ( $id = 1; $id <= 45; $id++ ) {
			$this->shop->products->add( $id, 1000 + $id );
		}
		$catalog        = new FakeCatalog();
		$this->backfill = new BackfillJob(
			$catalog,
			$this->shop->job,
			$this->shop->scheduler,
			$this->shop->meta,
			new Logger(),
			fn(): int => $this->now
		);
		$this->backfill->register();
	}

	public function test_runs_in_batches_to_done(): void {
		$progress = $this->backfill->start();
		$this->assertSame( 'running', $progress['state'] );
		$this->assertSame( 45, $progress['total'] );

		$this->now += 10;
		$this->assertSame( 1, $this->run_one_batch() );
		$progress = $this->backfill->progress();
		$this->assertSame( BackfillJob::BATCH, $progress['done'] );
		$this->assertSame( 13, $progress['eta_seconds'], '10 s for 20 products, 25 left' );

		$this->shop->run_queue();
		$progress = $this->backfill->progress();
		$this->assertSame( 'done', $progress['state'] );
		$this->assertSame( 45, $progress['done'] );
		$this->assertSame( 0, $progress['failed'] );
	}

	public function test_pause_and_resume_keep_the_cursor(): void {
		$this->backfill->start();
		$this->run_one_batch();
		$this->backfill->pause();
		$this->assertSame( array(), $this->shop->scheduler->jobs, 'pausing cancels the next batch' );
		$this->assertSame( 'paused', $this->backfill->progress()['state'] );
		$this->assertSame( 'paused', $this->backfill->start()['state'], 'start does not restart a paused run' );

		$this->backfill->resume();
		$this->shop->run_queue();
		$progress = $this->backfill->progress();
		$this->assertSame( 'done', $progress['state'] );
		$this->assertSame( 45, $progress['done'] );
		$this->assertCount( 45, array_unique( $this->shop->client->calls ), 'no product twice' );
	}

	public function test_a_pause_during_a_batch_wins_and_keeps_the_progress(): void {
		$this->backfill->start();
		$backfill                       = $this->backfill;
		$this->shop->client->during_put = static function ( int $id ) use ( $backfill ): void {
			if ( 5 === $id ) {
				$backfill->pause();
			}
		};
		$this->run_one_batch();
		$progress = $this->backfill->progress();
		$this->assertSame( 'paused', $progress['state'] );
		$this->assertSame( BackfillJob::BATCH, $progress['done'], 'the batch still counts what it did' );
		$this->assertSame( array(), $this->shop->scheduler->jobs, 'no next batch after a pause' );

		$this->shop->client->during_put = null;
		$this->backfill->resume();
		$this->shop->run_queue();
		$this->assertSame( 45, $this->backfill->progress()['done'] );
		$this->assertCount( 45, array_unique( $this->shop->client->calls ), 'no product twice' );
	}

	public function test_service_down_waits_without_losing_products(): void {
		$this->backfill->start();
		$this->shop->client->errors = array( new ServiceError( ServiceError::UNREACHABLE, 'down' ) );
		$this->run_one_batch();
		$progress = $this->backfill->progress();
		$this->assertSame( 'running', $progress['state'] );
		$this->assertSame( 0, $progress['done'] + $progress['failed'] );
		$this->assertSame( 'service_unreachable', $progress['error']['code'] );
		$this->assertSame( $this->now + 60, $this->shop->scheduler->jobs[0]['at'] );

		// The retry comes due and the service is back.
		$this->shop->scheduler->jobs[0]['at'] = null;
		$this->shop->run_queue();
		$this->assertSame( 45, $this->backfill->progress()['done'] );
	}

	public function test_rejected_products_count_as_failed(): void {
		$this->backfill->start();
		$this->shop->client->errors = array( new ServiceError( 'not_an_image', 'no', 400 ) );
		$this->shop->run_queue();
		$progress = $this->backfill->progress();
		$this->assertSame( 1, $progress['failed'] );
		$this->assertSame( 44, $progress['done'] );
		$this->assertSame( 'failed', $this->shop->meta->status( 1 ) );
	}

	public function test_ten_thousand_products_in_batches_of_twenty(): void {
		for ( $id = 46; $id <= 10000; $id++ ) {
			$this->shop->products->add( $id, 20000 + $id );
		}
		$this->backfill->start();
		$this->assertSame( 10000, $this->backfill->progress()['total'] );

		$hooks = array();
		while ( null !== ( $job = array_shift( $this->shop->scheduler->jobs ) ) ) {
			$hooks[] = $job['hook'];
			do_action( $job['hook'], $job['args'] );
		}
		$progress = $this->backfill->progress();
		$this->assertSame( 'done', $progress['state'] );
		$this->assertSame( 10000, $progress['done'] );
		$this->assertSame( 501, count( array_keys( $hooks, BackfillJob::HOOK, true ) ), '500 batches of 20, and one that finds nothing left' );
		$this->assertSame( LearnJob::HOOK, end( $hooks ), 'the indexed catalogue is learned once, at the end' );
		$this->assertCount( 1, array_keys( $hooks, LearnJob::HOOK, true ) );
		$this->assertCount( 10000, array_unique( $this->shop->client->calls ) );
	}

	public function test_a_batch_killed_by_a_timeout_is_revived_by_the_next_progress_check(): void {
		$this->backfill->start();
		$this->run_one_batch();
		// The next batch dies with PHP: it is gone from the queue and never saves progress.
		array_shift( $this->shop->scheduler->jobs );

		$this->now += 60;
		$this->backfill->progress();
		$this->assertSame( array(), $this->shop->scheduler->jobs, 'a minute is not a stall' );

		$this->now += 300;
		$this->backfill->progress();
		$this->assertCount( 1, $this->shop->scheduler->jobs, 'a stalled run gets a new batch' );
		$this->backfill->progress();
		$this->assertCount( 1, $this->shop->scheduler->jobs, 'only one' );

		$this->shop->run_queue();
		$this->assertSame( 45, $this->backfill->progress()['done'] );
	}

	public function test_eta_is_null_until_something_was_processed(): void {
		$view = BackfillProgress::view( BackfillProgress::start( 10, 100 ), 100 );
		$this->assertNull( $view['eta_seconds'] );
		$this->assertArrayNotHasKey( 'cursor', $view );
	}

	private function run_one_batch(): int {
		$job = array_shift( $this->shop->scheduler->jobs );
		if ( null === $job ) {
			return 0;
		}
		do_action( $job['hook'], $job['args'] );
		return 1;
	}
}
