<?php
/**
 * Composition root.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris;

use KalasIris\Admin\AdminPages;
use KalasIris\Admin\Assets;
use KalasIris\Admin\ProductListColumn;
use KalasIris\Admin\ProductMetaBox;
use KalasIris\Blocks\BlockRegistry;
use KalasIris\Blocks\ProductListRenderer;
use KalasIris\Blocks\SimilarProducts;
use KalasIris\Jobs\ActionSchedulerQueue;
use KalasIris\Jobs\AnnotateProductJob;
use KalasIris\Jobs\BackfillJob;
use KalasIris\Jobs\DataUpgrade;
use KalasIris\Jobs\FeedbackJob;
use KalasIris\Jobs\LearnJob;
use KalasIris\Jobs\LostJobRecovery;
use KalasIris\Jobs\RemoveProductJob;
use KalasIris\Jobs\Scheduler;
use KalasIris\Products\AnnotationMeta;
use KalasIris\Products\CatalogLearning;
use KalasIris\Products\ImageReader;
use KalasIris\Products\ProductEvents;
use KalasIris\Products\ReviewService;
use KalasIris\Products\VisibilityEvents;
use KalasIris\Products\WcProductGateway;
use KalasIris\Products\WpCatalog;
use KalasIris\Products\WriteBack;
use KalasIris\Rest;
use KalasIris\Security\RateLimiter;
use KalasIris\Service\ServiceClient;
use KalasIris\Service\WpHttpTransport;
use KalasIris\Settings\Settings;
use KalasIris\Support\Logger;

/**
 * Builds the plugin's objects once, lazily, and hooks them. Admin screens and REST
 * controllers are only created on the requests that need them.
 */
final class Plugin {

	private static ?Plugin $instance = null;

	/**
	 * @var array<string, object>
	 */
	private array $services = array();

	/**
	 * @param string $dir Plugin directory.
	 * @param string $url Plugin URL.
	 */
	public function __construct( private string $dir, private string $url ) {
	}

	/**
	 * The running plugin, for block render files.
	 */
	public static function instance(): ?Plugin {
		return self::$instance;
	}

	/**
	 * Hooks everything.
	 */
	public function register(): void {
		self::$instance = $this;

		// Jobs and product events run in every context: admin, REST, cron, WP-CLI, imports.
		$this->events()->register();
		( new VisibilityEvents( $this->events(), new WcProductGateway(), $this->meta() ) )->register();
		$this->annotate_job()->register();
		( new LostJobRecovery( $this->annotate_job(), self::fetch_action( ... ) ) )->register();
		$this->backfill()->register();
		( new RemoveProductJob( $this->client_factory(), $this->scheduler(), $this->logger(), new WcProductGateway() ) )->register();
		( new FeedbackJob( $this->client_factory(), $this->scheduler(), $this->logger() ) )->register();
		( new LearnJob( $this->catalog_learning(), $this->scheduler(), $this->logger() ) )->register();
		( new DataUpgrade( new WpCatalog(), new WcProductGateway(), $this->scheduler(), $this->meta(), $this->logger() ) )->register();
		add_action( 'untrashed_post', fn( $id ) => 'product' === get_post_type( (int) $id ) && $this->events()->enqueue( (int) $id ) );

		add_action( 'init', fn() => ( new BlockRegistry( $this->dir ) )->register() );
		add_action( 'rest_api_init', fn() => $this->register_rest() );

		if ( is_admin() ) {
			$assets = new Assets( $this->dir, $this->url );
			( new AdminPages( $assets, new WpCatalog() ) )->register();
			( new ProductMetaBox( $assets ) )->register();
			( new ProductListColumn( $this->meta() ) )->register();
		}
	}

