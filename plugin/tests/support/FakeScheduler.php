<?php
/**
 * Recording job queue.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

use KalasIris\Jobs\Scheduler;

/**
 * Records every job instead of running it, so tests count jobs.
 */
final class FakeScheduler implements Scheduler {

	/** @var list<array{hook: string, args: array<string, mixed>, at: int|null}> */
	public array $jobs = array();

	/** @var list<string> */
	public array $cancelled = array();

	public function enqueue( string $hook, array $args ): void {
		$this->jobs[] = array( 'hook' => $hook, 'args' => $args, 'at' => null );
	}

	public function schedule( int $timestamp, string $hook, array $args ): void {
		$this->jobs[] = array( 'hook' => $hook, 'args' => $args, 'at' => $timestamp );
	}

	public function is_pending( string $hook, array $args ): bool {
		foreach ( $this->jobs as $job ) {
			if ( $job['hook'] === $hook && $job['args'] == $args ) {
				return true;
			}
		}
		return false;
	}

	public function cancel_all( string $hook ): void {
		$this->cancelled[] = $hook;
		$this->jobs        = array_values( array_filter( $this->jobs, static fn( array $j ): bool => $j['hook'] !== $hook ) );
	}

	/**
	 * Jobs of one hook.
	 *
	 * @param string $hook Hook.
	 * @return list<array{hook: string, args: array<string, mixed>, at: int|null}>
	 */
	public function of( string $hook ): array {
		return array_values( array_filter( $this->jobs, static fn( array $j ): bool => $j['hook'] === $hook ) );
	}
}
