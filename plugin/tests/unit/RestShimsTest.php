<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use PHPUnit\Framework\TestCase;

/**
 * The REST shims hold to what WordPress documents, where a lenient shim would let a route's test
 * pass that a real site fails: rest_sanitize_array() keeps every item of an array, defaults are the
 * last source of a parameter and are sanitized too (WP_REST_Request::get_parameter_order(),
 * sanitize_params()), required properties of an object are checked, and a keyword the shims do
 * not apply is not skipped quietly.
 */
final class RestShimsTest extends TestCase {

	public function test_every_item_of_an_array_is_checked_not_only_the_scalars(): void {
		$tags  = array(
			'type'  => 'array',
			'items' => array( 'type' => 'string' ),
		);
		$error = rest_validate_value_from_schema( array( array( 'x' ), 'a' ), $tags, 'tags' );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( array( 'rest_invalid_type', 'tags[0] is not of type string.' ), array( $error->code, $error->message ) );
		$this->assertSame( array( array( 'x' ), 'a' ), rest_sanitize_value_from_schema( array( array( 'x' ), 'a' ), array( 'type' => 'array' ) ) );

		$this->assertTrue( rest_validate_value_from_schema( 'a, b c', $tags, 'tags' ), 'text is a list' );
		$this->assertTrue( rest_validate_value_from_schema( array( 3 => 'a', 7 => 'b' ), $tags, 'tags' ), 'numeric keys, in any order' );
		$this->assertSame( 'rest_invalid_type', rest_validate_value_from_schema( array( 'k' => 'a' ), $tags, 'tags' )->code );
	}

	public function test_a_default_is_read_last_and_must_pass_its_own_schema(): void {
		$page    = array(
			'type'    => 'integer',
			'minimum' => 1,
		);
		$request = new \WP_REST_Request();
		$request->set_attributes( array( 'args' => array( 'page' => $page + array( 'default' => '2' ) ) ) );
		$request->set_default_params( array( 'page' => '2' ) );
		$this->assertTrue( $request->sanitize_params() );
		$this->assertSame( 2, $request['page'], 'sanitized like a sent value' );
		$request->set_query_params( array( 'page' => '5' ) );
		$this->assertSame( '5', $request['page'], 'a sent value wins' );

		$broken = new \WP_REST_Request();
		$broken->set_attributes( array( 'args' => array( 'page' => $page + array( 'default' => 0 ) ) ) );
		$broken->set_default_params( array( 'page' => 0 ) );
		$this->assertSame( 'rest_invalid_param', $broken->sanitize_params()->code, 'every request without the argument fails' );
	}

	public function test_a_required_property_must_be_there(): void {
		$labels = array(
			'type'       => 'object',
			'properties' => array(
				'category' => array(
					'type'     => 'string',
					'required' => true,
				),
			),
		);
		$this->assertSame( 'rest_property_required', rest_validate_value_from_schema( array(), $labels, 'labels' )->code );
		$this->assertTrue( rest_validate_value_from_schema( array( 'category' => 'dress' ), $labels, 'labels' ) );
		$listed = array(
			'type'     => 'object',
			'required' => array( 'category' ),
		);
		$this->assertSame( 'rest_property_required', rest_validate_value_from_schema( array( 'color' => 'red' ), $listed, 'labels' )->code );
	}

	public function test_an_object_is_sanitized_by_its_properties(): void {
		$thresholds = array(
			'type'                 => 'object',
			'properties'           => array( 'default' => array( 'type' => 'number' ) ),
			'additionalProperties' => false,
		);
		$this->assertSame( array( 'default' => 0.5 ), rest_sanitize_value_from_schema( array( 'default' => '0.5', 'x' => 1 ), $thresholds ) );
	}

	public function test_a_keyword_the_shims_do_not_apply_throws(): void {
		$this->expectException( \LogicException::class );
		$this->expectExceptionMessage( 'pattern' );
		rest_validate_value_from_schema( 'abc', array( 'type' => 'string', 'pattern' => '^[a-z]+$' ), 'field' );
	}
}
