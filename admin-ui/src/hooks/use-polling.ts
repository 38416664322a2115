/**
 * Reading the server again on a timer, for screens that follow work going on elsewhere (a
 * backfill, a reindex, an annotation job, the service's learning). The timers live here
 * only, so that none outlives its screen or the condition that started it.
 */
import { useEffect, useRef } from '@wordpress/element';

/**
 * When to read again: every `every` ms; or once, `wait` ms after the time `after` (ms since
 * the epoch), or `wait` ms from now when that time has passed; or, when null, not at all.
 */
export type PollSchedule =
	{ every: number } | { after: number; wait: number } | null;

/**
 * Calls `read` on `schedule`, until the schedule turns null or the component unmounts.
 * The timer starts again only when the schedule changes, not when `read` does: callers
 * pass a new function each render, and restarting on each render would put a read off for
 * as long as renders keep coming.
 *
 * @param read     Asks the server; its latest version is called.
 * @param schedule When.
 */
export function usePolling(read: () => void, schedule: PollSchedule): void {
	const latest = useRef(read);
	useEffect(() => {
		latest.current = read;
	});

	// Primitives, so that an equal schedule built anew each render keeps its timer.
	const every = schedule && 'every' in schedule ? schedule.every : null;
	const after = schedule && 'after' in schedule ? schedule.after : null;
	const wait = schedule && 'wait' in schedule ? schedule.wait : null;
	useEffect(() => {
		if (every !== null) {
			const timer = window.setInterval(() => latest.current(), every);
			return () => window.clearInterval(timer);
		}
		if (after !== null && wait !== null) {
			const timer = window.setTimeout(
				() => latest.current(),
				Math.max(0, after - Date.now()) + wait
			);
			return () => window.clearTimeout(timer);
		}
		return undefined;
	}, [every, after, wait]);
}
