<?php
declare(strict_types=1);

namespace KalasIris\Tests\Unit;

use KalasIris\Rest\ReindexController;
use KalasIris\Service\HttpTransport;
use KalasIris\Service\ServiceClient;
use KalasIris\Tests\Wp;
use PHPUnit\Framework\TestCase;

/**
 * The admin's view of the service's reindex: progress read through, a run started, and a
 * service that is down reported as the server's problem.
 */
final class ReindexControllerTest extends TestCase {

	/** @var list<string> */
	public array $requests = array();
	public int $status     = 200;
	public ?string $body   = null;

	protected function setUp(): void {
		Wp::reset();
		$test      = $this;
		$transport = new class( $test ) implements HttpTransport {
			public function __construct( private ReindexControllerTest $test ) {
			}
			public function request( string $method, string $url, array $headers, ?string $body, float $timeout ): array {
				$this->test->requests[] = "$method $url";
				if ( null !== $this->test->body ) {
					return array( 'status' => $this->test->status, 'headers' => array(), 'body' => $this->test->body );
				}
				if ( 200 !== $this->test->status ) {
					return array( 'status' => $this->test->status, 'headers' => array(), 'body' => '{"error":{"code":"overloaded","message":"busy"}}' );
				}
				$state = 'POST' === $method ? 'running' : 'idle';
				return array( 'status' => 'POST' === $method ? 202 : 200, 'headers' => array(), 'body' => (string) json_encode( array( 'state' => $state, 'total' => 3, 'done' => 0, 'failed' => 0, 'stale_now' => 3 ) ) );
			}
		};
		( new ReindexController( static fn() => new ServiceClient( 'http://svc', 'key-12345678', $transport ) ) )->register_routes();
	}

	private function call( string $method ) {
		foreach ( Wp::$routes['kalas-iris/v1/reindex'] as $endpoint ) {
			if ( ( 'GET' === $method ) === ( \WP_REST_Server::READABLE === $endpoint['methods'] ) ) {
				return $endpoint['callback']();
			}
		}
		$this->fail( "no $method endpoint" );
	}

	public function test_reads_the_progress_and_starts_a_run(): void {
		$this->assertSame( array( 'state' => 'idle', 'total' => 3, 'done' => 0, 'failed' => 0, 'stale_now' => 3 ), $this->call( 'GET' ) );
		$this->assertSame( 'running', $this->call( 'POST' )['state'] );
		$this->assertSame( array( 'GET http://svc/v1/reindex', 'POST http://svc/v1/reindex' ), $this->requests );
	}

	public function test_a_url_that_is_not_the_service_is_reported_as_such(): void {
		// What a service URL pointing at the shop's own WordPress answers.
		$this->body = '{"name":"My shop","description":"","url":"http://shop","namespaces":["wp/v2"]}';
		$error      = $this->call( 'GET' );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( array( 'service_unexpected', 502 ), array( $error->code, $error->data['status'] ) );
		$this->status = 404;
		$this->body   = '<html>Not Found</html>';
		$error        = $this->call( 'GET' );
		$this->assertSame( array( 'service_unexpected', 502 ), array( $error->code, $error->data['status'] ) );
		$this->assertStringContainsString( 'check the service URL', $error->message );
	}

	public function test_a_busy_service_is_the_servers_problem(): void {
		$this->status = 503;
		$error        = $this->call( 'POST' );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 503, $error->data['status'] );
	}
}
