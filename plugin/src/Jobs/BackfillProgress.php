<?php
/**
 * State of the catalogue backfill.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Jobs;

/**
 * Pure transitions of the progress record kept in the option {@see BackfillProgress::OPTION}.
 * The record is the only state of a run, so a page reload or a PHP timeout loses nothing.
 */
final class BackfillProgress {

	public const OPTION = 'kalas_iris_backfill';

	/**
	 * The record before any run.
	 *
	 * @return array<string, mixed>
	 */
	public static function idle(): array {
		return array(
			'state'      => 'idle',
			'total'      => 0,
			'done'       => 0,
			'failed'     => 0,
			'cursor'     => 0,
			'attempt'    => 0,
			'started_at' => null,
			'updated_at' => null,
			'error'      => null,
			'retry_at'   => null,
		);
	}

	/**
	 * A new run over $total products.
	 *
	 * @param int $total Products to annotate.
	 * @param int $now   Unix time.
	 * @return array<string, mixed>
	 */
	public static function start( int $total, int $now ): array {
		return array_replace(
			self::idle(),
			array(
				'state'      => $total > 0 ? 'running' : 'done',
				'total'      => $total,
				'started_at' => $now,
				'updated_at' => $now,
			)
		);
	}

	/**
	 * Progress as the admin shows it, with an estimate of the seconds left.
	 *
	 * @param array<string, mixed> $progress Record.
	 * @param int                  $now      Unix time.
	 * @return array<string, mixed>
	 */
	public static function view( array $progress, int $now ): array {
		$progress  = array_replace( self::idle(), $progress );
		$processed = (int) $progress['done'] + (int) $progress['failed'];
		$remaining = max( 0, (int) $progress['total'] - $processed );
		$elapsed   = null === $progress['started_at'] ? 0 : max( 0, $now - (int) $progress['started_at'] );
		$eta       = null;
		if ( 'running' === $progress['state'] && $processed > 0 && $elapsed > 0 ) {
			$eta = (int) ceil( $elapsed / $processed * $remaining );
		}
		unset( $progress['cursor'] );
		return $progress + array(
			'processed'   => $processed,
			'remaining'   => $remaining,
			'eta_seconds' => $eta,
		);
	}
}
