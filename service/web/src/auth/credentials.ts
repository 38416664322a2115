import { noCredentials, fromResponse } from '../api/errors';
import type { Transport } from '../api/http';
import type { WebSession } from '../api/types';

const KEY_STORAGE = 'kalas-iris:api-key';
/** Renew a session token this long before it expires, so a request never leaves with a dying token. */
const RENEW_MARGIN_MS = 30_000;

export type AuthMode = 'key' | 'session' | 'none';

/**
 * Decides how the page authenticates, without any secret in the page source:
 * a key the person pasted in Settings (kept in this browser's localStorage only) wins;
 * otherwise the page asks the service for a short-lived demo session token (`POST /v1/web/session`),
 * which exists only when the deployer turned the public demo on (404 or 403 means it is off).
 */
export class Credentials {
  private session: { token: string; expiresAt: number } | null = null;
  private demoAvailable: boolean | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
    private readonly now: () => number = () => Date.now(),
  ) {}

  storedKey(): string | null {
    const key = this.storage.getItem(KEY_STORAGE)?.trim();
    return key ? key : null;
  }

  saveKey(key: string): void {
    this.storage.setItem(KEY_STORAGE, key.trim());
  }

  forgetKey(): void {
    this.storage.removeItem(KEY_STORAGE);
  }

  /** Finds out which mode applies now, asking the service for a session when no key is stored. */
  async mode(): Promise<AuthMode> {
    if (this.storedKey()) return 'key';
    return (await this.sessionToken()) ? 'session' : 'none';
  }

  /** The Authorization header value, or the "no credentials" error that sends the person to Settings. */
  async authorization(): Promise<string> {
    const key = this.storedKey();
    if (key) return `Bearer ${key}`;
    const token = await this.sessionToken();
    if (!token) throw noCredentials();
    return `Bearer ${token}`;
  }

  /** Drops a session token the service refused, so the next call asks for a fresh one. */
  dropSession(): void {
    this.session = null;
  }

  usesSession(): boolean {
    return !this.storedKey();
  }

  private async sessionToken(): Promise<string | null> {
    if (this.session && this.session.expiresAt - RENEW_MARGIN_MS > this.now()) return this.session.token;
    if (this.demoAvailable === false) return null;
    const response = await this.transport({
      method: 'POST',
      url: '/v1/web/session',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    if (response.status === 404 || response.status === 403) {
      this.demoAvailable = false;
      return null;
    }
    if (response.status !== 200 && response.status !== 201) throw fromResponse(response.status, response.json, response.retryAfter);
    const session = response.json as Partial<WebSession> | null;
    if (!session || typeof session.token !== 'string') throw fromResponse(500, null, null);
    const expiresAt = typeof session.expires_at === 'string' ? Date.parse(session.expires_at) : NaN;
    // Without a readable expiry, keep the token for a minute and then ask again.
    this.session = { token: session.token, expiresAt: Number.isFinite(expiresAt) ? expiresAt : this.now() + 60_000 + RENEW_MARGIN_MS };
    this.demoAvailable = true;
    return session.token;
  }
}
