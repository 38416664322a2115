/**
 * Small formatting helpers shared by the screens.
 */

/**
 * "about 3 min" style estimate; null when there is nothing to estimate yet.
 *
 * @param seconds Seconds left.
 */
export function formatEta(seconds: number | null): string | null {
	if (seconds === null || !Number.isFinite(seconds) || seconds < 0) {
		return null;
	}
	if (seconds < 60) {
		return 'less than a minute';
	}
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) {
		return `about ${minutes} min`;
	}
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}

/**
 * Score in [0, 1] as a whole percentage.
 *
 * @param score Score.
 */
export function percent(score: number): string {
	return `${Math.round(score * 100)}%`;
}
