import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

import type { Stack } from "./stack-env.js";

const run = promisify(execFile);

export interface IndexedProduct {
  id: string;
  annotation?: { category?: { label: string } | null; colors?: { name: string }[] };
}

/** The companion service as the shop's key sees it, and the switch to stop and start it. */
export class ServiceApi {
  constructor(private readonly stack: Stack) {}

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${this.stack.serviceUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${this.stack.serviceKey}`, ...(init.headers ?? {}) },
      });
      // The key is rate limited like the plugin's; checks of 200 products would trip it.
      if (res.status !== 429 || attempt >= 20) return res;
      const wait = Number(res.headers.get("retry-after") ?? 1);
      await new Promise((r) => setTimeout(r, Math.min(10, Math.max(1, wait)) * 1000));
    }
  }

  async isUp(): Promise<boolean> {
    return fetch(`${this.stack.serviceUrl}/v1/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
  }

  /** The product in the shop's similar-items index, or undefined when it is not there. */
  async product(id: number): Promise<IndexedProduct | undefined> {
    const res = await this.call(`/v1/products/${id}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`GET /v1/products/${id}: HTTP ${res.status}`);
    return (await res.json()) as IndexedProduct;
  }

  /** Gives the service the shop's WooCommerce REST key (what the plugin's Settings do). */
  async connectWooCommerce(url: string, consumerKey: string, consumerSecret: string): Promise<void> {
    const res = await this.call("/v1/shop/woocommerce", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url, consumer_key: consumerKey, consumer_secret: consumerSecret }),
    });
    if (!res.ok) throw new Error(`PUT /v1/shop/woocommerce: HTTP ${res.status} ${await res.text()}`);
  }

  /** POST /v1/products/{id}/apply: the service writes an annotation to the WooCommerce product itself. */
  async apply(id: number, body: unknown): Promise<{ sent: unknown; dropped: string[]; tags: string[] }> {
    const res = await this.call(`/v1/products/${id}/apply`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST /v1/products/${id}/apply: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as { sent: unknown; dropped: string[]; tags: string[] };
  }

  async feedback(limit = 50): Promise<Record<string, unknown>[]> {
    const res = await this.call(`/v1/feedback?limit=${limit}`);
    if (!res.ok) throw new Error(`GET /v1/feedback: HTTP ${res.status}`);
    const body = (await res.json()) as { items?: Record<string, unknown>[] } | Record<string, unknown>[];
    return Array.isArray(body) ? body : (body.items ?? []);
  }

  /**
   * What a visitor of the public try-it page sends: a web session token for the shop, then the photo
   * with the corrected labels. Returns the stored correction's id.
   */
  async correctAsVisitor(photoFile: string, correction: Record<string, unknown>): Promise<number> {
    const session = await fetch(`${this.stack.serviceUrl}/v1/web/session`, { method: "POST" });
    if (!session.ok) throw new Error(`POST /v1/web/session: HTTP ${session.status} ${await session.text()} (is WEB_SHOP set?)`);
    const { token } = (await session.json()) as { token: string };
    const form = new FormData();
    form.append("image", new Blob([readFileSync(photoFile)], { type: "image/jpeg" }), "photo.jpg");
    form.append("correction", JSON.stringify(correction));
    const res = await fetch(`${this.stack.serviceUrl}/v1/feedback`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (res.status !== 201) throw new Error(`POST /v1/feedback as a visitor: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: number }).id;
  }

  async reviewFeedback(id: number, review: "accepted" | "rejected" | "pending"): Promise<void> {
    const res = await this.call(`/v1/feedback/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ review }),
    });
    if (!res.ok) throw new Error(`PATCH /v1/feedback/${id}: HTTP ${res.status} ${await res.text()}`);
  }

  /** True when this stack lets the flows stop and start the service (the local stack does). */
  get controllable(): boolean {
    return !!this.stack.serviceControl;
  }

  async stop(): Promise<void> {
    await run("bash", [this.stack.serviceControl!, "stop"]);
  }

  /** Starts the service; `modelPack` (a pack folder) makes it load another model than the default. */
  async start(modelPack?: string): Promise<void> {
    const env = { ...process.env, KALAS_MODEL_PACK: modelPack ?? "" };
    await run("bash", [this.stack.serviceControl!, "start"], { timeout: 180_000, env });
  }

  /** The loaded pack's name and version. */
  async pack(): Promise<{ name: string; version: string }> {
    const res = await fetch(`${this.stack.serviceUrl}/v1/health/ready`);
    return ((await res.json()) as { pack: { name: string; version: string } }).pack;
  }

  /** GET /v1/products/{id}/similar: ids, nearest first; throws with the service's error code. */
  async similar(id: number, k = 8): Promise<string[]> {
    const res = await this.call(`/v1/products/${id}/similar?k=${k}`);
    const body = (await res.json()) as { items?: { id: string }[]; error?: { code: string } };
    if (!res.ok) throw new Error(`similar ${id}: ${body.error?.code ?? res.status}`);
    return (body.items ?? []).map((i) => i.id);
  }

  /** GET /v1/reindex: the shop's reindex run after a model update. */
  async reindex(): Promise<{ state: string; total: number; done: number; failed: number; stale_now: number }> {
    const res = await this.call("/v1/reindex");
    if (!res.ok) throw new Error(`GET /v1/reindex: HTTP ${res.status}`);
    return (await res.json()) as { state: string; total: number; done: number; failed: number; stale_now: number };
  }
}
