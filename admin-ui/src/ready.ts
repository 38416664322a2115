/**
 * Runs a callback once the DOM is parsed. Admin scripts load in the footer, so this is
 * usually immediate; it keeps the entries safe if a page moves them to the head.
 *
 * @param callback Callback.
 */
export function onReady(callback: () => void): void {
	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', callback, { once: true });
	} else {
		callback();
	}
}
