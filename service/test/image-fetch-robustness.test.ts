/**
 * Image URLs whose servers misbehave (cut the body short, trickle it) get a clear 400
 * `fetch_failed`, not a 500 or a request held open for minutes; and names, not only address
 * literals, resolve through the private-address guard.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

import request from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { photo, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let allowed: string;
let guarded: string;
let server: http.Server;
let port: number;
const jpeg = photo("fp-10365.jpg");
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  t = await testApp();
  allowed = t.key("fetch-allowed");
  guarded = t.key("fetch-guarded");
  (await t.ctx.shops.get("fetch-allowed")).catalog.setSetting("allow_private_urls", "true");
  server = http.createServer((req, res) => {
    if (req.url === "/short") {
      // Announces the whole photo, sends part of it, then hangs up.
      res.writeHead(200, { "content-type": "image/jpeg", "content-length": String(jpeg.length) });
      res.write(jpeg.subarray(0, 3000), () => res.socket?.destroy());
    } else if (req.url === "/trickle") {
      // Never idle long enough for a per-read timeout: one byte every 100 ms, 60 in all.
      res.writeHead(200, { "content-type": "image/jpeg" });
      let sent = 0;
      const tick = setInterval(() => {
        if (res.destroyed || sent === 60) {
          clearInterval(tick);
          timers.delete(tick);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(jpeg.subarray(sent, sent + 1));
        sent++;
      }, 100);
      timers.add(tick);
    } else if (req.url === "/page") {
      res.writeHead(200, { "content-type": "image/jpeg" }).end("<html>not a photo</html>");
    } else {
      res.writeHead(200, { "content-type": "image/jpeg" }).end(jpeg);
    }
  });
  await new Promise<void>((r) => server.listen(0, () => r()));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  for (const tick of timers) clearInterval(tick);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  t.close();
});

const put = (key: string, id: string, imageUrl: string) =>
  request(t.app).put(`/v1/products/${id}`).set("Authorization", `Bearer ${key}`).send({ image_url: imageUrl });

describe("fetching an image URL", () => {
  it("answers 400 fetch_failed when the server closes before sending the announced bytes", async () => {
    const res = await put(allowed, "short", `http://127.0.0.1:${port}/short`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("fetch_failed");
    expect(res.body.error.message).toMatch(/ended early/);
    expect(res.body.error.message).toContain(String(jpeg.length));
  });

  it("gives up on a trickling server after IMAGE_FETCH_TIMEOUT_MS for the whole download", async () => {
    vi.stubEnv("IMAGE_FETCH_TIMEOUT_MS", "1000");
    const res = await put(allowed, "trickle", `http://127.0.0.1:${port}/trickle`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("fetch_failed");
    expect(res.body.error.message).toMatch(/took longer than 1 s/);
  });

  it("fetches from a host name when the shop allows private addresses", async () => {
    const res = await put(allowed, "by-name", `http://localhost:${port}/photo.jpg`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it("refuses a host name that resolves to a private address, even right after an allowed fetch", async () => {
    await put(allowed, "by-name-2", `http://localhost:${port}/photo.jpg`).expect(200);
    const res = await put(guarded, "by-name", `http://localhost:${port}/photo.jpg`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("url_not_allowed");
  });

  it("says that the file at image_url is not an image, not that the request's body is", async () => {
    const res = await put(allowed, "page", `http://localhost:${port}/page`);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: "not_an_image",
      message: "The file at image_url is not an image that can be read (JPEG, PNG, WebP, GIF, AVIF or TIFF).",
    });
  });

  it("keeps serving after those failures", async () => {
    await put(allowed, "after", `http://127.0.0.1:${port}/photo.jpg`).expect(200);
  });
});
