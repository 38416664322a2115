<?php
/**
 * Background job: annotate one product or variation, and index the products shoppers can see.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\ImageReader;
use KalasIris\Products\LabelPlan;
use KalasIris\Products\OwnLabels;
use KalasIris\Products\ProductGateway;
use KalasIris\Products\WriteBack;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;
use KalasIris\Settings\Settings;
use KalasIris\Support\IndexVersion;
use KalasIris\Support\Logger;

/**
 * Sends the image bytes to the service, stores the annotation with its provenance
 * and, in auto mode, writes the labels back. A failure reschedules the job with
 * {@see Backoff}, so nothing is lost while the service is down.
 */
class AnnotateProductJob {

	public const HOOK = 'kalas_iris/jobs/annotate_product';

	/**
	 * @param ProductGateway           $products  Products.
	 * @param ImageReader              $images    Image bytes.
	 * @param callable(): ServiceClient $client    Client factory; settings may change between jobs.
	 * @param AnnotationMeta           $meta      Plugin meta.
	 * @param WriteBack                $write     Write-back.
	 * @param Scheduler                $scheduler Job queue.
	 * @param Settings                 $settings  Settings.
	 * @param Logger                   $logger    Log.
	 */
	public function __construct(
		private ProductGateway $products,
		private ImageReader $images,
		private $client,
		private AnnotationMeta $meta,
		private WriteBack $write,
		private Scheduler $scheduler,
		private Settings $settings,
		private Logger $logger
	) {
	}

	/**
	 * Job arguments.
	 *
	 * @param int $product_id Product or variation id.
	 * @param int $attempt    Failed attempts so far.
	 * @return array{product_id: int, attempt: int}
	 */
	public static function args( int $product_id, int $attempt ): array {
		return array(
			'product_id' => $product_id,
			'attempt'    => $attempt,
		);
	}

	/**
	 * Hooks the job.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'handle' ), 10, 1 );
	}

	/**
	 * Action Scheduler entry point. Never throws: a failed attempt is rescheduled
	 * here, because an exception would only make Action Scheduler mark it failed.
	 *
	 * @param mixed $args { product_id, attempt }.
	 */
	public function handle( $args ): void {
		$args       = is_array( $args ) ? $args : array();
		$product_id = (int) ( $args['product_id'] ?? 0 );
		$attempt    = (int) ( $args['attempt'] ?? 0 );
		try {
			$this->annotate( $product_id );
		} catch ( ServiceError $e ) {
			$this->retry_or_fail( $product_id, $attempt, $e );
		} catch ( \Throwable $e ) {
			// A bug or a WordPress error must not lose the product either: retry with backoff,
			// and the log says why.
			$this->retry_or_fail( $product_id, $attempt, new ServiceError( 'internal_error', $e->getMessage(), 500 ) );
		}
	}

	/**
	 * Annotates one product now. Used by the job and by backfill batches.
	 *
	 * @param int $product_id Product or variation id.
	 * @return string Resulting status.
	 * @throws ServiceError When the service or the image fails.
	 */
	public function annotate( int $product_id ): string {
		$product = $this->products->find( $product_id );
		if ( null === $product || in_array( $product->status, array( 'trash', 'auto-draft' ), true ) ) {
			return 'skipped';
		}
		$image_id = $product->primary_image_id();
		if ( $image_id <= 0 ) {
			$this->meta->set_status( $product_id, 'no_image' );
			return 'no_image';
		}

		$indexed = $product->is_indexable();
		if ( ! $indexed && ! $product->is_variation() && $this->settled( $product_id, $image_id ) ) {
			return $this->keep_out_of_index( $product_id );
		}

		$image  = $this->images->read( $image_id );
		$client = ( $this->client )();
		if ( ! $indexed ) {
			// Annotated for their labels but not indexed: variations (the storefront shows
			// parent products as similar items) and what shoppers cannot see, since the service
			// shows anyone the name, link and photo of what its index holds. VisibilityEvents
			// has a product indexed once shoppers can see it.
			$annotation = $client->annotate( $image );
		} else {
			$answer     = $client->put_product(
				$product_id,
				$image,
				array(
					'name'      => $product->name,
					'permalink' => $product->permalink,
					'image_url' => (string) wp_get_attachment_url( $image_id ),
				),
				OwnLabels::of_product( $this->products, $this->meta, $product_id )
			);
			$annotation = (array) ( $answer['annotation'] ?? array() );
			IndexVersion::bump();
		}

		if ( $indexed && $this->only_indexing( $product_id, $image_id ) ) {
			$record = array_replace( $this->meta->get_json( $product_id, AnnotationMeta::ANNOTATION ), array( 'indexed' => true ) );
			$this->meta->set_json( $product_id, AnnotationMeta::ANNOTATION, $record );
			delete_post_meta( $product_id, AnnotationMeta::JOB );
			return $this->meta->status( $product_id );
		}
		if ( ! $indexed && ! $product->is_variation() && $this->meta->is_indexed( $product_id ) ) {
			// Indexed before shoppers lost sight of it in a way no hook reported (or before the
			// plugin indexed only what they see): the new record says it is not, so it must go.
			RemoveProductJob::enqueue_once( $this->scheduler, $product_id );
			$this->meta->set_out_of_sight( $product_id );
		}

		$settings   = $this->settings->all();
		$suggestion = LabelPlan::suggest( $annotation, $settings );
		$this->meta->set_json(
			$product_id,
			AnnotationMeta::ANNOTATION,
			array(
				'annotation'   => $annotation,
				'model'        => $annotation['model'] ?? null,
				'annotated_at' => gmdate( 'c' ),
				'image_id'     => $image_id,
				'indexed'      => $indexed,
				'suggestion'   => $suggestion,
			)
		);
		delete_post_meta( $product_id, AnnotationMeta::JOB );

		$auto = 'auto' === $settings['mode'];
		if ( $product->is_variation() ) {
			$this->meta->set_status( $product_id, 'annotated' );
			if ( $auto ) {
				$parent = $this->meta->get_json( $product->parent_id, AnnotationMeta::ANNOTATION );
				$this->write->apply( $product->parent_id, (array) ( $parent['suggestion'] ?? array() ) );
			}
			return 'annotated';
		}
		if ( $auto ) {
			$this->write->apply( $product_id, $suggestion );
			return 'applied';
		}
		$this->meta->set_status( $product_id, 'review' );
		return 'review';
	}

