/**
 * Annotate latency through HTTP for an 800 px JPEG, against a real server on a local port: in a new
 * shop, or in shop "bench" of `dataDir` (one that has learned its own labels: each answer then also
 * reads its nearest labelled products).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";

import { readConfig } from "../config.js";
import { startServer } from "../server.js";
import { createKey } from "../services/keys.service.js";
import { timeCalls } from "./stats.js";

export async function annotateLatency(
  photo: Buffer,
  opts: { dataDir?: string; runs?: number } = {},
): Promise<{ p50: number; p99: number; runs: number }> {
  const runs = opts.runs ?? 200;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "kalas-bench-"));
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
    const body = (await res.json()) as { shop?: unknown };
    if (opts.dataDir && !body.shop) throw new Error("the shop's learned labels are missing from the answer");
  };
  const { p50, p99 } = await timeCalls(call, runs);
  await close();
  if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  return { p50, p99, runs };
}
