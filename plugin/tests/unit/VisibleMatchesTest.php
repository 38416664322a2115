<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Blocks\VisibleMatches;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * How many neighbours the blocks ask the service for, and when they ask again.
 */
final class VisibleMatchesTest extends TestCase {

	/** @var list<int> The k of each request. */
	private array $asked = array();

	protected function setUp(): void {
		Wp::reset();
		// Ranked first: twenty drafts, then the shoppable products 2 and 3.
		foreach ( range( 100, 119 ) as $id ) {
			Wp::$products[ $id ] = new \WC_Product( $id, 'draft' );
		}
		Wp::$products[2] = new \WC_Product( 2 );
		Wp::$products[3] = new \WC_Product( 3 );
	}

	/** @return list<array{id: int}> */
	private function fetch( int $k ): array {
		$this->asked[] = $k;
		$ranked        = array_merge( range( 100, 119 ), array( 2, 3 ) );
		return array_map( static fn( int $id ): array => array( 'id' => $id ), array_slice( $ranked, 0, $k ) );
	}

	public function test_a_few_extra_then_one_wider_request_when_too_few_can_be_shown(): void {
		$ids = VisibleMatches::collect( fn( int $k ): array => $this->fetch( $k ), 2 );
		$this->assertSame( array( 2, 3 ), $ids );
		$this->assertSame( array( 6, VisibleMatches::MAX_K ), $this->asked );
	}

	public function test_a_costly_fetch_asks_once_for_the_widest_list(): void {
		$ids = VisibleMatches::collect( fn( int $k ): array => $this->fetch( $k ), 2, 0, null, true );
		$this->assertSame( array( 2, 3 ), $ids );
		$this->assertSame( array( VisibleMatches::MAX_K ), $this->asked );
	}
}
