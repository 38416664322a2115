import { renderHook } from '@testing-library/react';

import { usePolling, type PollSchedule } from './use-polling';

/**
 * Renders the hook with a read that counts its calls.
 *
 * @param schedule The first schedule.
 */
function poll(schedule: PollSchedule) {
	const read = jest.fn();
	const hook = renderHook(
		({ when, onRead }: { when: PollSchedule; onRead: () => void }) =>
			usePolling(onRead, when),
		{ initialProps: { when: schedule, onRead: read } }
	);
	return { read, ...hook };
}

describe('usePolling', () => {
	beforeEach(() => jest.useFakeTimers());
	afterEach(() => jest.useRealTimers());

	it('reads on every tick while it has a schedule, and stops when it turns null', () => {
		const { read, rerender } = poll({ every: 1000 });
		expect(read).not.toHaveBeenCalled();
		jest.advanceTimersByTime(3000);
		expect(read).toHaveBeenCalledTimes(3);

		rerender({ when: null, onRead: read });
		jest.advanceTimersByTime(10_000);
		expect(read).toHaveBeenCalledTimes(3);
	});

	it('stops reading when the component unmounts', () => {
		const { read, unmount } = poll({ every: 1000 });
		jest.advanceTimersByTime(1000);
		unmount();
		jest.advanceTimersByTime(10_000);
		expect(read).toHaveBeenCalledTimes(1);

		// Nor does a read waiting for its time come after the unmount.
		const once = poll({ after: Date.now() + 5000, wait: 1000 });
		once.unmount();
		jest.advanceTimersByTime(60_000);
		expect(once.read).not.toHaveBeenCalled();
	});

	it('reads once, the wait after the time given, or the wait from now when that time has passed', () => {
		const { read, rerender } = poll({
			after: Date.now() + 5000,
			wait: 1000,
		});
		jest.advanceTimersByTime(5999);
		expect(read).not.toHaveBeenCalled();
		jest.advanceTimersByTime(1);
		expect(read).toHaveBeenCalledTimes(1);
		jest.advanceTimersByTime(60_000);
		expect(read).toHaveBeenCalledTimes(1);

		rerender({
			when: { after: Date.now() - 30_000, wait: 1000 },
			onRead: read,
		});
		jest.advanceTimersByTime(999);
		expect(read).toHaveBeenCalledTimes(1);
		jest.advanceTimersByTime(1);
		expect(read).toHaveBeenCalledTimes(2);
	});

	it('keeps its timer through renders with a new read and an equal schedule, and calls the newest read', () => {
		const { read, rerender } = poll({ every: 1000 });
		const newer = jest.fn();
		jest.advanceTimersByTime(600);
		rerender({ when: { every: 1000 }, onRead: newer });
		jest.advanceTimersByTime(400);
		expect(read).not.toHaveBeenCalled();
		expect(newer).toHaveBeenCalledTimes(1);
	});
});
