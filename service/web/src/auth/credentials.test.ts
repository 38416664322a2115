// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { Credentials } from './credentials';
import { fakeTransport, json, memoryStorage } from '../test/fixtures';

const future = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('Credentials', () => {
  it('asks the service for a demo session and reuses it until near expiry', async () => {
    let n = 0;
    const transport = fakeTransport({ 'POST /v1/web/session': () => json(200, { token: `t${++n}`, expires_at: future(10 * 60_000) }) });
    const credentials = new Credentials(transport, memoryStorage());
    expect(await credentials.mode()).toBe('session');
    expect(await credentials.authorization()).toBe('Bearer t1');
    expect(await credentials.authorization()).toBe('Bearer t1');
    expect(transport.calls).toHaveLength(1);
  });

  it('renews a token that is about to expire', async () => {
    let n = 0;
    const transport = fakeTransport({ 'POST /v1/web/session': () => json(200, { token: `t${++n}`, expires_at: future(10_000) }) });
    const credentials = new Credentials(transport, memoryStorage());
    expect(await credentials.authorization()).toBe('Bearer t1');
    expect(await credentials.authorization()).toBe('Bearer t2');
  });

  it('falls back to "none" when the demo is off (404 or 403), and asks only once', async () => {
    for (const status of [404, 403]) {
      const transport = fakeTransport({ 'POST /v1/web/session': () => json(status, { error: { code: 'x', message: 'x' } }) });
      const credentials = new Credentials(transport, memoryStorage());
      expect(await credentials.mode()).toBe('none');
      await expect(credentials.authorization()).rejects.toMatchObject({ code: 'no_credentials' });
      expect(transport.calls).toHaveLength(1);
    }
  });

  it('prefers a key pasted in Settings and never asks for a session then', async () => {
    const transport = fakeTransport({});
    const storage = memoryStorage();
    const credentials = new Credentials(transport, storage);
    credentials.saveKey('  kalas_abc  ');
    expect(await credentials.mode()).toBe('key');
    expect(await credentials.authorization()).toBe('Bearer kalas_abc');
    expect(transport.calls).toHaveLength(0);
    credentials.forgetKey();
    expect(storage.length).toBe(0);
  });
});
