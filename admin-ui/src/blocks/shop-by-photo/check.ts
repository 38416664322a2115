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
 * Sentences shown to shoppers. render.php passes translated ones as data-msg-* attributes;
 * %d stands for a number.
 */
export interface Messages {
	choose: string;
	notImage: string;
	tooLarge: string;
	searching: string;
	none: string;
	one: string;
	many: string;
	unavailable: string;
}

export const DEFAULT_MESSAGES: Messages = {
	choose: 'Choose a photo to search with.',
	notImage:
		'That file is not a photo. Use a JPEG, PNG, WebP, GIF or AVIF image.',
	tooLarge: 'The photo is too large; the limit is %d MB.',
	searching: 'Searching…',
	none: 'No similar products found.',
	one: 'Found 1 similar product.',
	many: 'Found %d similar products.',
	unavailable:
		'Photo search is not available right now. Please try again later.',
};

/**
 * Messages from data-msg-* attributes, falling back to English.
 *
 * @param dataset The block element's dataset.
 */
export function messagesFrom(dataset: DOMStringMap): Messages {
	const pick = (key: keyof Messages, attribute: string): string =>
		dataset[attribute] || DEFAULT_MESSAGES[key];
	return {
		choose: pick('choose', 'msgChoose'),
		notImage: pick('notImage', 'msgNotImage'),
		tooLarge: pick('tooLarge', 'msgTooLarge'),
		searching: pick('searching', 'msgSearching'),
		none: pick('none', 'msgNone'),
		one: pick('one', 'msgOne'),
		many: pick('many', 'msgMany'),
		unavailable: pick('unavailable', 'msgUnavailable'),
	};
}

/**
 * A sentence explaining why the file cannot be used, or null when it can.
 *
 * @param file     Chosen file, if any.
 * @param maxBytes Size limit.
 * @param messages Sentences.
 */
export function checkFile(
	file: Pick<File, 'type' | 'size'> | null | undefined,
	maxBytes: number,
	messages: Messages = DEFAULT_MESSAGES
): string | null {
	if (!file) {
		return messages.choose;
	}
	// Some phones leave the type empty for camera photos; the server sniffs the bytes then.
	if (file.type !== '' && !ACCEPTED_TYPES.includes(file.type)) {
		return messages.notImage;
	}
	if (file.size > maxBytes) {
		return messages.tooLarge.replace(
			'%d',
			String(Math.floor(maxBytes / 1048576))
		);
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
 * @param ok       Whether the HTTP status was 2xx.
 * @param answer   Parsed body.
 * @param messages Sentences.
 */
export function resultMessage(
	ok: boolean,
	answer: SearchAnswer,
	messages: Messages = DEFAULT_MESSAGES
): string {
	if (!ok) {
		// The server's sentence is already translated and says what went wrong.
		return answer.message ?? messages.unavailable;
	}
	const count = answer.count ?? 0;
	if (count === 0) {
		return messages.none;
	}
	return count === 1
		? messages.one
		: messages.many.replace('%d', String(count));
}
