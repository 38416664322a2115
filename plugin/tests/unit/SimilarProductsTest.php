<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Blocks\SimilarProducts;
use KalasIris\Service\HttpTransport;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use KalasIris\Support\IndexVersion;
use KalasIris\Support\Logger;
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

	protected function setUp(): void {
		Wp::reset();
		foreach ( array( 1, 2, 3, 5, 7 ) as $id ) {
			Wp::$products[ $id ] = new \WC_Product( $id );
		}
		Wp::$products[4] = new \WC_Product( 4, 'draft' );
		Wp::$products[6] = new \WC_Product( 6, 'publish', false );
		Wp::$related[1]  = array( 7, 5 );
	}

	private function block(): SimilarProducts {
		$test      = $this;
		$transport = new class( $test ) implements HttpTransport {
			public function __construct( private SimilarProductsTest $test ) {
			}
			public function request( string $method, string $url, array $headers, ?string $body, float $timeout ): array {
				return $this->test->answer( $url );
			}
		};
		return new SimilarProducts( static fn() => new ServiceClient( 'http://svc', 'key-12345678', $transport ), new Logger() );
	}

	/**
	 * Fake service.
	 *
	 * @param string $url Requested URL.
	 * @return array{status: int, headers: array<string, string>, body: string}
	 */
	public function answer( string $url ): array {
		$this->requests[] = $url;
		if ( $this->down ) {
			throw new ServiceError( ServiceError::UNREACHABLE, 'down' );
		}
		$items = array_map( static fn( int $id ): array => array( 'id' => (string) $id, 'score' => 0.9 ), array( 4, 2, 6, 3, 5 ) );
		return array( 'status' => 200, 'headers' => array(), 'body' => (string) json_encode( array( 'items' => $items ) ) );
	}

	public function test_keeps_published_visible_products_in_order_and_caches(): void {
		$result = $this->block()->for_product( 1, 2 );
		$this->assertSame( array( 'ids' => array( 2, 3 ), 'source' => 'similar' ), $result );
		$this->assertSame( array( 'http://svc/v1/products/1/similar?k=4' ), $this->requests );

		$this->block()->for_product( 1, 2 );
		$this->assertCount( 1, $this->requests, 'the second view is served from the cache' );

		IndexVersion::bump();
		$this->block()->for_product( 1, 2 );
		$this->assertCount( 2, $this->requests, 'an index change invalidates the cache' );
	}

	public function test_falls_back_to_related_products_when_the_service_is_down(): void {
		$this->down = true;
		$this->assertSame( array( 'ids' => array( 7, 5 ), 'source' => 'related' ), $this->block()->for_product( 1, 4 ) );
	}
}
