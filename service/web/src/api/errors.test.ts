// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { AppError, fromResponse, toAppError } from './errors';

describe('fromResponse', () => {
  it('calls any 401 an invalid key', () => {
    expect(fromResponse(401, { error: { code: 'missing_key', message: 'x' } }, null).code).toBe('invalid_key');
  });

  it('reads Retry-After into the rate-limit message', () => {
    const error = fromResponse(429, { error: { code: 'rate_limited', message: 'Slow down.' } }, '12');
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfter).toBe(12);
    expect(error.message).toBe('Too many requests right now. Try again in 12 seconds.');
  });

  it('treats an overloaded service as a rate limit', () => {
    expect(fromResponse(503, { error: { code: 'overloaded', message: 'Busy.' } }, null).code).toBe('rate_limited');
  });

  it('keeps the service sentence for a too-large image', () => {
    const error = fromResponse(413, { error: { code: 'image_too_large', message: 'The image is 31.2 MB; the limit is 20 MB.' } }, null);
    expect(error).toMatchObject({ code: 'too_large', message: 'The image is 31.2 MB; the limit is 20 MB.' });
  });

  it('maps the image codes to not_an_image', () => {
    expect(fromResponse(400, { error: { code: 'not_an_image', message: 'Not an image.' } }, null).code).toBe('not_an_image');
    expect(fromResponse(415, { error: { code: 'unsupported_media_type', message: 'No.' } }, null).code).toBe('not_an_image');
  });

  it('never shows a raw body or a stack for a server failure', () => {
    const error = fromResponse(500, '<html>Error: at Object.<anonymous> (/srv/app.js:1:1)</html>', null);
    expect(error.code).toBe('server_error');
    expect(error.message).not.toMatch(/at |\/srv|html/);
  });
});

describe('toAppError', () => {
  it('passes AppErrors through and hides anything else', () => {
    const own = new AppError('unreachable', 'x');
    expect(toAppError(own)).toBe(own);
    const hidden = toAppError(new TypeError('Cannot read properties of undefined (reading "x")'));
    expect(hidden.code).toBe('server_error');
    expect(hidden.message).not.toContain('undefined');
  });
  it('says a full review queue is not a matter of waiting a moment', () => {
    const error = fromResponse(429, { error: { code: 'review_queue_full', message: '1000 corrections…' } }, null);
    expect(error.code).not.toBe('rate_limited');
    expect(error.message).toMatch(/waiting for review/);
  });
});
