import { toApiError } from './api';

describe('toApiError', () => {
	it('keeps the code, message, status and field errors of a WP_Error body', () => {
		expect(
			toApiError({
				code: 'invalid_settings',
				message: 'The mode must be "auto" or "review".',
				data: {
					status: 400,
					errors: { mode: 'The mode must be "auto" or "review".' },
				},
			})
		).toEqual({
			code: 'invalid_settings',
			message: 'The mode must be "auto" or "review".',
			status: 400,
			details: { mode: 'The mode must be "auto" or "review".' },
		});
	});

	it('turns network failures and junk into a sentence', () => {
		expect(toApiError(new TypeError('Failed to fetch'))).toEqual({
			code: 'network_error',
			message: 'Failed to fetch',
		});
		expect(toApiError('nope').code).toBe('unknown_error');
		expect(toApiError(null).message).toMatch(/try again/);
	});
});

describe('toApiError on an ApiError', () => {
	it('is idempotent', () => {
		const error = {
			code: 'overloaded',
			message: 'Busy.',
			status: 503,
			details: { a: 'b' },
		};
		expect(toApiError(error)).toEqual(error);
	});
});
