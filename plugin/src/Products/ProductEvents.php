<?php
/**
 * Turns product and image changes into annotation jobs.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Jobs\Scheduler;

/**
 * Listens where every way of changing a product image ends up: WooCommerce stores
 * the main image in `_thumbnail_id` and the gallery in `_product_image_gallery`,
 * whether the change comes from the admin, the REST API, a CSV import or code.
 * Saving only enqueues a job; it never waits for the service.
 */
class ProductEvents {

	private const IMAGE_META_KEYS = array( '_thumbnail_id', '_product_image_gallery' );
	private const POST_TYPES      = array( 'product', 'product_variation' );

	/** @var array<string, callable(): void> Work that waits for the end of this request, by what it is about. */
	private array $deferred = array();

	/** Whether the end of the request is running the deferred work now. */
	private bool $flushing = false;

	/**
	 * @param Scheduler      $scheduler Job queue.
	 * @param AnnotationMeta $meta      Plugin meta.
	 * @param bool           $defer     Enqueue at the end of the request (the plugin does; tests see jobs at once).
	 */
	public function __construct(
		private Scheduler $scheduler,
		private AnnotationMeta $meta,
		private bool $defer = false
	) {
	}

	/**
	 * Hooks the listeners.
	 */
	public function register(): void {
		add_action( 'added_post_meta', array( $this, 'on_meta_change' ), 10, 3 );
		add_action( 'updated_post_meta', array( $this, 'on_meta_change' ), 10, 3 );
		add_action( 'woocommerce_new_product', array( $this, 'on_product_created' ), 10, 1 );
		add_action( 'woocommerce_new_product_variation', array( $this, 'on_product_created' ), 10, 1 );
		add_action( 'transition_post_status', array( $this, 'on_status_change' ), 10, 3 );
		add_action( 'wp_trash_post', array( $this, 'on_removed' ), 10, 1 );
		add_action( 'before_delete_post', array( $this, 'on_removed' ), 10, 1 );
		add_filter( 'woocommerce_duplicate_product_exclude_meta', array( $this, 'exclude_from_duplicates' ) );
	}

	/**
	 * A duplicated product starts without the plugin's meta, so it is annotated and indexed
	 * as a product of its own rather than inheriting the original's image signature.
	 *
	 * @param mixed $keys Meta keys WooCommerce will not copy.
	 * @return list<string>
	 */
	public function exclude_from_duplicates( $keys ): array {
		return array_values( array_unique( array_merge( is_array( $keys ) ? $keys : array(), AnnotationMeta::keys() ) ) );
	}

	/**
	 * An image meta value was added or changed.
	 *
	 * @param int|string $meta_id   Meta row id (unused).
	 * @param int|string $object_id Post id.
	 * @param string     $meta_key  Meta key.
	 */
	public function on_meta_change( $meta_id, $object_id, $meta_key ): void {
		if ( in_array( $meta_key, self::IMAGE_META_KEYS, true ) ) {
			$this->maybe_enqueue( (int) $object_id );
		}
	}

	/**
	 * A product was created (its images may already be set).
	 *
	 * @param int|string $product_id Product id.
	 */
	public function on_product_created( $product_id ): void {
		$this->maybe_enqueue( (int) $product_id );
	}

	/**
	 * An auto-draft became a real product: its image may have been set while it was a draft.
	 *
	 * @param string $new_status New status.
	 * @param string $old_status Old status.
	 * @param object $post       WP_Post.
	 */
	public function on_status_change( $new_status, $old_status, $post ): void {
		if ( 'auto-draft' === $old_status && 'auto-draft' !== $new_status && isset( $post->ID ) ) {
			$this->maybe_enqueue( (int) $post->ID );
		}
	}

	/**
	 * A product went to the trash or was deleted: take it out of the similar-items index
	 * ({@see VisibilityEvents} covers the other ways shoppers lose sight of it).
	 *
	 * @param int|string $post_id Post id.
	 */
	public function on_removed( $post_id ): void {
		if ( 'product' === get_post_type( (int) $post_id ) ) {
			$this->unindex( (int) $post_id, true );
		}
	}

