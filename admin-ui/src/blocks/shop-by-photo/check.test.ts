import { checkFile, messagesFrom, resultMessage } from './check';

const MB = 1048576;

describe('shop-by-photo file check', () => {
	it('accepts a photo within the limit', () => {
		expect(
			checkFile({ type: 'image/jpeg', size: 2 * MB }, 10 * MB)
		).toBeNull();
		expect(checkFile({ type: '', size: 1 }, 10 * MB)).toBeNull();
	});

	it('explains a missing, non-image or too-large file', () => {
		expect(checkFile(null, 10 * MB)).toMatch(/Choose a photo/);
		expect(
			checkFile({ type: 'application/pdf', size: 10 }, 10 * MB)
		).toMatch(/not a photo/);
		expect(checkFile({ type: 'image/png', size: 11 * MB }, 10 * MB)).toBe(
			'The photo is too large; the limit is 10 MB.'
		);
	});

	it('describes the answer', () => {
		expect(resultMessage(true, { count: 3, html: '' })).toBe(
			'Found 3 similar products.'
		);
		expect(resultMessage(true, { count: 0 })).toBe(
			'No similar products found.'
		);
		expect(
			resultMessage(false, { message: 'Please wait 30 seconds.' })
		).toBe('Please wait 30 seconds.');
		expect(resultMessage(false, {})).toMatch(/not available/);
	});
});

describe('shop-by-photo messages', () => {
	it('uses translated sentences from the block attributes', () => {
		const messages = messagesFrom({
			msgTooLarge: 'Das Foto ist zu groß; höchstens %d MB.',
			msgMany: '%d ähnliche Produkte gefunden.',
		});
		expect(
			checkFile({ type: 'image/png', size: 11 * MB }, 10 * MB, messages)
		).toBe('Das Foto ist zu groß; höchstens 10 MB.');
		expect(resultMessage(true, { count: 4 }, messages)).toBe(
			'4 ähnliche Produkte gefunden.'
		);
		expect(messages.none).toBe('No similar products found.');
	});
});
