<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Products\LabelPlan;
use KalasIris\Settings\SettingsSchema;
use KalasIris\Tests\FakeClient;
use PHPUnit\Framework\TestCase;

/**
 * From an annotation to labels (thresholds) and from labels to taxonomies (settings).
 */
final class LabelPlanTest extends TestCase {

	public function test_only_confident_labels_above_their_threshold_are_suggested(): void {
		$settings = array_replace( SettingsSchema::defaults(), array( 'thresholds' => array( 'default' => 0.6, 'pattern' => 0.95, 'color' => 0.1 ) ) );
		$labels   = LabelPlan::suggest( FakeClient::dress(), $settings );
		$this->assertSame( 'Dresses', $labels['category'], '0.93 clears the default 0.6' );
		$this->assertSame( array( 'usage' => 'Casual' ), $labels['attributes'], 'pattern 0.9 < 0.95, gender not confident' );
		$this->assertSame( array( 'red' ), $labels['colors'], 'white is 5% of the garment' );
	}

	public function test_a_shops_own_category_wins_when_it_is_sure_and_the_models_stands_in_when_not(): void {
		$annotation         = FakeClient::dress();
		$annotation['shop'] = array( 'category' => array( 'label' => 'Frocks', 'score' => 0.88, 'confident' => true ) );
		$this->assertSame( 'Frocks', LabelPlan::suggest( $annotation, SettingsSchema::defaults() )['category'] );
		$annotation['shop']['category'] = array( 'label' => 'Frocks', 'score' => 0.4, 'confident' => false );
		$this->assertSame( 'Dresses', LabelPlan::suggest( $annotation, SettingsSchema::defaults() )['category'] );
	}

	public function test_a_pack_without_a_category_head_suggests_none(): void {
		$annotation             = FakeClient::dress();
		$annotation['category'] = null;
		$this->assertNull( LabelPlan::suggest( $annotation, SettingsSchema::defaults() )['category'] );
	}

	public function test_fields_become_tags_or_global_attributes_and_category_only_when_allowed(): void {
		$labels   = array(
			'category'   => 'Dresses',
			'attributes' => array( 'usage' => 'Casual', 'pattern' => 'Striped', 'sleeve' => 'Long' ),
			'colors'     => array( 'red', 'white' ),
		);
		$settings = array_replace(
			SettingsSchema::defaults(),
			array( 'tag_fields' => array( 'usage', 'category' ), 'attribute_fields' => array( 'color', 'pattern' ), 'set_category' => false )
		);
		$this->assertSame(
			array(
				'product_tag' => array( 'Casual', 'Dresses' ),
				'pa_pattern'  => array( 'Striped' ),
				'pa_color'    => array( 'red', 'white' ),
			),
			LabelPlan::to_terms( $labels, $settings )
		);

		$settings['set_category'] = true;
		$this->assertSame( array( 'Dresses' ), LabelPlan::to_terms( $labels, $settings )['product_cat'] );
	}
}
