<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Admin\AdminPages;
use KalasIris\Admin\Assets;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Tests\FakeCatalog;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The plugin's menu: every screen, and the review queue's count of products waiting.
 */
final class AdminPagesTest extends TestCase {

	protected function setUp(): void {
		Wp::reset();
		Wp::$capabilities = array( AdminPages::CAPABILITY );
	}

	private function menu(): FakeCatalog {
		$catalog = new FakeCatalog();
		( new AdminPages( new Assets( '/nowhere', 'https://shop.test/plugin' ), $catalog ) )->add_pages();
		return $catalog;
	}

	public function test_the_review_queue_says_how_many_products_wait(): void {
		foreach ( array( 11 => 'review', 12 => 'review', 13 => 'applied', 14 => 'review' ) as $id => $status ) {
			Wp::post( $id );
			Wp::$meta[ $id ][ AnnotationMeta::STATUS ] = $status;
		}
		$this->menu();

		$review = Wp::$menu['kalas-iris-review']['menu_title'];
		$this->assertStringStartsWith( 'Review queue <span class="awaiting-mod count-3">', $review );
		$this->assertStringContainsString( '<span class="pending-count" aria-hidden="true">3</span>', $review );
		$this->assertStringContainsString( '3 products waiting for review', $review );
		$this->assertSame(
			array( 'kalas-iris', 'kalas-iris-review', 'kalas-iris-backfill', 'kalas-iris-try', 'kalas-iris-web' ),
			array_keys( Wp::$menu )
		);
		$this->assertSame( 'Web corrections', Wp::$menu['kalas-iris-web']['menu_title'] );
	}

	public function test_no_bubble_when_nothing_waits_and_no_count_for_other_users(): void {
		$this->menu();
		$this->assertSame( 'Review queue', Wp::$menu['kalas-iris-review']['menu_title'] );

		Wp::reset();
		Wp::$capabilities = array( 'edit_posts' );
		$catalog = $this->menu();
		$this->assertSame( array( 'kalas-iris' ), array_keys( Wp::$menu ) );
		$this->assertSame( 0, $catalog->counted, 'the count is not queried for users who cannot see it' );
	}
}
