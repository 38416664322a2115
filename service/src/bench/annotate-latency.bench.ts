/** Annotate latency through HTTP for an 800 px JPEG, against a real server on a local port. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";

import { readConfig } from "../config.js";
import { startServer } from "../server.js";
import { createKey } from "../services/keys.service.js";
import { timeCalls } from "./stats.js";

export async function annotateLatency(photo: Buffer, runs = 200): Promise<{ p50: number; p99: number; runs: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-bench-"));
  const { server, ctx, close } = await startServer({ ...readConfig(), dataDir, port: 0, rateLimit: 1e6 });
  const port = (server.address() as { port: number }).port;
  const key = createKey(ctx.keys, "bench");
  const jpeg = await sharp(photo).resize(800, 800, { fit: "fill" }).jpeg({ quality: 90 }).toBuffer();
  const call = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/v1/annotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "image/jpeg" },
      body: new Uint8Array(jpeg),
    });
    if (!res.ok) throw new Error(`annotate answered ${res.status}`);
    await res.json();
  };
  const { p50, p99 } = await timeCalls(call, runs);
  await close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { p50, p99, runs };
}