	/**
	 * Registers the REST controllers; only REST requests reach here.
	 */
	private function register_rest(): void {
		$client     = $this->client_factory();
		$controllers = array(
			new Rest\SettingsController( $this->settings(), $client ),
			new Rest\ConnectController( $client ),
			new Rest\ProductsController( $this->meta(), $this->events() ),
			new Rest\ReviewController( new WpCatalog(), $this->meta(), new ReviewService( $this->write_back(), $this->meta(), $this->scheduler() ) ),
			new Rest\BackfillController( $this->backfill(), new WpCatalog() ),
			new Rest\ReindexController( $client ),
			new Rest\LearnController( $this->catalog_learning() ),
			new Rest\TryItController( $client, $this->settings() ),
			new Rest\CorrectionsController( $client ),
			new Rest\ShopperSearchController( $client, $this->shopper_limiter(), new ProductListRenderer() ),
		);
		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}
		add_filter( 'rest_request_before_callbacks', array( Rest\RestController::class, 'permission_first' ), 10, 3 );
	}

	/**
	 * Photo searches per visitor: 10 per 10 minutes unless a site filters it
	 * (kalas_iris_search_rate_limit, kalas_iris_search_rate_window in seconds).
	 */
	private function shopper_limiter(): RateLimiter {
		return new RateLimiter(
			'search',
			max( 1, (int) apply_filters( 'kalas_iris_search_rate_limit', 10 ) ),
			max( 1, (int) apply_filters( 'kalas_iris_search_rate_window', 10 * MINUTE_IN_SECONDS ) )
		);
	}

	/**
	 * Hook and arguments of an Action Scheduler action.
	 *
	 * @param int $action_id Action id.
	 * @return array{0: string, 1: mixed}|null
	 */
	private static function fetch_action( int $action_id ): ?array {
		if ( ! class_exists( \ActionScheduler::class ) ) {
			return null;
		}
		$action = \ActionScheduler::store()->fetch_action( (string) $action_id );
		return array( (string) $action->get_hook(), $action->get_args() );
	}

	/**
	 * Similar products for the block.
	 */
	public function similar_products(): SimilarProducts {
		return $this->share( SimilarProducts::class, fn() => new SimilarProducts( $this->client_factory(), $this->logger(), $this->scheduler() ) );
	}

	/**
	 * Settings.
	 */
	public function settings(): Settings {
		return $this->share( Settings::class, fn() => new Settings() );
	}

	/**
	 * A client built from the current settings each time, so a saved key applies at once.
	 *
	 * @return callable(): ServiceClient
	 */
	private function client_factory(): callable {
		return fn(): ServiceClient => new ServiceClient(
			(string) $this->settings()->get( 'service_url' ),
			(string) $this->settings()->get( 'api_key' ),
			new WpHttpTransport()
		);
	}

	private function scheduler(): Scheduler {
		return $this->share( Scheduler::class, fn() => new ActionSchedulerQueue() );
	}

	private function meta(): AnnotationMeta {
		return $this->share( AnnotationMeta::class, fn() => new AnnotationMeta() );
	}

	private function logger(): Logger {
		return $this->share( Logger::class, fn() => new Logger() );
	}

	private function events(): ProductEvents {
		return $this->share( ProductEvents::class, fn() => new ProductEvents( $this->scheduler(), $this->meta(), true ) );
	}

	private function catalog_learning(): CatalogLearning {
		return $this->share(
			CatalogLearning::class,
			fn() => new CatalogLearning( new WpCatalog(), new WcProductGateway(), $this->meta(), $this->client_factory() )
		);
	}

	private function write_back(): WriteBack {
		return $this->share( WriteBack::class, fn() => new WriteBack( new WcProductGateway(), $this->meta(), $this->settings() ) );
	}

	private function annotate_job(): AnnotateProductJob {
		return $this->share(
			AnnotateProductJob::class,
			fn() => new AnnotateProductJob(
				new WcProductGateway(),
				new ImageReader(),
				$this->client_factory(),
				$this->meta(),
				$this->write_back(),
				$this->scheduler(),
				$this->settings(),
				$this->logger()
			)
		);
	}

	private function backfill(): BackfillJob {
		return $this->share(
			BackfillJob::class,
			fn() => new BackfillJob( new WpCatalog(), $this->annotate_job(), $this->scheduler(), $this->meta(), $this->logger() )
		);
	}

	/**
	 * One instance per id.
	 *
	 * @template T of object
	 * @param class-string<T> $id     Service id.
	 * @param callable(): T   $create Factory.
	 * @return T
	 */
	private function share( string $id, callable $create ): object {
		return $this->services[ $id ] ??= $create();
	}
}
