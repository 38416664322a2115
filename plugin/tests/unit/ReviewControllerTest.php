<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\ReviewService;
use KalasIris\Products\WpCatalog;
use KalasIris\Rest\ReviewController;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The review routes take a person's edits strictly: a label they cannot store as typed
 * is refused, not cut short, and only products are decided on.
 */
final class ReviewControllerTest extends TestCase {

	private Harness $shop;

	protected function setUp(): void {
		$this->shop = new Harness( array( 'mode' => 'review' ) );
		$this->shop->products->add( 1, 10 );
		$this->shop->products->add( 2, 20 );
		$this->shop->job->annotate( 1 );
		$this->shop->job->annotate( 2 );
		( new ReviewController( new WpCatalog(), $this->shop->meta, new ReviewService( $this->shop->write, $this->shop->meta, $this->shop->scheduler ) ) )->register_routes();
	}

	/**
	 * POST /review/{id} as WordPress hands it over: the path id in the URL params.
	 *
	 * @param int                  $id    Path id.
	 * @param array<string, mixed> $body  JSON body.
	 * @param array<string, mixed> $query Query string.
	 * @return mixed
	 */
	private function decide( int $id, array $body, array $query = array() ) {
		$request = new \WP_REST_Request( array( 'content-type' => 'application/json' ) );
		$request->set_body( (string) json_encode( $body ) );
		$request->set_url_params( array( 'id' => (string) $id ) );
		$request->set_query_params( $query );
		return ( Wp::$routes['kalas-iris/v1/review/(?P<id>\d+)'][0]['callback'] )( $request );
	}

	/**
	 * @return array<string, array{0: mixed}>
	 */
	public static function bad_labels(): array {
		return array(
			'a list'               => array( array( 1, 2 ) ),
			'a string'             => array( 'Dresses' ),
			'unknown key'          => array( array( 'categories' => 'Dresses' ) ),
			'category not string'  => array( array( 'category' => array( 'Dresses' ) ) ),
			'attributes a list'    => array( array( 'attributes' => array( 'Striped' ) ) ),
			'attribute field name' => array( array( 'attributes' => array( 'BAD KEY' => 'x' ) ) ),
			'field name newline'   => array( array( 'attributes' => array( "usage\n" => 'Casual' ) ) ),
			'attribute not string' => array( array( 'attributes' => array( 'usage' => 3 ) ) ),
			'colors an object'     => array( array( 'colors' => array( 'main' => 'red' ) ) ),
			'color not string'     => array( array( 'colors' => array( array( 'red' ) ) ) ),
			'control character'    => array( array( 'category' => "Dress\0es" ) ),
			'newline in a colour'  => array( array( 'colors' => array( "red\nblue" ) ) ),
			'category too long'    => array( array( 'category' => str_repeat( 'a', 101 ) ) ),
			'attribute too long'   => array( array( 'attributes' => array( 'usage' => str_repeat( 'é', 101 ) ) ) ),
			'colour too long'      => array( array( 'colors' => array( str_repeat( 'b', 51 ) ) ) ),
			'too many colours'     => array( array( 'colors' => array_map( 'strval', range( 1, 11 ) ) ) ),
		);
	}

	/**
	 * @dataProvider bad_labels
	 * @param mixed $labels Bad labels.
	 */
	public function test_labels_that_cannot_be_stored_as_typed_are_refused( $labels ): void {
		$answer = $this->decide( 1, array( 'decision' => 'accept', 'labels' => $labels ) );
		$this->assertInstanceOf( \WP_Error::class, $answer );
		$this->assertSame( 'invalid_labels', $answer->code );
		$this->assertSame( 400, $answer->data['status'] );
		$this->assertSame( 'review', $this->shop->meta->status( 1 ), 'nothing was applied' );
		$this->assertSame( 0, $this->shop->products->saves );
	}

	public function test_labels_at_the_limits_and_no_labels_are_accepted(): void {
		$labels = array( 'category' => str_repeat( 'é', 100 ), 'attributes' => array( 'usage' => str_repeat( 'a', 100 ), 'pattern' => '' ), 'colors' => array( str_repeat( 'b', 50 ) ) );
		$this->assertSame( array( 'id' => 1, 'status' => 'applied' ), $this->decide( 1, array( 'decision' => 'accept', 'labels' => $labels ) ) );
		$this->assertSame( array( str_repeat( 'b', 50 ) ), $this->shop->products->terms[1]['pa_color'] );
		$this->assertSame( array( 'id' => 2, 'status' => 'applied' ), $this->decide( 2, array( 'decision' => 'accept', 'labels' => null ) ) );
	}

	public function test_an_id_that_is_no_product_is_not_found_and_a_product_not_in_review_conflicts(): void {
		Wp::post( 7, 'page' );
		foreach ( array( 7, 99999999 ) as $id ) {
			$answer = $this->decide( $id, array( 'decision' => 'reject' ) );
			$this->assertSame( 'product_not_found', $answer->code, "id $id" );
			$this->assertSame( 404, $answer->data['status'] );
		}
		$this->shop->products->add( 3, 30 );
		$answer = $this->decide( 3, array( 'decision' => 'reject' ) );
		$this->assertSame( 'not_in_review', $answer->code );
		$this->assertSame( 409, $answer->data['status'] );
	}

	public function test_the_path_id_wins_over_an_id_in_the_query_or_body(): void {
		$this->decide( 1, array( 'decision' => 'reject', 'id' => 2 ), array( 'id' => '2' ) );
		$this->assertSame( 'rejected', $this->shop->meta->status( 1 ) );
		$this->assertSame( 'review', $this->shop->meta->status( 2 ) );
	}

	public function test_bulk_ids_are_positive_integers_that_fit(): void {
		$arg      = Wp::$routes['kalas-iris/v1/review/bulk'][0]['args']['ids'];
		$request  = new \WP_REST_Request();
		$validate = $arg['validate_callback'];
		$this->assertSame( 1, $arg['items']['minimum'] );
		$this->assertTrue( $validate( array( 1, '2', PHP_INT_MAX ), $request, 'ids' ) );
		foreach ( array( array( 0 ), array( -3 ), array( 1.0E+20 ), json_decode( '[9223372036854775808]', true ), array( '99999999999999999999' ), array( 'x' ), array( true ) ) as $ids ) {
			$error = $validate( $ids, $request, 'ids' );
			$this->assertInstanceOf( \WP_Error::class, $error, (string) json_encode( $ids ) );
			$this->assertSame( 400, $error->data['status'] );
		}
	}

	public function test_the_total_is_counted_on_any_page_and_pages_are_bounded(): void {
		\WP_Query::$result = array( 1, 2 );
		$list              = Wp::$routes['kalas-iris/v1/review'][0];
		$request           = new \WP_REST_Request();
		$request->set_query_params( array( 'page' => 99999999, 'per_page' => 20 ) );
		$answer = ( $list['callback'] )( $request );
		$this->assertSame( array(), $answer['items'] );
		$this->assertSame( 2, $answer['total'] );
		$this->assertSame( 100000, $list['args']['page']['maximum'] );
	}
}
