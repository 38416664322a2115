<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\FeedbackJob;
use KalasIris\Products\ReviewService;
use KalasIris\Tests\Harness;
use PHPUnit\Framework\TestCase;

/**
 * Review mode: nothing is written until a person accepts; edits become feedback.
 */
final class ReviewServiceTest extends TestCase {

	public function test_review_mode_writes_nothing_until_accepted_and_edits_become_feedback(): void {
		$shop = new Harness( array( 'mode' => 'review' ) );
		$shop->products->add( 1, 10 );
		$shop->products->terms[1] = array( 'product_tag' => array( 'new-in' ) );
		$this->assertSame( 'review', $shop->job->annotate( 1 ) );
		$this->assertSame( 0, $shop->products->saves );

		$review = new ReviewService( $shop->write, $shop->meta, $shop->scheduler );
		$review->accept( 1, array( 'category' => 'Dresses', 'attributes' => array( 'usage' => 'Formal', 'BAD KEY' => 'x' ), 'colors' => array( 'navy' ) ) );

		$this->assertSame( array( 'new-in', 'Formal' ), $shop->products->terms[1]['product_tag'] );
		$this->assertSame( array( 'navy' ), $shop->products->terms[1]['pa_color'] );
		$this->assertSame( 'applied', $shop->meta->status( 1 ) );

		$feedback = $shop->scheduler->of( FeedbackJob::HOOK );
		$this->assertCount( 1, $feedback );
		$body = json_decode( (string) json_encode( $feedback[0]['args']['feedback'] ), true );
		$this->assertSame( '1', $body['product_id'] );
		$this->assertSame( array( 'usage' => 'Formal' ), $body['attributes'] );
		$this->assertSame( array( 'navy' ), $body['colors'] );
		$this->assertSame( array( 'usage' => 'Casual', 'pattern' => 'Striped' ), $body['original']['attributes'] );
		$this->assertSame( array( 'red' ), $body['original']['colors'] );
		$this->assertCount( 0, $shop->scheduler->of( AnnotateProductJob::HOOK ), 'accepting enqueues no annotation' );
	}

	public function test_an_accepted_edit_is_written_next_to_a_persons_attribute(): void {
		$shop = new Harness( array( 'mode' => 'review' ) );
		$shop->products->add( 3, 30 );
		$shop->products->terms[3] = array( 'pa_color' => array( 'grey' ) );
		$shop->job->annotate( 3 );
		( new ReviewService( $shop->write, $shop->meta, $shop->scheduler ) )->accept( 3, array( 'colors' => array( 'navy', 'white' ) ) );
		$this->assertSame( array( 'grey', 'navy', 'white' ), $shop->products->terms[3]['pa_color'] );

		// A later automatic annotation does not take the person's colours back.
		$shop->settings->update( array( 'mode' => 'auto' ) );
		$shop->client->annotation['colors'] = array( array( 'name' => 'black', 'hex' => '#000', 'share' => 0.9 ) );
		$shop->job->annotate( 3 );
		$this->assertSame( array( 'grey', 'navy', 'white' ), $shop->products->terms[3]['pa_color'] );
	}

	public function test_reject_writes_nothing(): void {
		$shop = new Harness( array( 'mode' => 'review' ) );
		$shop->products->add( 2, 20 );
		$shop->job->annotate( 2 );
		( new ReviewService( $shop->write, $shop->meta, $shop->scheduler ) )->reject( 2 );
		$this->assertSame( 'rejected', $shop->meta->status( 2 ) );
		$this->assertSame( 0, $shop->products->saves );
		$this->assertSame( array(), $shop->scheduler->jobs );
	}
}