	/**
	 * Whether this run was only to index the product: shoppers can now see a product whose
	 * photo's annotation is not in the index (it was annotated while they could not see it, or
	 * removed when they stopped), and its suggestion has been dealt with (waits for review, was
	 * accepted, rejected or applied). Its record and its status then stay, so a product
	 * reviewed as a draft does not come back to the review queue when published. Whoever wants
	 * the photo annotated afresh (a new photo, "Re-annotate", a retry) marks the product
	 * pending (or retrying) first.
	 *
	 * @param int $product_id Product id.
	 * @param int $image_id   The photo annotated now.
	 */
	private function only_indexing( int $product_id, int $image_id ): bool {
		return $this->settled_unindexed( $product_id ) && $this->settled( $product_id, $image_id );
	}

	/**
	 * A job for a product shoppers cannot see, whose photo is annotated and its suggestion dealt
	 * with: a job queued to index it when it looked visible (a save's first hook may come before
	 * the save hides it), or one whose product went out of sight while it waited. A new suggestion
	 * would undo the review decision, or apply the labels again in auto mode, for a photo that did
	 * not change, so the record and the status stay; the product only leaves the index if the
	 * record says it is there.
	 *
	 * @param int $product_id Product id.
	 * @return string The status, unchanged.
	 */
	private function keep_out_of_index( int $product_id ): string {
		if ( $this->meta->is_indexed( $product_id ) ) {
			RemoveProductJob::enqueue_once( $this->scheduler, $product_id );
			$this->meta->set_out_of_sight( $product_id );
		}
		delete_post_meta( $product_id, AnnotationMeta::JOB );
		return $this->meta->status( $product_id );
	}

	/**
	 * Whether this photo's annotation is recorded and its suggestion has been dealt with (waits
	 * for review, was accepted, rejected or applied).
	 *
	 * @param int $product_id Product id.
	 * @param int $image_id   The photo to annotate now.
	 */
	private function settled( int $product_id, int $image_id ): bool {
		$record = $this->meta->get_json( $product_id, AnnotationMeta::ANNOTATION );
		return array() !== $record
			&& (int) ( $record['image_id'] ?? 0 ) === $image_id
			&& in_array( $this->meta->status( $product_id ), array( 'review', 'applied', 'rejected' ), true );
	}

	/**
	 * Whether the product's suggestion has been dealt with and its annotation is not in the index:
	 * a job for it, when shoppers can see it, only indexes it, and its failure leaves the status
	 * as it is ({@see BackfillJob} asks too).
	 *
	 * @param int $product_id Product id.
	 */
	public function settled_unindexed( int $product_id ): bool {
		$record = $this->meta->get_json( $product_id, AnnotationMeta::ANNOTATION );
		return false === ( $record['indexed'] ?? null )
			&& in_array( $this->meta->status( $product_id ), array( 'review', 'applied', 'rejected' ), true );
	}

	/**
	 * Reschedules with backoff, or marks the product failed. Also called by
	 * {@see LostJobRecovery} for jobs that died without reaching handle()'s catch.
	 *
	 * @param int          $product_id Product id.
	 * @param int          $attempt    Failed attempts before this one.
	 * @param ServiceError $error      Why it failed.
	 */
	public function retry_or_fail( int $product_id, int $attempt, ServiceError $error ): void {
		$failures = $attempt + 1;
		$delay    = $error->is_retryable() ? Backoff::delay( $failures, $error->retry_after ) : null;
		// A run that was only to index keeps the status: it says what became of the suggestion,
		// and a "retrying" would make the retry suggest the labels again. The job state still
		// tells the admin.
		$keep  = $this->settled_unindexed( $product_id );
		$state = array(
			'attempt' => $failures,
			'error'   => $error->to_array(),
			'at'      => gmdate( 'c' ),
		);
		if ( null !== $delay ) {
			$state['next_at'] = gmdate( 'c', time() + $delay );
			$this->scheduler->schedule( time() + $delay, self::HOOK, self::args( $product_id, $failures ) );
			if ( ! $keep ) {
				$this->meta->set_status( $product_id, 'retrying' );
			}
			$this->logger->log(
				'warning',
				sprintf( 'Product %d: attempt %d failed (%s), retrying in %d s.', $product_id, $failures, $error->getMessage(), $delay )
			);
		} else {
			if ( ! $keep ) {
				$this->meta->set_status( $product_id, ServiceError::NOT_CONFIGURED === $error->error_code ? 'not_configured' : 'failed' );
			}
			$this->logger->log(
				'error',
				sprintf( 'Product %d: annotation failed after %d attempt(s): [%s] %s', $product_id, $failures, $error->error_code, $error->getMessage() )
			);
		}
		$this->meta->set_json( $product_id, AnnotationMeta::JOB, $state );
	}
}
