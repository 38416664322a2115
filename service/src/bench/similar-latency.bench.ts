/**
 * Similar-items latency through HTTP on a shop of real indexed photos: the route the storefront block
 * calls. Besides the index query it reads and re-ranks the 100 nearest candidates' stored annotations.
 */
import { readConfig } from "../config.js";
import { startServer } from "../server.js";
import { createKey } from "../services/keys.service.js";
import { mulberry32 } from "../model/softmax-regression.js";
import { timeCalls } from "./stats.js";

export async function similarLatency(dataDir: string, ids: string[], runs = 300): Promise<{ p50: number; p99: number; products: number }> {
  const { server, ctx, close } = await startServer({ ...readConfig(), dataDir, port: 0, rateLimit: 1e6 });
  const port = (server.address() as { port: number }).port;
  const key = createKey(ctx.keys, "bench");
  const rand = mulberry32(7);
  const call = async () => {
    const id = ids[Math.floor(rand() * ids.length)];
    const res = await fetch(`http://127.0.0.1:${port}/v1/products/${id}/similar?k=8`, { headers: { authorization: `Bearer ${key}` } });
    if (!res.ok) throw new Error(`similar answered ${res.status}`);
    await res.json();
  };
  const { p50, p99 } = await timeCalls(call, runs, 20);
  await close();
  return { p50, p99, products: ids.length };
}
