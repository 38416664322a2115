// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { KalasClient } from './client';
import { Credentials } from '../auth/credentials';
import { fakeTransport, json, memoryStorage, sampleAnnotation, type Handler } from '../test/fixtures';

function setup(handlers: Record<string, Handler>, key?: string) {
  const transport = fakeTransport(handlers);
  const credentials = new Credentials(transport, memoryStorage());
  if (key) credentials.saveKey(key);
  return { transport, client: new KalasClient(transport, credentials) };
}

describe('KalasClient', () => {
  it('uploads the photo as multipart "image" with the bearer token and reports progress', async () => {
    const { client, transport } = setup({ 'POST /v1/annotate': () => json(200, sampleAnnotation()) }, 'k1');
    const progress: number[] = [];
    const answer = await client.annotate(new Blob(['x'], { type: 'image/jpeg' }), (f) => progress.push(f));
    expect(answer.category?.label).toBe('Dresses');
    const call = transport.calls[0]!;
    expect(call.headers?.Authorization).toBe('Bearer k1');
    expect((call.body as FormData).get('image')).toBeInstanceOf(Blob);
    expect(progress).toEqual([0.5, 1]);
  });

  it('retries once with a fresh session when a session token is refused', async () => {
    let sessions = 0;
    let annotates = 0;
    const { client } = setup({
      'POST /v1/web/session': () => json(200, { token: `t${++sessions}`, expires_at: new Date(Date.now() + 600_000).toISOString() }),
      'POST /v1/annotate': (req) =>
        ++annotates === 1
          ? json(401, { error: { code: 'invalid_key', message: 'x' } })
          : json(200, { ...sampleAnnotation(), auth: req.headers?.Authorization }),
    });
    const answer = (await client.annotate(new Blob(['x']))) as unknown as { auth: string };
    expect(answer.auth).toBe('Bearer t2');
  });

  it('reports a refused pasted key as invalid_key without retrying', async () => {
    const { client, transport } = setup({ 'POST /v1/annotate': () => json(401, { error: { code: 'invalid_key', message: 'x' } }) }, 'bad');
    await expect(client.annotate(new Blob(['x']))).rejects.toMatchObject({ code: 'invalid_key' });
    expect(transport.calls).toHaveLength(1);
  });

  it('turns 429 into a rate-limit error with the wait', async () => {
    const { client } = setup({ 'POST /v1/similar': () => json(429, { error: { code: 'rate_limited', message: 'x' } }, '3') }, 'k');
    await expect(client.similar(new Blob(['x']))).rejects.toMatchObject({ code: 'rate_limited', retryAfter: 3 });
  });

  it('asks for k similar items and tolerates a missing list', async () => {
    const { client, transport } = setup({ 'POST /v1/similar': () => json(200, {}) }, 'k');
    expect(await client.similar(new Blob(['x']), 5)).toEqual({ items: [] });
    expect(transport.calls[0]!.url).toBe('/v1/similar?k=5');
  });

  it('sends a correction with its photo as multipart, or as JSON without one', async () => {
    const { client, transport } = setup({ 'POST /v1/feedback': () => json(201, { id: 'f1', learns: true }) }, 'k');
    const correction = {
      category: 'Skirts',
      attributes: {},
      colors: ['red'],
      original: { category: 'Dresses', attributes: {}, colors: ['red'] },
    };
    await client.feedback(correction, new Blob(['x'], { type: 'image/jpeg' }));
    const form = transport.calls[0]!.body as FormData;
    expect(JSON.parse(form.get('correction') as string)).toEqual(correction);
    expect(form.get('image')).toBeInstanceOf(Blob);
    await client.feedback(correction);
    expect(transport.calls[1]!.headers?.['Content-Type']).toBe('application/json');
    expect(JSON.parse(transport.calls[1]!.body as string)).toEqual(correction);
  });

  it('tells whether a correction acts at once or waits for the shop', async () => {
    const answer = (learns: boolean) => () => json(201, { id: 3, stored: true, review: 'pending', learns });
    const correction = { category: 'Skirts', attributes: {}, colors: [], original: { category: 'Dresses', attributes: {}, colors: [] } };
    expect(await setup({ 'POST /v1/feedback': answer(false) }, 'k').client.feedback(correction)).toEqual({ learns: false });
    expect(await setup({ 'POST /v1/feedback': answer(true) }, 'k').client.feedback(correction)).toEqual({ learns: true });
  });
});
