import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { LOCAL_FIXTURES, loadAllExchanges, sharedRecordingsDir } from "./testing/exchange.js";
import { startReplayServer } from "./testing/replay-server.js";

// These need the full set of recordings in shared/woocommerce/; the contract tests use local copies.
const shared = sharedRecordingsDir();
const why = shared ? "" : " (SKIPPED: shared/woocommerce not found; set KALAS_SHARED_DIR to the folder that holds woocommerce/INDEX.md)";
if (!shared) console.warn(`woocommerce recordings${why}`);

describe.skipIf(!shared)(`all recorded WooCommerce exchanges${why}`, () => {
  it("the local fixture copies are identical to the recordings", () => {
    for (const file of readdirSync(LOCAL_FIXTURES).filter((f) => f.endsWith(".json"))) {
      expect(readFileSync(join(LOCAL_FIXTURES, file), "utf8"), file).toBe(readFileSync(join(shared!, file), "utf8"));
    }
  });

  it("every recording replays: same request, recorded status and body", async () => {
    // Media uploads carry raw JPEG bytes, recorded as {$binary}; they are not JSON requests.
    const exchanges = loadAllExchanges(shared!).filter(
      (ex) => !(typeof ex.request.body === "object" && ex.request.body !== null && "$binary" in ex.request.body),
    );
    expect(exchanges.length).toBeGreaterThan(80);
    const server = await startReplayServer(exchanges);
    try {
      for (const ex of exchanges) {
        const url = new URL(ex.request.path, server.url);
        for (const [k, v] of Object.entries(ex.request.query)) url.searchParams.set(k, v);
        const res = await fetch(url, {
          method: ex.request.method,
          headers: ex.request.body === null ? {} : { "content-type": "application/json" },
          body: ex.request.body === null ? undefined : JSON.stringify(ex.request.body),
        });
        expect(res.status, ex.name).toBe(ex.response.status);
        const text = (await res.text()).replaceAll(server.url, "http://shop.example");
        expect(JSON.parse(text), ex.name).toEqual(ex.response.body);
      }
      expect(server.unmatched()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
