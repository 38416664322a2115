<?php
/**
 * Product meta the plugin owns.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * Reads and writes the plugin's product meta with the post meta API directly:
 * going through WC_Product::save() would fire product events and re-enter the plugin.
 */
class AnnotationMeta {

	/**
	 * JSON: { annotation, model, annotated_at, image_id, indexed, suggestion }; `indexed` says
	 * whether the similar-items index holds this annotation (missing before it was recorded,
	 * when every annotated product was indexed).
	 */
	public const ANNOTATION = '_kalas_iris_annotation';
	/** pending | retrying | review | applied | annotated | rejected | failed | no_image. */
	public const STATUS = '_kalas_iris_status';
	/** JSON: taxonomy => { applied: names, declined: names }, the terms the plugin added. */
	public const APPLIED = '_kalas_iris_applied';
	/** JSON: { attempt, next_at, error } of the last failed attempt. */
	public const JOB = '_kalas_iris_job';
	/** Images the last queued annotation was for; unchanged images never enqueue again. */
	public const IMAGE_SIGNATURE = '_kalas_iris_image_sig';
	/** Unix time a write-back started; product events ignore the product meanwhile. */
	public const WRITING = '_kalas_iris_writing';
	/** '1' or '0': whether shoppers could see the product when the plugin last looked ({@see VisibilityEvents}). */
	public const VISIBLE = '_kalas_iris_visible';

	/**
	 * Every meta key, for uninstall.
	 *
	 * @return list<string>
	 */
	public static function keys(): array {
		return array( self::ANNOTATION, self::STATUS, self::APPLIED, self::JOB, self::IMAGE_SIGNATURE, self::WRITING, self::VISIBLE );
	}

	/**
	 * Decoded JSON meta, or an empty array.
	 *
	 * @param int    $product_id Product id.
	 * @param string $key        Meta key.
	 * @return array<string, mixed>
	 */
	public function get_json( int $product_id, string $key ): array {
		$raw     = get_post_meta( $product_id, $key, true );
		$decoded = is_string( $raw ) && '' !== $raw ? json_decode( $raw, true ) : null;
		return is_array( $decoded ) ? $decoded : array();
	}

	/**
	 * Stores an array as a JSON string; wp_slash keeps backslashes in labels intact.
	 *
	 * @param int                  $product_id Product id.
	 * @param string               $key        Meta key.
	 * @param array<string, mixed> $value      Value.
	 */
	public function set_json( int $product_id, string $key, array $value ): void {
		update_post_meta( $product_id, $key, wp_slash( (string) wp_json_encode( $value ) ) );
	}

	/**
	 * Whether the similar-items index holds the product's annotation, as far as the plugin
	 * knows: an annotation recorded before `indexed` was is, as the plugin then indexed every one.
	 *
	 * @param int $product_id Product id.
	 */
	public function is_indexed( int $product_id ): bool {
		$record = $this->get_json( $product_id, self::ANNOTATION );
		return array() !== $record && false !== ( $record['indexed'] ?? true );
	}

	/**
	 * Records that the product's annotation has left the index (its removal is queued), so
	 * that indexing it again later is known to need no new suggestion.
	 *
	 * @param int $product_id Product id.
	 */
	public function set_unindexed( int $product_id ): void {
		$record = $this->get_json( $product_id, self::ANNOTATION );
		if ( array() !== $record && false !== ( $record['indexed'] ?? true ) ) {
			$record['indexed'] = false;
			$this->set_json( $product_id, self::ANNOTATION, $record );
		}
	}

	/**
	 * Records that shoppers cannot see the product and that its annotation is leaving the index
	 * (its removal is queued), for a job that found so without a hook telling
	 * {@see VisibilityEvents}: when the product is shown again, VisibilityEvents then sees a change
	 * and has it indexed.
	 *
	 * @param int $product_id Product id.
	 */
	public function set_out_of_sight( int $product_id ): void {
		$this->set_unindexed( $product_id );
		update_post_meta( $product_id, self::VISIBLE, '0' );
	}

	/**
	 * Current status, '' when never queued.
	 *
	 * @param int $product_id Product id.
	 */
	public function status( int $product_id ): string {
		return (string) get_post_meta( $product_id, self::STATUS, true );
	}

	/**
	 * Sets the status.
	 *
	 * @param int    $product_id Product id.
	 * @param string $status     Status.
	 */
	public function set_status( int $product_id, string $status ): void {
		update_post_meta( $product_id, self::STATUS, $status );
	}

	/**
	 * Everything the admin shows about one product.
	 *
	 * @param int $product_id Product id.
	 * @return array<string, mixed>
	 */
	public function summary( int $product_id ): array {
		return array(
			'product_id' => $product_id,
			'status'     => $this->status( $product_id ),
			'annotation' => $this->get_json( $product_id, self::ANNOTATION ),
			'applied'    => $this->get_json( $product_id, self::APPLIED ),
			'job'        => $this->get_json( $product_id, self::JOB ),
		);
	}
}
