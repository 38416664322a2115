import { render, screen } from '@testing-library/react';

import { BackfillProgressBar } from './BackfillProgressBar';
import type { BackfillProgress } from '../types';

const base: BackfillProgress = {
	state: 'running',
	total: 10000,
	done: 2490,
	failed: 10,
	processed: 2500,
	remaining: 7500,
	eta_seconds: 1800,
	started_at: 1,
	updated_at: 2,
	error: null,
	retry_at: null,
};

describe('BackfillProgressBar', () => {
	it('exposes done + failed as the progressbar value', () => {
		render(<BackfillProgressBar progress={base} />);
		const bar = screen.getByRole('progressbar', {
			name: 'Backfill progress',
		});
		expect(bar.getAttribute('aria-valuenow')).toBe('2500');
		expect(bar.getAttribute('aria-valuemax')).toBe('10000');
		expect(bar.getAttribute('aria-valuemin')).toBe('0');
		expect(screen.getByTestId('backfill-done').textContent).toBe('2490');
		expect(screen.getByTestId('backfill-failed').textContent).toBe('10');
		expect(screen.getByText(/about 30 min left/)).toBeTruthy();
	});

	it('shows no estimate when paused', () => {
		render(<BackfillProgressBar progress={{ ...base, state: 'paused' }} />);
		expect(screen.queryByText(/left/)).toBeNull();
	});

	it('never reports more than the maximum', () => {
		render(
			<BackfillProgressBar
				progress={{ ...base, total: 5, done: 7, failed: 0 }}
			/>
		);
		const bar = screen.getByRole('progressbar');
		expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(
			Number(bar.getAttribute('aria-valuemax'))
		);
	});
});
