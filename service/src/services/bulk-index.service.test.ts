/** Indexing a batch of files in which some cannot be read: each such file is its own failure. */
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PHOTOS, testApp } from "../../test/helpers.js";
import { indexFiles } from "./bulk-index.service.js";

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe("indexFiles", () => {
  it("reports a missing file and a folder as those items' failures, with a reason, and indexes the rest of the batch", async () => {
    const shop = await t.ctx.shops.get("bulk");
    const missing = path.join(t.dataDir, "missing.jpg");
    const items = [
      { id: "dress", file: path.join(PHOTOS, "cc0-dress.jpg") },
      { id: "missing", file: missing },
      { id: "folder", file: PHOTOS },
      { id: "pants", file: path.join(PHOTOS, "cc0-pants.jpg") },
    ];
    const failures: Record<string, string | undefined> = {};
    const res = await indexFiles(shop, items, (it, err) => {
      if (err) failures[it.id] = `${(err as NodeJS.ErrnoException).code}: ${err.message}`;
    });
    expect(res).toEqual({ indexed: 2, failed: 2 });
    expect(failures).toEqual({ missing: "ENOENT: no such file.", folder: "EISDIR: a folder, not a file." });
    expect(shop.catalog.count()).toBe(2);
  });
});
