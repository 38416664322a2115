<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Admin\ProductListColumn;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The status column of the products list.
 */
final class ProductListColumnTest extends TestCase {

	public function test_column_goes_before_the_date_and_shows_the_status(): void {
		Wp::reset();
		$column = new ProductListColumn( new AnnotationMeta() );
		$this->assertSame(
			array( 'cb', 'name', 'kalas_iris', 'date' ),
			array_keys( $column->add( array( 'cb' => '', 'name' => 'Name', 'date' => 'Date' ) ) )
		);

		Wp::$meta[5][ AnnotationMeta::STATUS ] = 'retrying';
		ob_start();
		$column->render( 'kalas_iris', 5 );
		$column->render( 'price', 5 );
		$this->assertSame( '<span class="kalas-iris-status kalas-iris-status--retrying" data-status="retrying">Retrying</span>', ob_get_clean() );
	}
}
