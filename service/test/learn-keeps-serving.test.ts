/**
 * Catalogue learning of a large catalogue takes seconds of arithmetic. It runs in a worker thread, so
 * the service keeps answering other requests meanwhile (it used to hold every request, health checks
 * and the storefront's similar items included, until learning was done), and two runs for one shop
 * wait for each other instead of writing its heads at once.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { learnShop } from "../src/services/learn.service.js";
import { seedLabelledShop, testApp } from "./helpers.js";

/** When each fitting in a worker started and ended, to see whether two runs overlapped. */
const fittings: { start: number; end: number }[] = [];
vi.mock("../src/model/label-head-thread.js", async (original) => {
  const actual = await original<typeof import("../src/model/label-head-thread.js")>();
  return {
    fitLabelHeadsInThread: async (...args: Parameters<typeof actual.fitLabelHeadsInThread>) => {
      const span = { start: performance.now(), end: Infinity };
      fittings.push(span);
      try {
        return await actual.fitLabelHeadsInThread(...args);
      } finally {
        span.end = performance.now();
      }
    },
  };
});

let t: Awaited<ReturnType<typeof testApp>>;
let server: http.Server;
let base: string;
let key: string;

const PRODUCTS = 4000;
const LABELS = 20;

beforeAll(async () => {
  t = await testApp({ RATE_LIMIT_PER_SECOND: "1000" });
  key = t.key("big");
  await seedLabelledShop(await t.ctx.shops.get("big"), {
    products: PRODUCTS,
    labels: Array.from({ length: LABELS }, (_, k) => `Label ${k}`),
    seed: 7,
  });
  server = t.app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(() => {
  server.close();
  t.close();
});

describe("learning a large catalogue", () => {
  it("answers other requests while POST /v1/learn runs", async () => {
    fittings.length = 0;
    let learning = true;
    const learned = fetch(`${base}/v1/learn`, { method: "POST", headers: { authorization: `Bearer ${key}` } }).then(async (r) => {
      learning = false;
      return { status: r.status, body: (await r.json()) as { fields: Record<string, { labels: number; examples: number }> } };
    });
    const answeredAt: number[] = [];
    let saidRunning = false;
    while (learning) {
      const health = await fetch(`${base}/v1/health`);
      expect(health.status).toBe(200);
      answeredAt.push(performance.now());
      const status = (await (await fetch(`${base}/v1/learn`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
        running: boolean;
      };
      if (learning) saidRunning ||= status.running;
      await new Promise((r) => setTimeout(r, 20));
    }
    const { status, body } = await learned;
    expect(status).toBe(200);
    expect(body.fields.category).toMatchObject({ labels: LABELS, examples: PRODUCTS });
    // A health check was answered while the heads were being fitted: blocking learning answers
    // none then (they wait for the fitting to end).
    const [fitting] = fittings;
    expect(answeredAt.some((t) => t > fitting.start && t < fitting.end)).toBe(true);
    // GET /v1/learn tells an admin screen that learning is under way.
    expect(saidRunning).toBe(true);
    const done = (await (await fetch(`${base}/v1/learn`, { headers: { authorization: `Bearer ${key}` } })).json()) as { running: boolean };
    expect(done.running).toBe(false);
  }, 120_000);

  it("runs one shop's learning one at a time; a call while one is queued joins it", async () => {
    const shop = await t.ctx.shops.get("big");
    fittings.length = 0;
    const first = learnShop(shop, { epochs: 2 });
    const second = learnShop(shop, { epochs: 2 });
    const third = learnShop(shop, { epochs: 2 });
    expect(third).toBe(second);
    const [a, b] = await Promise.all([first, second, third]);
    expect(fittings).toHaveLength(2);
    expect(fittings[1].start).toBeGreaterThanOrEqual(fittings[0].end);
    expect(a.fields.category.labels).toBe(LABELS);
    expect(b.fields.category.labels).toBe(LABELS);
  }, 120_000);

  it("fits one shop at a time when several learn at once, leaving a core to the requests", async () => {
    const other = await t.ctx.shops.get("big-too");
    await seedLabelledShop(other, { products: 1000, labels: ["A", "B", "C"], seed: 9 });
    fittings.length = 0;
    await Promise.all([learnShop(await t.ctx.shops.get("big"), { epochs: 2 }), learnShop(other, { epochs: 2 })]);
    expect(fittings).toHaveLength(2);
    const [first, second] = [...fittings].sort((x, y) => x.start - y.start);
    expect(second.start).toBeGreaterThanOrEqual(first.end);
  }, 120_000);
});
