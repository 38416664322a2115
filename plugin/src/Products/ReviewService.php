<?php
/**
 * Decisions a person takes in the review queue.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

use KalasIris\Jobs\FeedbackJob;
use KalasIris\Jobs\Scheduler;

/**
 * Accepting writes the (possibly edited) labels with the same protection rules as
 * auto mode and sends them to the service as feedback, since corrections are how
 * the model learns the shop's catalogue. Feedback goes through the job queue so a
 * person's work is not lost while the service is down.
 */
class ReviewService {

	/**
	 * @param WriteBack      $write     Write-back.
	 * @param AnnotationMeta $meta      Plugin meta.
	 * @param Scheduler      $scheduler Job queue.
	 */
	public function __construct( private WriteBack $write, private AnnotationMeta $meta, private Scheduler $scheduler ) {
	}

	/**
	 * Accepts a suggestion, edited or not.
	 *
	 * @param int                       $product_id Product id.
	 * @param array<string, mixed>|null $labels     Edited labels; null accepts the suggestion as is.
	 * @return string New status.
	 */
	public function accept( int $product_id, ?array $labels ): string {
		$stored     = $this->meta->get_json( $product_id, AnnotationMeta::ANNOTATION );
		$suggestion = self::clean( (array) ( $stored['suggestion'] ?? array() ) );
		$labels     = null === $labels ? $suggestion : self::clean( $labels );

		$this->write->apply( $product_id, $labels, true );
		$stored['accepted'] = $labels;
		$this->meta->set_json( $product_id, AnnotationMeta::ANNOTATION, $stored );

		$feedback = array(
			'product_id' => (string) $product_id,
			'category'   => $labels['category'],
			'attributes' => (object) $labels['attributes'],
			'colors'     => $labels['colors'],
			'original'   => array(
				'category'   => $suggestion['category'],
				'attributes' => (object) $suggestion['attributes'],
				'colors'     => $suggestion['colors'],
			),
		);
		if ( null === $feedback['category'] ) {
			unset( $feedback['category'] );
		}
		$this->scheduler->enqueue( FeedbackJob::HOOK, array( 'feedback' => $feedback ) );
		return 'applied';
	}

	/**
	 * Rejects a suggestion: nothing is written.
	 *
	 * @param int $product_id Product id.
	 * @return string New status.
	 */
	public function reject( int $product_id ): string {
		$this->meta->set_status( $product_id, 'rejected' );
		return 'rejected';
	}

	/**
	 * Labels in their strict shape, from untrusted input.
	 *
	 * @param array<string, mixed> $labels Input.
	 * @return array{category: ?string, attributes: array<string, string>, colors: list<string>}
	 */
	public static function clean( array $labels ): array {
		$category   = isset( $labels['category'] ) && is_string( $labels['category'] ) ? trim( $labels['category'] ) : '';
		$attributes = array();
		foreach ( (array) ( $labels['attributes'] ?? array() ) as $field => $value ) {
			if ( is_string( $field ) && preg_match( '/^[a-z][a-z0-9_]{0,31}$/', $field ) && is_string( $value ) && '' !== trim( $value ) ) {
				$attributes[ $field ] = mb_substr( trim( $value ), 0, 100 );
			}
		}
		$colors = array();
		foreach ( (array) ( $labels['colors'] ?? array() ) as $color ) {
			if ( is_string( $color ) && '' !== trim( $color ) ) {
				$colors[] = mb_substr( trim( $color ), 0, 50 );
			}
		}
		return array(
			'category'   => '' !== $category ? mb_substr( $category, 0, 100 ) : null,
			'attributes' => $attributes,
			'colors'     => array_values( array_unique( $colors ) ),
		);
	}
}
