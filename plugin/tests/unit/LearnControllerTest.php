<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\CatalogLearning;
use KalasIris\Rest\LearnController;
use KalasIris\Service\HttpTransport;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use KalasIris\Tests\FakeCatalog;
use KalasIris\Tests\FakeProducts;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The admin's view of the last learning: the plugin's record of its last run, and the
 * service's own status, as the service also learns by itself after corrections. A
 * service that is down does not hide the record.
 */
final class LearnControllerTest extends TestCase {

	/** @var list<string> */
	public array $requests = array();
	/** @var array{status: int, headers: array<string, string>, body: string}|ServiceError */
	public $answer;

	private const RECORD = array(
		'products'   => 120,
		'labelled'   => 96,
		'missing'    => 0,
		'report'     => array(
			'fields'      => array( 'category' => array( 'labels' => 7, 'examples' => 96, 'holdout_accuracy' => 0.91, 'seconds' => 0.4 ) ),
			'corrections' => 2,
		),
		'learned_at' => '2026-11-27T17:20:00+00:00',
	);

	protected function setUp(): void {
		Wp::reset();
		$test      = $this;
		$transport = new class( $test ) implements HttpTransport {
			public function __construct( private LearnControllerTest $test ) {
			}
			public function request( string $method, string $url, array $headers, ?string $body, float $timeout ): array {
				$this->test->requests[] = "$method $url";
				if ( $this->test->answer instanceof ServiceError ) {
					throw $this->test->answer;
				}
				return $this->test->answer;
			}
		};
		$learning = new CatalogLearning( new FakeCatalog(), new FakeProducts(), new AnnotationMeta(), static fn() => new ServiceClient( 'http://svc', 'key-12345678', $transport ) );
		( new LearnController( $learning ) )->register_routes();
	}

	/**
	 * GET /learn's answer.
	 *
	 * @return mixed
	 */
	private function get() {
		foreach ( Wp::$routes['kalas-iris/v1/learn'] as $endpoint ) {
			if ( \WP_REST_Server::READABLE === $endpoint['methods'] ) {
				return $endpoint['callback']();
			}
		}
		$this->fail( 'no GET endpoint' );
	}

	/**
	 * @param array<string, mixed> $status GET /v1/learn's answer.
	 */
	private function service_answers( array $status ): void {
		$this->answer = array( 'status' => 200, 'headers' => array(), 'body' => (string) json_encode( $status ) );
	}

	public function test_the_services_status_comes_with_the_plugins_record(): void {
		Wp::$options[ CatalogLearning::OPTION ] = self::RECORD;
		$category                               = array( 'labels' => array( 'Dresses', 'Tees & Tanks' ), 'examples' => 98, 'holdout_accuracy' => 0.87, 'trained_at' => '2026-11-28T01:20:00.000Z' );
		$this->service_answers( array( 'fields' => array( 'category' => $category ), 'running' => true, 'next_run_at' => '2026-11-28T01:21:00.000Z' ) );

		$answer = $this->get();

		$this->assertSame( array( 'GET http://svc/v1/learn' ), $this->requests );
		$this->assertSame( self::RECORD, array_intersect_key( $answer, self::RECORD ), 'the record as before' );
		$this->assertEquals( (object) array( 'category' => $category ), $answer['service']['fields'] );
		$this->assertTrue( $answer['service']['running'] );
		$this->assertSame( '2026-11-28T01:21:00.000Z', $answer['service']['next_run_at'] );
		$this->assertNull( $answer['service_error'] );
	}

	public function test_a_service_that_is_down_or_failing_leaves_the_record_and_says_why(): void {
		Wp::$options[ CatalogLearning::OPTION ] = self::RECORD;
		$failures                               = array(
			new ServiceError( ServiceError::UNREACHABLE, 'The Kalas Iris service did not answer.' ),
			array( 'status' => 503, 'headers' => array(), 'body' => '{"error":{"code":"overloaded","message":"The service is busy."}}' ),
			// A service from before GET /v1/learn.
			array( 'status' => 404, 'headers' => array(), 'body' => '{"error":{"code":"route_not_found","message":"No route GET /v1/learn."}}' ),
		);
		foreach ( $failures as $failure ) {
			$this->answer = $failure;
			$answer       = $this->get();
			$this->assertIsArray( $answer, 'not an error for the whole route' );
			$this->assertSame( self::RECORD, array_intersect_key( $answer, self::RECORD ) );
			$this->assertArrayHasKey( 'service', $answer );
			$this->assertNull( $answer['service'] );
			$this->assertStringStartsWith( 'Could not ask the Kalas Iris service what it has learned: ', $answer['service_error'] );
		}
		$this->assertStringEndsWith( 'No route GET /v1/learn.', $answer['service_error'] );
	}

	public function test_a_shop_that_never_learned_says_so_with_the_services_status(): void {
		$this->service_answers( array( 'fields' => (object) array(), 'running' => false, 'next_run_at' => null ) );

		$answer = $this->get();

		$this->assertFalse( $answer['learned'] );
		$this->assertArrayNotHasKey( 'report', $answer );
		$this->assertSame( '{"fields":{},"running":false,"next_run_at":null}', json_encode( $answer['service'] ), 'no fields is still an object' );

		$this->answer = new ServiceError( ServiceError::UNREACHABLE, 'The Kalas Iris service did not answer.' );
		$answer       = $this->get();
		$this->assertFalse( $answer['learned'] );
		$this->assertNull( $answer['service'] );
		$this->assertNotEmpty( $answer['service_error'] );
	}
}
