<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\ShopCategories;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The category names the review queue offers while a suggestion is edited.
 */
final class ShopCategoriesTest extends TestCase {

	protected function setUp(): void {
		Wp::reset();
	}

	private static function term( int $id, string $name ): object {
		return (object) array(
			'term_id' => $id,
			'name'    => $name,
		);
	}

	public function test_the_shops_own_names_most_used_first_without_the_default_category(): void {
		Wp::$options['default_product_cat'] = 15;
		Wp::$terms                          = array( self::term( 21, 'Frocks' ), self::term( 15, 'Uncategorized' ), self::term( 22, 'Tees &amp; Tanks' ) );

		$this->assertSame( array( 'Frocks', 'Tees & Tanks' ), ShopCategories::names() );

		$args = Wp::$term_queries[0];
		$this->assertSame( 'product_cat', $args['taxonomy'] );
		$this->assertFalse( $args['hide_empty'], 'a category with no product yet is still the shop\'s word' );
		$this->assertSame( array( 'count', 'DESC' ), array( $args['orderby'], $args['order'] ) );
		$this->assertSame( ShopCategories::LIMIT, $args['number'] );
	}

	public function test_a_failed_query_offers_nothing(): void {
		Wp::$terms = null; // WooCommerce inactive: product_cat is not a taxonomy.
		$this->assertSame( array(), ShopCategories::names() );
	}
}
