<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Blocks\SimilarProducts;
use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Service\HttpTransport;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use KalasIris\Support\IndexVersion;
use KalasIris\Support\Logger;
use KalasIris\Tests\FakeScheduler;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The similar-products block: service answer filtered and cached, invalidated by the
 * index version, and related products when the service is unreachable.
 */
final class SimilarProductsTest extends TestCase {

	/** @var list<string> */
	private array $requests = array();
	private bool $down = false;
	private bool $stale = false;
	/** @var list<int> What the fake service ranks, best first. */
	private array $ranked = array( 4, 2, 6, 3, 5 );

	protected function setUp(): void {
		Wp::reset();
		foreach ( array( 1, 2, 3, 5, 7 ) as $id ) {
			Wp::$products[ $id ] = new \WC_Product( $id );
		}
		Wp::$products[4] = new \WC_Product( 4, 'draft' );
		Wp::$products[6] = new \WC_Product( 6, 'publish', false );
		Wp::$related[1]  = array( 7, 5 );
	}

	private ?FakeScheduler $scheduler = null;

	private function block(): SimilarProducts {
		$test      = $this;
		$transport = new class( $test ) implements HttpTransport {
			public function __construct( private SimilarProductsTest $test ) {
			}
			public function request( string $method, string $url, array $headers, ?string $body, float $timeout ): array {
				return $this->test->answer( $url, $method );
			}
		};
		return new SimilarProducts( static fn() => new ServiceClient( 'http://svc', 'key-12345678', $transport ), new Logger(), $this->scheduler );
	}

	/**
	 * Fake service.
	 *
	 * @param string $url Requested URL.
	 * @return array{status: int, headers: array<string, string>, body: string}
	 */
	public function answer( string $url, string $method = 'GET' ): array {
		$this->requests[] = 'GET' === $method ? $url : "$method $url";
		if ( $this->down ) {
			throw new ServiceError( ServiceError::UNREACHABLE, 'down' );
		}
		if ( 'POST' === $method ) {
			return array( 'status' => 202, 'headers' => array(), 'body' => '{"state":"running","total":3,"done":0,"failed":0}' );
		}
		if ( $this->stale ) {
			$error = array( 'error' => array( 'code' => 'product_stale', 'message' => 'indexed with another model pack' ) );
			return array( 'status' => 409, 'headers' => array(), 'body' => (string) json_encode( $error ) );
		}
		parse_str( (string) parse_url( $url, PHP_URL_QUERY ), $query );
		$top   = array_slice( $this->ranked, 0, (int) $query['k'] );
		$items = array_map( static fn( int $id ): array => array( 'id' => (string) $id, 'score' => 0.9 ), $top );
		return array( 'status' => 200, 'headers' => array(), 'body' => (string) json_encode( array( 'items' => $items ) ) );
	}

	public function test_keeps_published_visible_products_in_order_and_caches(): void {
		$result = $this->block()->for_product( 1, 2 );
		$this->assertSame( array( 'ids' => array( 2, 3 ), 'source' => 'similar' ), $result );
		$this->assertSame( array( 'http://svc/v1/products/1/similar?k=6' ), $this->requests );

		$this->block()->for_product( 1, 2 );
		$this->assertCount( 1, $this->requests, 'the second view is served from the cache' );

		IndexVersion::bump();
		$this->block()->for_product( 1, 2 );
		$this->assertCount( 2, $this->requests, 'an index change invalidates the cache' );
	}

	public function test_asks_once_more_widely_when_removed_products_fill_the_nearest(): void {
		// A bulk delete whose removal jobs are still queued: the nearest are all gone from the shop.
		$this->ranked = array_merge( range( 100, 120 ), array( 2, 3 ) );
		$result       = $this->block()->for_product( 1, 2 );
		$this->assertSame( array( 2, 3 ), $result['ids'] );
		$this->assertSame(
			array( 'http://svc/v1/products/1/similar?k=6', 'http://svc/v1/products/1/similar?k=100' ),
			$this->requests
		);
	}

	public function test_products_deleted_for_good_are_taken_out_of_the_index_once(): void {
		$this->scheduler = new FakeScheduler();
		$this->ranked    = array( 2, 900, 4, 901, 3 ); // 900 and 901 are no posts at all; 4 is a draft.
		$this->assertSame( array( 2, 3 ), $this->block()->for_product( 1, 2 )['ids'] );
		IndexVersion::bump();
		$this->block()->for_product( 1, 2 );
		$this->assertSame(
			array( array( 'product_id' => 900 ), array( 'product_id' => 901 ) ),
			array_map( static fn( array $j ): array => $j['args'], $this->scheduler->jobs )
		);
		$this->assertSame( array( RemoveProductJob::HOOK ), array_values( array_unique( array_column( $this->scheduler->jobs, 'hook' ) ) ) );
	}

	public function test_does_not_ask_again_when_the_service_has_no_more(): void {
		$this->ranked = array( 4, 2 );
		$this->assertSame( array( 2 ), $this->block()->for_product( 1, 2 )['ids'] );
		$this->assertCount( 1, $this->requests, 'a short answer is the whole index' );
	}

	public function test_a_product_from_an_older_model_asks_the_service_to_reindex_once(): void {
		$this->stale = true;
		$this->assertSame( array( 'ids' => array( 7, 5 ), 'source' => 'related' ), $this->block()->for_product( 1, 2 ) );
		$this->block()->for_product( 3, 2 );
		$this->assertSame(
			array( 'http://svc/v1/products/1/similar?k=6', 'POST http://svc/v1/reindex', 'http://svc/v1/products/3/similar?k=6' ),
			$this->requests,
			'the second stale page does not ask again'
		);
	}

	public function test_falls_back_to_related_products_when_the_service_is_down(): void {
		$this->down = true;
		$this->assertSame( array( 'ids' => array( 7, 5 ), 'source' => 'related' ), $this->block()->for_product( 1, 4 ) );
	}
}