	/**
	 * Shoppers can now see the product: its annotation job puts it in the similar-items index.
	 * Nothing about its photo changed, so the image signature is not compared, and its status
	 * is left as it is: a job that finds the photo annotated and its suggestion dealt with only
	 * indexes it ({@see AnnotateProductJob::annotate()}), rather than asking for a review again.
	 *
	 * @param int $product_id Product id.
	 */
	public function index( int $product_id ): void {
		// Without a photo there is nothing to index; adding one is an image change of its own.
		if ( '' !== ImageSignature::of( $product_id ) ) {
			$this->queue( $product_id );
		}
	}

	/**
	 * The product is gone or shoppers can no longer see it: take it out of the similar-items index.
	 *
	 * @param int  $product_id Product id.
	 * @param bool $gone       Trashed or deleted (not merely out of shoppers' sight).
	 */
	public function unindex( int $product_id, bool $gone = false ): void {
		RemoveProductJob::enqueue_once( $this->scheduler, $product_id, $gone );
		$this->meta->set_unindexed( $product_id );
	}

	/**
	 * Enqueues an annotation unless nothing changed or the change is the plugin's own.
	 *
	 * @param int $product_id Product or variation id.
	 * @return bool Whether a job was enqueued.
	 */
	public function maybe_enqueue( int $product_id ): bool {
		if ( $product_id <= 0 || WriteGuard::is_writing( $product_id ) ) {
			return false;
		}
		if ( ! in_array( get_post_type( $product_id ), self::POST_TYPES, true ) ) {
			return false;
		}
		if ( in_array( get_post_status( $product_id ), array( 'auto-draft', 'trash' ), true ) ) {
			return false;
		}
		$signature = ImageSignature::of( $product_id );
		if ( '' === $signature || get_post_meta( $product_id, AnnotationMeta::IMAGE_SIGNATURE, true ) === $signature ) {
			return false;
		}
		update_post_meta( $product_id, AnnotationMeta::IMAGE_SIGNATURE, $signature );
		$this->meta->set_status( $product_id, 'pending' );
		$this->queue( $product_id );
		return true;
	}

	/**
	 * Enqueues the annotation job now, or when the request has finished writing. The image meta
	 * changes in the middle of a save: in the product editor, WooCommerce writes the attributes
	 * from the form after it. A job runner quick enough to annotate before that had its colours
	 * overwritten by the form's (WordPress flow 2, once), so the plugin defers.
	 *
	 * @param int $product_id Product or variation id.
	 */
	private function queue( int $product_id ): void {
		$this->later( 'annotate:' . $product_id, fn() => $this->dispatch( $product_id ) );
	}

	/**
	 * Runs $work once the request has finished writing (at once when the plugin does not defer,
	 * or when the end of the request is running already). A save fires several hooks, some before
	 * it is complete, so what they ask for waits until the product is as the save leaves it, and
	 * work under a key that waits already is not added twice: however many hooks a save fires,
	 * the product gets one annotation job and one look at whether shoppers can see it
	 * ({@see VisibilityEvents}).
	 *
	 * @param string           $key  What the work is about, e.g. "annotate:12".
	 * @param callable(): void $work The work.
	 */
	public function later( string $key, callable $work ): void {
		if ( ! $this->defer || $this->flushing ) {
			$work();
			return;
		}
		if ( array() === $this->deferred ) {
			// Before Action Scheduler's own shutdown dispatch (priority 10), so the job can start at once.
			add_action( 'shutdown', array( $this, 'flush' ), 1, 0 );
		}
		$this->deferred[ $key ] ??= $work;
	}

	/**
	 * Runs the work this request deferred, in the order it was first asked for.
	 */
	public function flush(): void {
		$this->flushing = true;
		try {
			while ( array() !== $this->deferred ) {
				$work = array_shift( $this->deferred );
				$work();
			}
		} finally {
			$this->flushing = false;
		}
	}

	/**
	 * Enqueues an annotation regardless of signature ("Re-annotate", backfill retries).
	 *
	 * @param int $product_id Product or variation id.
	 */
	public function enqueue( int $product_id ): void {
		$this->dispatch( $product_id );
		$this->meta->set_status( $product_id, 'pending' );
	}

	/**
	 * @param int $product_id Product or variation id.
	 */
	private function dispatch( int $product_id ): void {
		$args = AnnotateProductJob::args( $product_id, 0 );
		// A job that has not started yet reads the newest images when it runs, so one is enough.
		if ( ! $this->scheduler->is_pending( AnnotateProductJob::HOOK, $args ) ) {
			$this->scheduler->enqueue( AnnotateProductJob::HOOK, $args );
		}
	}
}
