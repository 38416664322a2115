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
use KalasIris\Settings\SettingsSchema;

/**
 * Accepting writes the (possibly edited) labels with the same protection rules as
 * auto mode and sends them to the service as feedback, since corrections are how
 * the model learns the shop's catalogue. Feedback goes through the job queue so a
 * person's work is not lost while the service is down.
 */
class ReviewService {

	/**
	 * Longest label the plugin stores, by kind: term names stay readable in the admin.
	 */
	public const MAX_CATEGORY  = 100;
	public const MAX_ATTRIBUTE = 100;
	public const MAX_COLOR     = 50;

	/**
	 * At most as many colours and attribute fields as the service takes as feedback.
	 */
	public const MAX_COLORS     = 10;
	public const MAX_ATTRIBUTES = 32;

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
	 * Why edited labels cannot be applied as a person typed them, or null when they can.
	 * Checked before anything is written, so a label is never cut short or dropped
	 * behind the person's back ({@see clean()} only trims and normalises).
	 *
	 * @param mixed $labels { category?: string|null, attributes?: { field: string }, colors?: list<string> }.
	 * @return string|null A plain sentence.
	 */
	public static function label_error( $labels ): ?string {
		$shape = 'Labels must be an object with "category" (text or null), "attributes" (field: text) and "colors" (a list of text).';
		if ( ! is_array( $labels ) || ( array() !== $labels && array_is_list( $labels ) ) || array() !== array_diff( array_keys( $labels ), array( 'category', 'attributes', 'colors' ) ) ) {
			return $shape;
		}
		$category = $labels['category'] ?? null;
		if ( null !== $category && ! is_string( $category ) ) {
			return $shape;
		}
		$attributes = $labels['attributes'] ?? array();
		$colors     = $labels['colors'] ?? array();
		if ( ! is_array( $attributes ) || ( array() !== $attributes && array_is_list( $attributes ) ) || ! is_array( $colors ) || ! array_is_list( $colors ) ) {
			return $shape;
		}
		if ( count( $attributes ) > self::MAX_ATTRIBUTES || count( $colors ) > self::MAX_COLORS ) {
			return sprintf( 'Send at most %d attributes and %d colours.', self::MAX_ATTRIBUTES, self::MAX_COLORS );
		}
		$texts = null === $category ? array() : array( array( $category, 'The category', self::MAX_CATEGORY ) );
		foreach ( $attributes as $field => $value ) {
			if ( ! is_string( $field ) || ! preg_match( SettingsSchema::FIELD_PATTERN, $field ) ) {
				return 'Attribute fields are lowercase letters, digits and underscores, up to 32 characters.';
			}
			if ( ! is_string( $value ) ) {
				return $shape;
			}
			$texts[] = array( $value, sprintf( 'The %s attribute', $field ), self::MAX_ATTRIBUTE );
		}
		foreach ( $colors as $color ) {
			if ( ! is_string( $color ) ) {
				return $shape;
			}
			$texts[] = array( $color, 'A colour', self::MAX_COLOR );
		}
		foreach ( $texts as [ $text, $what, $limit ] ) {
			// 0 when clean; 1 with a control character (tab, line break, NUL…); false for invalid UTF-8.
			if ( 0 !== preg_match( '/\p{Cc}/u', $text ) ) {
				return sprintf( '%s contains a control character (such as a line break) or invalid text.', $what );
			}
			if ( mb_strlen( trim( $text ) ) > $limit ) {
				return sprintf( '%s is longer than %d characters.', $what, $limit );
			}
		}
		return null;
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
			if ( is_string( $field ) && preg_match( SettingsSchema::FIELD_PATTERN, $field ) && is_string( $value ) && '' !== trim( $value ) ) {
				$attributes[ $field ] = mb_substr( trim( $value ), 0, self::MAX_ATTRIBUTE );
			}
		}
		$colors = array();
		foreach ( (array) ( $labels['colors'] ?? array() ) as $color ) {
			if ( is_string( $color ) && '' !== trim( $color ) ) {
				$colors[] = mb_substr( trim( $color ), 0, self::MAX_COLOR );
			}
		}
		return array(
			'category'   => '' !== $category ? mb_substr( $category, 0, self::MAX_CATEGORY ) : null,
			'attributes' => $attributes,
			'colors'     => array_values( array_unique( $colors ) ),
		);
	}
}
