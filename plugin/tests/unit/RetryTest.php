<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\Backoff;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Service\ServiceError;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * Backoff schedule, and jobs surviving a service that is down.
 */
final class RetryTest extends TestCase {

	public function test_backoff_schedule(): void {
		$minutes = array();
		for ( $failures = 1; $failures <= Backoff::MAX_ATTEMPTS; $failures++ ) {
			$delay     = Backoff::delay( $failures );
			$minutes[] = null === $delay ? null : $delay / 60;
		}
		$this->assertSame( array( 1, 2, 4, 8, 16, 32, 60, null ), $minutes );
	}

	public function test_retry_after_is_honoured_short_or_long_but_capped(): void {
		$this->assertSame( 300, Backoff::delay( 1, 300 ) );
		$this->assertSame( 10, Backoff::delay( 2, 10 ) );
		$this->assertSame( 120, Backoff::delay( 2, null ) );
		$this->assertSame( 3600, Backoff::delay( 1, 99999 ) );
	}

	public function test_service_down_reschedules_with_backoff_then_completes(): void {
		$shop = new Harness( array( 'mode' => 'review' ) );
		$shop->products->add( 1, 10 );
		$shop->client->errors = array(
			new ServiceError( ServiceError::UNREACHABLE, 'down' ),
			new ServiceError( 'overloaded', 'busy', 503, 30 ),
		);

		$shop->job->handle( AnnotateProductJob::args( 1, 0 ) );
		$this->assertSame( 'retrying', $shop->meta->status( 1 ) );
		$job = $shop->scheduler->jobs[0];
		$this->assertSame( AnnotateProductJob::args( 1, 1 ), $job['args'] );
		$this->assertEqualsWithDelta( time() + 60, $job['at'], 2 );

		// A busy service names its wait (Retry-After 30 s): that wait is used, not the 2-minute backoff.
		$shop->job->handle( $job['args'] );
		$this->assertEqualsWithDelta( time() + 30, $shop->scheduler->jobs[1]['at'], 2 );
		$state = $shop->meta->get_json( 1, AnnotationMeta::JOB );
		$this->assertSame( 2, $state['attempt'] );
		$this->assertSame( 'overloaded', $state['error']['code'] );

		// The service is back: the pending job completes.
		$shop->job->handle( $shop->scheduler->jobs[1]['args'] );
		$this->assertSame( 'review', $shop->meta->status( 1 ) );
		$this->assertSame( array(), $shop->meta->get_json( 1, AnnotationMeta::JOB ) );
		$stored = $shop->meta->get_json( 1, AnnotationMeta::ANNOTATION );
		$this->assertSame( 'kalas-fashion-mnv2', $stored['model']['name'] );
		$this->assertSame( 'Dresses', $stored['suggestion']['category'] );
	}

	public function test_last_attempt_marks_the_product_failed(): void {
		$shop = new Harness();
		$shop->products->add( 2, 20 );
		$shop->client->errors = array( new ServiceError( ServiceError::UNREACHABLE, 'down' ) );
		$shop->job->handle( AnnotateProductJob::args( 2, Backoff::MAX_ATTEMPTS - 1 ) );
		$this->assertSame( 'failed', $shop->meta->status( 2 ) );
		$this->assertSame( array(), $shop->scheduler->jobs );
	}

	public function test_a_rejected_image_is_not_retried(): void {
		$shop = new Harness();
		$shop->products->add( 3, 30 );
		$shop->client->errors = array( new ServiceError( 'not_an_image', 'That file is not an image.', 400 ) );
		$shop->job->handle( AnnotateProductJob::args( 3, 0 ) );
		$this->assertSame( 'failed', $shop->meta->status( 3 ) );
		$this->assertSame( array(), $shop->scheduler->jobs );
	}

	public function test_products_without_a_photo_or_in_the_trash_need_no_service(): void {
		$shop = new Harness();
		$shop->products->add( 4, 0 );
		$this->assertSame( 'no_image', $shop->job->annotate( 4 ) );
		$shop->products->add( 5, 50 );
		Wp::$posts[5]['status'] = 'trash';
		$this->assertSame( 'skipped', $shop->job->annotate( 5 ) );
		$this->assertSame( 'skipped', $shop->job->annotate( 999 ) );
		$this->assertSame( array(), $shop->client->calls );
	}

	public function test_a_missing_api_key_waits_for_the_settings_instead_of_retrying(): void {
		$shop = new Harness();
		$shop->products->add( 6, 60 );
		$shop->client->errors = array( new ServiceError( ServiceError::NOT_CONFIGURED, 'Set the key.' ) );
		$shop->job->handle( AnnotateProductJob::args( 6, 0 ) );
		$this->assertSame( 'not_configured', $shop->meta->status( 6 ) );
		$this->assertSame( array(), $shop->scheduler->jobs );
	}
}
