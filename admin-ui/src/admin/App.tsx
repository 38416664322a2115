/**
 * Picks the screen the PHP page asked for.
 */
import { BackfillPage } from '../pages/BackfillPage';
import { CorrectionsPage } from '../pages/CorrectionsPage';
import { ReviewPage } from '../pages/ReviewPage';
import { SettingsPage } from '../pages/SettingsPage';
import { TryItPage } from '../pages/TryItPage';
import type { AdminConfig } from './config';

export function App({ page }: { page: AdminConfig['page'] }) {
	switch (page) {
		case 'review':
			return <ReviewPage />;
		case 'backfill':
			return <BackfillPage />;
		case 'try':
			return <TryItPage />;
		case 'corrections':
			return <CorrectionsPage />;
		default:
			return <SettingsPage />;
	}
}
