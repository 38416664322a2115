<?php
/**
 * Scripted service client.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

use KalasIris\Service\Image;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\ServiceError;

/**
 * Answers with a fixed annotation, or throws a queued error.
 */
final class FakeClient extends ServiceClient {

	/** @var list<\Throwable> Errors to throw, one per call, before answering. */
	public array $errors = array();

	/** @var list<string> */
	public array $calls = array();

	/** @var array<string, mixed> */
	public array $annotation;

	public function __construct() {
		$this->annotation = self::dress();
	}

	/**
	 * A confident red striped casual dress.
	 *
	 * @return array<string, mixed>
	 */
	public static function dress(): array {
		return array(
			'category'   => array( 'label' => 'Dresses', 'score' => 0.93, 'confident' => true ),
			'attributes' => array(
				'usage'   => array( 'label' => 'Casual', 'score' => 0.81, 'confident' => true ),
				'pattern' => array( 'label' => 'Striped', 'score' => 0.9, 'confident' => true ),
				'gender'  => array( 'label' => 'Women', 'score' => 0.3, 'confident' => false ),
			),
			'colors'     => array(
				array( 'name' => 'red', 'hex' => '#c62828', 'share' => 0.71 ),
				array( 'name' => 'white', 'hex' => '#f5f5f5', 'share' => 0.05 ),
			),
			'model'      => array( 'name' => 'kalas-fashion-mnv2', 'version' => '1.0.0' ),
		);
	}

	/** @var (callable(int): void)|null Runs inside put_product, e.g. to pause a backfill mid-batch. */
	public $during_put = null;

	/** @var array<int, array<string, string>> The own labels sent with each product. */
	public array $labels_sent = array();

	public function put_product( int $product_id, Image $image, array $fields, array $labels = array() ): array {
		$this->calls[]                  = 'put:' . $product_id;
		$this->labels_sent[ $product_id ] = $labels;
		if ( null !== $this->during_put ) {
			( $this->during_put )( $product_id );
		}
		$this->maybe_fail();
		return array( 'id' => (string) $product_id, 'annotation' => $this->annotation );
	}

	public function annotate( Image $image ): array {
		$this->calls[] = 'annotate';
		$this->maybe_fail();
		return $this->annotation;
	}

	public function delete_product( int $product_id ): void {
		$this->calls[] = 'delete:' . $product_id;
		$this->maybe_fail();
	}

	/** @var list<array{0: string, 1: string, 2: string}> */
	public array $credentials = array();

	public function put_woocommerce_credentials( string $shop_url, string $consumer_key, string $consumer_secret ): array {
		$this->credentials[] = array( $shop_url, $consumer_key, $consumer_secret );
		$this->maybe_fail();
		return array( 'ok' => true );
	}

	/** @var list<list<array{id: string, labels: object}>> Batches sent to PUT /v1/labels. */
	public array $label_batches = array();

	public function set_labels( array $items ): array {
		$this->label_batches[] = $items;
		$this->maybe_fail();
		return array( 'updated' => count( $items ), 'missing' => array() );
	}

	public function learn(): array {
		$this->calls[] = 'learn';
		$this->maybe_fail();
		return array( 'fields' => array( 'category' => array( 'labels' => 2, 'examples' => 3, 'holdout_accuracy' => null, 'seconds' => 0.1 ) ), 'corrections' => 0 );
	}

	/** @var array<string, mixed> What GET /v1/learn answers: nothing learned, nothing waiting. */
	public array $learn_status = array( 'fields' => array(), 'running' => false, 'next_run_at' => null );

	public function learn_status(): array {
		$this->calls[] = 'learn_status';
		$this->maybe_fail();
		return $this->learn_status;
	}

	private function maybe_fail(): void {
		$error = array_shift( $this->errors );
		if ( null !== $error ) {
			throw $error;
		}
	}
}
