/**
 * The one place where REST calls are made and their errors normalised.
 */
import apiFetch from '@wordpress/api-fetch';

import type { ApiError } from '../types';

export const NAMESPACE = '/kalas-iris/v1';

interface WpErrorBody {
	code?: unknown;
	message?: unknown;
	data?: { status?: unknown; errors?: unknown } | null;
	// Present when the value is already an ApiError (rethrown by a thunk).
	status?: unknown;
	details?: unknown;
}

/**
 * Turns whatever apiFetch threw (a WP_Error body, a network failure, a non-JSON page)
 * into an ApiError with a stable code and a sentence a person can read.
 */
export function toApiError(thrown: unknown): ApiError {
	if (thrown && typeof thrown === 'object') {
		const body = thrown as WpErrorBody;
		if (typeof body.code === 'string' && typeof body.message === 'string') {
			const errors = body.data?.errors ?? body.details;
			const status = body.data?.status ?? body.status;
			return {
				code: body.code,
				message: body.message,
				status: typeof status === 'number' ? status : undefined,
				details:
					errors && typeof errors === 'object'
						? (errors as Record<string, string>)
						: undefined,
			};
		}
		if (thrown instanceof Error) {
			return { code: 'network_error', message: thrown.message };
		}
	}
	return {
		code: 'unknown_error',
		message: 'Something went wrong. Please try again.',
	};
}

export interface RequestOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
	data?: unknown;
	body?: FormData;
}

/**
 * Calls a plugin route; throws an ApiError on failure.
 *
 * @param path    Path under the plugin namespace, e.g. "/settings".
 * @param options Method and body.
 */
export async function request<T>(
	path: string,
	options: RequestOptions = {}
): Promise<T> {
	try {
		return await apiFetch<T>({
			path: NAMESPACE + path,
			method: options.method ?? 'GET',
			data: options.data,
			body: options.body,
		});
	} catch (thrown) {
		throw toApiError(thrown);
	}
}
