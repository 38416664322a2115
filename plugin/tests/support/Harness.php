<?php
/**
 * Wires the plugin's real classes to the fakes.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\ProductEvents;
use KalasIris\Products\VisibilityEvents;
use KalasIris\Products\WriteBack;
use KalasIris\Settings\Settings;
use KalasIris\Support\Logger;

/**
 * One shop: products, queue, service and the plugin's listeners, with hooks registered.
 */
final class Harness {

	public FakeScheduler $scheduler;
	public FakeProducts $products;
	public FakeClient $client;
	public AnnotationMeta $meta;
	public Settings $settings;
	public ProductEvents $events;
	public VisibilityEvents $visibility;
	public WriteBack $write;
	public AnnotateProductJob $job;

	/**
	 * @param array<string, mixed> $settings   Settings overrides.
	 * @param bool                 $in_request Product events wait for the end of the request, as in the
	 *                                         plugin ({@see Harness::end_request()}); otherwise they act at once.
	 */
	public function __construct( array $settings = array(), bool $in_request = false ) {
		Wp::reset();
		Wp::$options[ Settings::OPTION ] = array_replace(
			array( 'api_key' => 'test-key-123', 'attribute_fields' => array( 'color', 'pattern' ), 'tag_fields' => array( 'usage', 'gender' ) ),
			$settings
		);
		$this->scheduler = new FakeScheduler();
		$this->products  = new FakeProducts();
		$this->client    = new FakeClient();
		$this->meta      = new AnnotationMeta();
		$this->settings  = new Settings();
		$this->events    = new ProductEvents( $this->scheduler, $this->meta, $in_request );
		$this->write     = new WriteBack( $this->products, $this->meta, $this->settings );
		$client          = $this->client;
		$this->job       = new AnnotateProductJob(
			$this->products,
			new FakeImages(),
			static fn() => $client,
			$this->meta,
			$this->write,
			$this->scheduler,
			$this->settings,
			new Logger()
		);
		$this->visibility = new VisibilityEvents( $this->events, $this->products, $this->meta );
		$this->events->register();
		$this->visibility->register();
		$this->job->register();
	}

	/**
	 * The request ends: what product events deferred runs.
	 */
	public function end_request(): void {
		do_action( 'shutdown' );
	}

	/**
	 * Runs every queued job once (not scheduled-for-later ones), like a queue runner.
	 *
	 * @return int How many ran.
	 */
	public function run_queue(): int {
		$ran = 0;
		while ( null !== ( $index = $this->next_due() ) ) {
			$job = $this->scheduler->jobs[ $index ];
			array_splice( $this->scheduler->jobs, $index, 1 );
			do_action( $job['hook'], $job['args'] );
			++$ran;
		}
		return $ran;
	}

	private function next_due(): ?int {
		foreach ( $this->scheduler->jobs as $i => $job ) {
			if ( null === $job['at'] ) {
				return $i;
			}
		}
		return null;
	}
}
