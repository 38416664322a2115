<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\LostJobRecovery;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Tests\Harness;
use PHPUnit\Framework\TestCase;

/**
 * Jobs that die (PHP timeout, fatal error, unexpected exception) are retried, not lost.
 */
final class LostJobRecoveryTest extends TestCase {

	public function test_an_exception_in_the_job_is_retried_with_backoff(): void {
		$shop = new Harness();
		$shop->products->add( 1, 10 );
		$shop->client->errors = array( new \RuntimeException( 'wc_create_attribute failed' ) );
		$shop->job->handle( AnnotateProductJob::args( 1, 0 ) );
		$this->assertSame( 'retrying', $shop->meta->status( 1 ) );
		$this->assertSame( 'internal_error', $shop->meta->get_json( 1, AnnotationMeta::JOB )['error']['code'] );
		$this->assertSame( AnnotateProductJob::args( 1, 1 ), $shop->scheduler->jobs[0]['args'] );
	}

	public function test_a_job_that_died_is_put_back_on_the_schedule(): void {
		$shop    = new Harness();
		$actions = array(
			41 => array( AnnotateProductJob::HOOK, array( AnnotateProductJob::args( 7, 2 ) ) ),
			42 => array( 'woocommerce_cleanup_draft_orders', array() ),
		);
		$recovery = new LostJobRecovery( $shop->job, static fn( int $id ): ?array => $actions[ $id ] ?? null );
		$recovery->register();

		do_action( 'action_scheduler_unexpected_shutdown', 41, array( 'message' => 'Maximum execution time of 30 seconds exceeded' ) );
		$this->assertSame( 'retrying', $shop->meta->status( 7 ) );
		$this->assertSame( AnnotateProductJob::args( 7, 3 ), $shop->scheduler->jobs[0]['args'] );
		$this->assertEqualsWithDelta( time() + 4 * 60, $shop->scheduler->jobs[0]['at'], 2 );
		$this->assertStringContainsString( 'Maximum execution time', $shop->meta->get_json( 7, AnnotationMeta::JOB )['error']['message'] );

		do_action( 'action_scheduler_failed_execution', 41, new \Error( 'Call to undefined function x()' ) );
		$this->assertSame( AnnotateProductJob::args( 7, 3 ), $shop->scheduler->jobs[1]['args'] );

		do_action( 'action_scheduler_failed_action', 42, 300 );
		do_action( 'action_scheduler_failed_action', 99, 300 );
		$this->assertCount( 2, $shop->scheduler->jobs, 'other plugins\' actions are not touched' );
	}
}
