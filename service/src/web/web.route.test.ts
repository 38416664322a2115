import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { webRouter } from "./web.route.js";

describe("webRouter", () => {
  let dist: string;
  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-web-"));
    fs.mkdirSync(path.join(dist, "assets"));
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Kalas Iris</title>");
    fs.writeFileSync(path.join(dist, "sw.js"), "self.addEventListener('fetch', () => {});");
    fs.writeFileSync(path.join(dist, "manifest.webmanifest"), "{}");
    fs.writeFileSync(path.join(dist, "assets", "index-abc123.js"), "console.log(1)");
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  const app = () => express().use(webRouter(dist));

  it("serves index.html at / with no-cache and a CSP", async () => {
    const res = await request(app()).get("/");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("never lets the service worker be cached", async () => {
    const res = await request(app()).get("/sw.js");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-type"]).toMatch(/javascript/);
  });

  it("marks hashed assets immutable", async () => {
    const res = await request(app()).get("/assets/index-abc123.js");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("serves the manifest with its own type", async () => {
    const res = await request(app()).get("/manifest.webmanifest");
    expect(res.headers["content-type"]).toMatch(/application\/manifest\+json/);
  });

  it("says the app is not built instead of a bare 404", async () => {
    const res = await request(express().use(webRouter(path.join(dist, "missing")))).get("/");
    expect(res.status).toBe(503);
    expect(res.text).toContain("npm run build:web");
  });
});
