/**
 * Every failure a person can meet, with a stable code and a plain sentence.
 * The page shows only `message`; nothing from a stack or a raw response body reaches the screen.
 */
export type AppErrorCode =
  | 'not_an_image'
  | 'too_large'
  | 'unreachable'
  | 'invalid_key'
  | 'no_credentials'
  | 'rate_limited'
  | 'bad_image'
  | 'server_error'
  | 'cancelled';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Seconds to wait before retrying, when the service said so. */
  readonly retryAfter: number | undefined;

  constructor(code: AppErrorCode, message: string, retryAfter?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export const MAX_UPLOAD_MB = 20;

export function notAnImage(fileName: string): AppError {
  return new AppError('not_an_image', `“${fileName}” is not a photo. Choose a JPEG, PNG, WebP, GIF or AVIF image.`);
}

export function tooLarge(bytes: number): AppError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new AppError('too_large', `The photo is ${mb} MB; the limit is ${MAX_UPLOAD_MB} MB. Choose a smaller photo.`);
}

export function unreachable(): AppError {
  return new AppError(
    'unreachable',
    'The Kalas Iris service cannot be reached. Check your connection, or ask the person who runs this site whether the service is up.',
  );
}

export function invalidKey(): AppError {
  return new AppError('invalid_key', 'The service did not accept the API key. Open Settings and paste a valid key.');
}

export function noCredentials(): AppError {
  return new AppError('no_credentials', 'This site has no public demo. Open Settings and paste an API key to use it.');
}

export function rateLimited(retryAfter?: number): AppError {
  const wait = retryAfter && retryAfter > 0 ? `in ${retryAfter} second${retryAfter === 1 ? '' : 's'}` : 'in a moment';
  return new AppError('rate_limited', `Too many requests right now. Try again ${wait}.`, retryAfter);
}

/** Turns an error of unknown origin into something safe to show. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('server_error', 'Something went wrong. Try again; if it keeps happening, tell the person who runs this site.');
}

interface ErrorBody {
  error?: { code?: string; message?: string };
}

/** Maps a non-2xx answer of the service to an AppError, keeping the service's own plain sentence where it has one. */
export function fromResponse(status: number, body: unknown, retryAfterHeader: string | null): AppError {
  const err = (body as ErrorBody | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : '';
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader.trim()) ? Number(retryAfterHeader) : undefined;

  if (status === 401) return invalidKey();
  // Not a matter of waiting a moment: the shop has to review what the page's visitors sent first.
  if (code === 'review_queue_full') {
    return new AppError(
      'server_error',
      'This shop has many corrections waiting for review; it cannot take yours now. Try again another day.',
    );
  }
  if (status === 429 || code === 'rate_limited' || code === 'overloaded') return rateLimited(retryAfter);
  if (status === 413) return new AppError('too_large', message || `The photo is too large; the limit is ${MAX_UPLOAD_MB} MB.`);
  if (code === 'not_an_image' || code === 'unsupported_format' || code === 'unsupported_media_type') {
    return new AppError('not_an_image', message || 'The service could not read this file as a photo.');
  }
  if (code === 'truncated_image' || code === 'empty_body') {
    return new AppError('bad_image', message || 'The photo seems damaged. Try another one.');
  }
  if (status === 503) return rateLimited(retryAfter);
  if (status >= 400 && status < 500 && message) return new AppError('server_error', message);
  return toAppError(undefined);
}
