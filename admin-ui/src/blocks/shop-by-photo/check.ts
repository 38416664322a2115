/**
 * Checks a shopper's file before upload, for an instant message. The server checks
 * again (plugin/src/Security/UploadValidator.php); this only saves a round trip.
 */

export const ACCEPTED_TYPES = [
	'image/jpeg',
	'image/png',
	'image/webp',
	'image/gif',
	'image/avif',
];

/**
 * A sentence explaining why the file cannot be used, or null when it can.
 *
 * @param file     Chosen file, if any.
 * @param maxBytes Size limit.
 */
export function checkFile(
	file: Pick<File, 'type' | 'size'> | null | undefined,
	maxBytes: number
): string | null {
	if (!file) {
		return 'Choose a photo to search with.';
	}
	// Some phones leave the type empty for camera photos; the server sniffs the bytes then.
	if (file.type !== '' && !ACCEPTED_TYPES.includes(file.type)) {
		return 'That file is not a photo. Use a JPEG, PNG, WebP, GIF or AVIF image.';
	}
	if (file.size > maxBytes) {
		return `The photo is too large; the limit is ${Math.floor(maxBytes / 1048576)} MB.`;
	}
	return null;
}

export interface SearchAnswer {
	html?: string;
	count?: number;
	message?: string;
}

/**
 * What to tell the shopper about an answer.
 *
 * @param ok     Whether the HTTP status was 2xx.
 * @param answer Parsed body.
 */
export function resultMessage(ok: boolean, answer: SearchAnswer): string {
	if (!ok) {
		return (
			answer.message ??
			'Photo search is not available right now. Please try again later.'
		);
	}
	const count = answer.count ?? 0;
	if (count === 0) {
		return 'No similar products found.';
	}
	return count === 1
		? 'Found 1 similar product.'
		: `Found ${count} similar products.`;
}
