/**
 * Bodies that cannot be read (broken multipart, lying lengths, wrong charsets, bad gzip) get a 4xx
 * JSON answer with a sentence a client can act on, at once, and are logged as the client's mistake.
 */
import type { AddressInfo } from "node:net";
import net from "node:net";

import express from "express";
import request from "supertest";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { errorMiddleware } from "../src/http/error.middleware.js";
import { photo, testApp } from "./helpers.js";

let t: Awaited<ReturnType<typeof testApp>>;
let key: string;

beforeAll(async () => {
  t = await testApp();
  key = t.key("shop-a");
});
afterAll(() => t.close());

const post = (path: string) => request(t.app).post(path).set("Authorization", `Bearer ${key}`);

function expectError(res: request.Response, status: number, code: string, message: RegExp): void {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(message);
}

describe("a broken multipart body → 400 invalid_request", () => {
  it("garbage after a boundary", async () => {
    const res = await post("/v1/annotate").set("Content-Type", "multipart/form-data; boundary=xx").send("garbage");
    expectError(res, 400, "invalid_request", /multipart body is malformed: .*end of form/i);
  });

  it("no boundary at all", async () => {
    const res = await post("/v1/annotate").set("Content-Type", "multipart/form-data").send("garbage");
    expectError(res, 400, "invalid_request", /multipart body is malformed: .*boundary not found/i);
  });

  it("a part without its closing boundary, on /v1/similar", async () => {
    const body = [
      "--xx",
      'Content-Disposition: form-data; name="image"; filename="a.jpg"',
      "Content-Type: image/jpeg",
      "",
      "not all of a picture",
    ].join("\r\n");
    const res = await post("/v1/similar").set("Content-Type", "multipart/form-data; boundary=xx").send(body);
    expectError(res, 400, "invalid_request", /multipart body is malformed/);
  });
});

/** Sends a request by hand and reads until the server closes the connection. */
function rawExchange(port: number, head: string, body: Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(Buffer.concat([Buffer.from(head), body])));
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [headers, rest = ""] = text.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1]), headers, body: rest });
    });
  });
}

describe("a declared length over the limit", () => {
  // Before the fix the service read on for the promised gigabyte; a short timeout makes that a failure.
  it("is refused at once with 413 image_too_large and the connection closed", { timeout: 15_000 }, async () => {
    const server = t.app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const { port } = server.address() as AddressInfo;
      const head =
        "POST /v1/annotate HTTP/1.1\r\nHost: localhost\r\n" +
        `Authorization: Bearer ${key}\r\nContent-Type: image/jpeg\r\nContent-Length: 999999999\r\n\r\n`;
      const res = await rawExchange(port, head, Buffer.from([0xff, 0xd8, 0xff]));
      expect(res.status).toBe(413);
      expect(res.headers).toMatch(/connection: close/i);
      const body = JSON.parse(res.body);
      expect(body.error.code).toBe("image_too_large");
      expect(body.error.message).toMatch(/953\.7 MB; the limit is 20 MB/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("a JSON body over 1 MB → 413 body_too_large naming the limit", async () => {
    const res = await post("/v1/feedback")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ product_id: "p", note: "a".repeat(1_100_000) }));
    expectError(res, 413, "body_too_large", /1 MB/);
  });

  it("a multipart file over the limit → 413 image_too_large naming the limit", async () => {
    const big = Buffer.concat([photo("fp-10365.jpg"), Buffer.alloc(21 * 1024 * 1024)]);
    const res = await post("/v1/annotate").attach("image", big, "big.jpg");
    expectError(res, 413, "image_too_large", /20 MB/);
  });
});

describe("JSON that cannot be read", () => {
  it("a charset other than UTF-8 → 415 unsupported_media_type", async () => {
    const res = await post("/v1/feedback").set("Content-Type", "application/json; charset=latin1").send('{"product_id":"p"}');
    expectError(res, 415, "unsupported_media_type", /UTF-8/);
  });

  it("a body marked gzip that is not → 400 invalid_request", async () => {
    const res = await post("/v1/feedback")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      .send('{"product_id":"p"}');
    expectError(res, 400, "invalid_request", /marked gzip but could not be decompressed/);
  });

  it("null → 400 naming a JSON object, not invalid JSON", async () => {
    const res = await post("/v1/feedback").set("Content-Type", "application/json").send("null");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/must be a JSON object/);
    expect(res.body.error.message).not.toMatch(/not valid JSON/);
  });
});

describe("logging", () => {
  const lines: Record<string, unknown>[] = [];
  const capture = () =>
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      return true;
    });
  afterEach(() => {
    vi.restoreAllMocks();
    lines.length = 0;
  });

  it("a client's mistake is logged below error, with its code and sentence and no stack", async () => {
    capture();
    await post("/v1/annotate").set("Content-Type", "multipart/form-data; boundary=xx").send("garbage");
    const line = lines.find((l) => l.path === "/v1/annotate");
    expect(line).toMatchObject({ level: expect.stringMatching(/^(warn|info)$/), method: "POST", code: "invalid_request" });
    expect(line?.message).toMatch(/multipart/);
    expect(line).not.toHaveProperty("stack");
  });

  it("a bug is logged at error with its stack", async () => {
    const app = express();
    app.get("/boom", () => {
      throw new Error("boom");
    });
    app.use(errorMiddleware);
    capture();
    const res = await request(app).get("/boom");
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("internal_error");
    const line = lines.find((l) => l.path === "/boom");
    expect(line).toMatchObject({ level: "error", code: "internal_error" });
    expect(line?.stack).toMatch(/boom/);
  });
});
