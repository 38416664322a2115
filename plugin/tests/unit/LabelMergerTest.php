<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\LabelMerger;
use KalasIris\Tests\Harness;
use PHPUnit\Framework\TestCase;

/**
 * "Never remove or overwrite a tag or attribute a person set."
 */
final class LabelMergerTest extends TestCase {

	public function test_a_persons_tag_survives_and_the_plugin_adds_its_own(): void {
		$merge = LabelMerger::merge(
			array( 'product_tag' => array( 'summer-sale' ) ),
			array(),
			array( 'product_tag' => array( 'Casual' ) ),
			true
		);
		$this->assertSame( array( 'product_tag' => array( 'Casual' ) ), $merge['add'] );
		$this->assertSame( array(), $merge['remove'] );
		$this->assertSame( array( 'Casual' ), $merge['record']['product_tag']['applied'] );
	}

	public function test_the_plugin_removes_only_terms_it_added(): void {
		$merge = LabelMerger::merge(
			array( 'product_tag' => array( 'summer-sale', 'Casual' ) ),
			array( 'product_tag' => array( 'applied' => array( 'Casual' ) ) ),
			array( 'product_tag' => array( 'Formal' ) ),
			true
		);
		$this->assertSame( array( 'product_tag' => array( 'Formal' ) ), $merge['add'] );
		$this->assertSame( array( 'product_tag' => array( 'Casual' ) ), $merge['remove'] );
	}

	public function test_a_person_set_attribute_is_neither_overwritten_nor_extended(): void {
		$merge = LabelMerger::merge(
			array( 'pa_pattern' => array( 'Floral' ) ),
			array(),
			array( 'pa_pattern' => array( 'Striped' ) ),
			true
		);
		$this->assertSame( array(), $merge['add'] );
		$this->assertSame( array(), $merge['remove'] );
	}

	public function test_a_term_a_person_removed_is_not_added_again(): void {
		$merge = LabelMerger::merge(
			array( 'product_tag' => array() ),
			array( 'product_tag' => array( 'applied' => array( 'Casual' ) ) ),
			array( 'product_tag' => array( 'casual' ) ),
			true
		);
		$this->assertSame( array(), $merge['add'] );
		$this->assertSame( array( 'Casual' ), $merge['record']['product_tag']['declined'] );
	}

	public function test_same_label_as_a_persons_term_is_not_claimed(): void {
		$merge = LabelMerger::merge(
			array( 'product_tag' => array( 'CASUAL' ) ),
			array(),
			array( 'product_tag' => array( 'Casual' ) ),
			true
		);
		$this->assertSame( array(), $merge['add'] );
		$this->assertSame( array(), $merge['record'], 'the plugin never owns a person\'s term, so it never removes it' );
	}

	public function test_with_protection_off_a_confident_label_replaces_a_persons_attribute_but_not_tags(): void {
		$merge = LabelMerger::merge(
			array( 'pa_pattern' => array( 'Floral' ), 'product_tag' => array( 'summer-sale' ) ),
			array(),
			array( 'pa_pattern' => array( 'Striped' ), 'product_tag' => array( 'Casual' ) ),
			false
		);
		$this->assertSame( array( 'pa_pattern' => array( 'Striped' ), 'product_tag' => array( 'Casual' ) ), $merge['add'] );
		$this->assertSame( array( 'pa_pattern' => array( 'Floral' ) ), $merge['remove'] );
	}

	public function test_labels_a_person_accepted_are_added_and_become_theirs(): void {
		$merge = LabelMerger::merge(
			array( 'pa_color' => array( 'grey', 'red' ), 'product_tag' => array() ),
			array(
				'pa_color'    => array( 'applied' => array( 'red' ) ),
				'product_tag' => array( 'applied' => array(), 'declined' => array( 'Casual' ) ),
			),
			array( 'pa_color' => array( 'navy', 'white' ), 'product_tag' => array( 'Casual' ) ),
			true,
			array(),
			true
		);
		$this->assertSame( array( 'pa_color' => array( 'navy', 'white' ), 'product_tag' => array( 'Casual' ) ), $merge['add'], 'added next to the person-set grey' );
		$this->assertSame( array( 'pa_color' => array( 'red' ) ), $merge['remove'], 'the plugin\'s guess that was not accepted goes; grey stays' );
		$this->assertSame( array(), $merge['record'], 'nothing accepted is recorded as the plugin\'s, and the decline is lifted' );
	}

	public function test_variation_attributes_are_untouchable(): void {
		$merge = LabelMerger::merge(
			array( 'pa_color' => array() ),
			array( 'pa_color' => array( 'applied' => array() ) ),
			array( 'pa_color' => array( 'red' ) ),
			false,
			array( 'pa_color' )
		);
		$this->assertSame( array(), $merge['add'] );
		$this->assertSame( array(), $merge['remove'] );
	}

	public function test_end_to_end_a_persons_tag_and_attribute_survive_an_auto_annotation(): void {
		$shop = new Harness( array( 'mode' => 'auto' ) );
		$shop->products->add( 7, 700 );
		$shop->products->terms[7] = array(
			'product_tag' => array( 'summer-sale' ),
			'pa_pattern'  => array( 'Floral' ),
		);
		$shop->job->annotate( 7 );

		$this->assertSame( array( 'summer-sale', 'Casual' ), $shop->products->terms[7]['product_tag'] );
		$this->assertSame( array( 'Floral' ), $shop->products->terms[7]['pa_pattern'] );
		$this->assertSame( array( 'red' ), $shop->products->terms[7]['pa_color'], 'the 5% white is under the colour threshold' );

		// The model changes its mind; a person meanwhile removed "Casual".
		$shop->products->terms[7]['product_tag'] = array( 'summer-sale' );
		$shop->client->annotation['colors']     = array( array( 'name' => 'blue', 'hex' => '#00f', 'share' => 0.8 ) );
		$shop->job->annotate( 7 );
		$this->assertSame( array( 'summer-sale' ), $shop->products->terms[7]['product_tag'] );
		$this->assertSame( array( 'blue' ), $shop->products->terms[7]['pa_color'] );
	}

	public function test_variation_colours_reach_the_parent_attribute(): void {
		$shop = new Harness( array( 'mode' => 'auto' ) );
		$shop->products->add( 8, 800 );
		$shop->products->add( 9, 900, 8 );
		$shop->job->annotate( 8 );
		$shop->client->annotation['colors'] = array( array( 'name' => 'green', 'hex' => '#0f0', 'share' => 0.9 ) );
		$shop->job->annotate( 9 );
		$this->assertSame( array( 'red', 'green' ), $shop->products->terms[8]['pa_color'] );
		$this->assertSame( 'annotated', $shop->meta->status( 9 ) );
		$this->assertSame( array( 'annotate' ), array_slice( $shop->client->calls, -1 ), 'variations are annotated, not indexed' );
	}
}
