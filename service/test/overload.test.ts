/** Past the upload limit the service answers 503 with Retry-After before reading the body, and keeps serving. */
import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Set before the app's modules load (static imports would load them first).
process.env.MAX_INFLIGHT_UPLOADS = "2";
const { photo, testApp } = await import("./helpers.js");

let t: Awaited<ReturnType<typeof testApp>>;
let server: http.Server;
let port: number;
let key: string;

beforeAll(async () => {
  t = await testApp({ RATE_LIMIT_PER_SECOND: "1000" });
  key = t.key("busy");
  server = t.app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  t.close();
});

/** Starts an upload that sends its headers and then stalls, holding an upload slot. */
function stalledUpload(): http.ClientRequest {
  const req = http.request({
    port,
    method: "POST",
    path: "/v1/annotate",
    headers: { authorization: `Bearer ${key}`, "content-type": "image/jpeg", "content-length": "100000" },
  });
  req.on("error", () => undefined);
  req.write(Buffer.alloc(10));
  return req;
}

async function annotate(): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/v1/annotate`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "image/jpeg" },
    body: new Uint8Array(photo("fp-10365.jpg")),
  });
}

describe("overload", () => {
  it("refuses a third concurrent upload with 503 and Retry-After, then serves again", async () => {
    const stalled = [stalledUpload(), stalledUpload()];
    await new Promise((r) => setTimeout(r, 300));
    const refused = await annotate();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("2");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("overloaded");
    stalled.forEach((r) => r.destroy());
    await expect.poll(async () => (await annotate()).status, { timeout: 10_000 }).toBe(200);
  });
});
