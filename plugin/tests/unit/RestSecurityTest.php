<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Blocks\ProductListRenderer;
use KalasIris\Jobs\BackfillJob;
use KalasIris\Products\CatalogLearning;
use KalasIris\Products\ReviewService;
use KalasIris\Products\WpCatalog;
use KalasIris\Rest;
use KalasIris\Rest\RestController;
use KalasIris\Security\RateLimiter;
use KalasIris\Support\Logger;
use KalasIris\Tests\FakeCatalog;
use KalasIris\Tests\Harness;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * Every admin route checks the capability and the REST nonce; only the two routes that
 * must be public are.
 */
final class RestSecurityTest extends TestCase {

	private const PUBLIC_ROUTES = array( 'kalas-iris/v1/connect/callback', 'kalas-iris/v1/search' );

	/**
	 * @return list<RestController>
	 */
	private function controllers( Harness $shop ): array {
		$client  = static fn() => $shop->client;
		$catalog = new WpCatalog();
		return array(
			new Rest\SettingsController( $shop->settings, $client ),
			new Rest\ConnectController( $client ),
			new Rest\ProductsController( $shop->meta, $shop->events ),
			new Rest\ReviewController( $catalog, $shop->meta, new ReviewService( $shop->write, $shop->meta, $shop->scheduler ) ),
			new Rest\BackfillController( new BackfillJob( $catalog, $shop->job, $shop->scheduler, $shop->meta, new Logger() ), $catalog ),
			new Rest\ReindexController( $client ),
			new Rest\LearnController( new CatalogLearning( new FakeCatalog(), $shop->products, $shop->meta, $client ) ),
			new Rest\TryItController( $client, $shop->settings ),
			new Rest\CorrectionsController( $client ),
			new Rest\ShopperSearchController( $client, new RateLimiter( 'search', 10, 600 ), new ProductListRenderer() ),
		);
	}

	public function test_every_admin_route_uses_the_capability_and_nonce_check(): void {
		$shop        = new Harness();
		$controllers = $this->controllers( $shop );
		// A controller added to the plugin but not to this list would go unchecked.
		$files = array_map( static fn( string $f ): string => basename( $f, '.php' ), glob( dirname( __DIR__, 2 ) . '/src/Rest/*Controller.php' ) );
		$this->assertEqualsCanonicalizing(
			array_values( array_diff( $files, array( 'RestController' ) ) ),
			array_map( static fn( object $c ): string => ( new \ReflectionClass( $c ) )->getShortName(), $controllers )
		);
		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}
		$this->assertGreaterThanOrEqual( 15, count( Wp::$routes ) );
		foreach ( Wp::$routes as $route => $endpoints ) {
			foreach ( $endpoints as $endpoint ) {
				$permission = $endpoint['permission_callback'] ?? null;
				if ( in_array( $route, self::PUBLIC_ROUTES, true ) ) {
					$this->assertSame( '__return_true', $permission, $route );
					continue;
				}
				$this->assertIsArray( $permission, "$route has an admin permission check" );
				$this->assertSame( 'can_manage', $permission[1], $route );
			}
		}
	}

	public function test_can_manage_needs_the_capability_and_a_valid_nonce(): void {
		Wp::reset();
		$controller = new Rest\BackfillController(
			$this->createMock( BackfillJob::class ),
			new WpCatalog()
		);
		$with_nonce = new \WP_REST_Request( array( 'x-wp-nonce' => 'valid-nonce' ) );

		$denied = $controller->can_manage( $with_nonce );
		$this->assertInstanceOf( \WP_Error::class, $denied );
		$this->assertSame( 401, $denied->data['status'] );

		Wp::$capabilities = array( 'manage_woocommerce' );
		$this->assertTrue( $controller->can_manage( $with_nonce ) );

		$no_nonce = $controller->can_manage( new \WP_REST_Request() );
		$this->assertInstanceOf( \WP_Error::class, $no_nonce );
		$this->assertSame( 'rest_cookie_invalid_nonce', $no_nonce->code );
		$bad_nonce = $controller->can_manage( new \WP_REST_Request( array( 'x-wp-nonce' => 'forged' ) ) );
		$this->assertInstanceOf( \WP_Error::class, $bad_nonce );

		// Application passwords cannot be sent cross-site, so no nonce is needed.
		Wp::$app_password = 'uuid-1';
		$this->assertTrue( $controller->can_manage( new \WP_REST_Request() ) );

		Wp::$capabilities = array( 'edit_posts' );
		$this->assertInstanceOf( \WP_Error::class, $controller->can_manage( new \WP_REST_Request() ), 'the capability is checked first' );
	}
}
