/** `kalas-iris feedback`: list a shop's corrections, accept and reject them from the command line. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readConfig } from "../src/config.js";
import { configureModel, getModel } from "../src/services/model.service.js";
import { ShopRegistry } from "../src/services/shops.service.js";
import { tempDir } from "./helpers.js";

const CLI = path.resolve(__dirname, "../bin/kalas-iris.js");
const dataDir = tempDir("kalas-cli-feedback-");
const cliWith = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, WEB_FEEDBACK_LEARNS: "", ...env },
    encoding: "utf8",
  });
const cli = (...args: string[]) => cliWith({}, ...args);
const ids: Record<string, number> = {};

beforeAll(async () => {
  // Corrections as the service stores them, with features of the model the CLI loads.
  configureModel(readConfig().pack);
  const model = await getModel();
  const shops = new ShopRegistry(dataDir, async () => model.vectorSpace);
  const shop = await shops.get("reviewed");
  for (const [name, source] of [
    ["own", "key"],
    ["visitor-1", "web"],
    ["visitor-2", "web"],
  ] as const) {
    ids[name] = shop.catalog.addFeedback({
      productId: null,
      imageFile: null,
      features: Float32Array.of(1, 0),
      correction: { labels: { category: name } },
      original: null,
      source,
    }).id;
  }
  shops.closeAll();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Listed {
  items: { id: number; source: string; review: string; learns: boolean; correction: { labels: { category: string } } }[];
  total: number;
}
const listJson = (...args: string[]) => {
  const r = cli("feedback", "list", "--shop", "reviewed", "--format", "json", ...args);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Listed;
};

describe("kalas-iris feedback", () => {
  it("list filters by source and review, newest first, with the total of matches", () => {
    const all = listJson();
    expect(all.total).toBe(3);
    expect(all.items.map((i) => [i.correction.labels.category, i.source, i.review, i.learns])).toEqual([
      ["visitor-2", "web", "pending", false],
      ["visitor-1", "web", "pending", false],
      ["own", "key", "pending", true],
    ]);
    const page = listJson("--source", "web", "--review", "pending", "--limit", "1", "--offset", "1");
    expect([page.items.map((i) => i.id), page.total]).toEqual([[ids["visitor-1"]], 2]);

    const table = cli("feedback", "list", "--shop", "reviewed", "--source", "key");
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/id.*source.*review.*learns/);
    expect(table.stdout).toContain("own");
    expect(table.stdout).not.toContain("visitor");
    expect(table.stderr).toBe("1 of 1 shown.\n");
  });

  it("says what the service would: with WEB_FEEDBACK_LEARNS=true a visitor's pending correction learns", () => {
    const r = cliWith({ WEB_FEEDBACK_LEARNS: "true" }, "feedback", "list", "--shop", "reviewed", "--format", "json", "--source", "web");
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Listed).items.map((i) => [i.review, i.learns])).toEqual([
      ["pending", true],
      ["pending", true],
    ]);
  });

  it("accept reports each id, names unknown ones on stderr with exit code 1, and still applies the others", () => {
    const r = cli("feedback", "accept", "--shop", "reviewed", String(ids["visitor-1"]), "999", "abc");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`correction ${ids["visitor-1"]}: accepted, takes part in predictions and learning\n`);
    expect(r.stderr).toBe('kalas-iris: shop "reviewed" has no correction 999, abc.\n');
    expect(listJson("--review", "accepted").items).toEqual([expect.objectContaining({ id: ids["visitor-1"], learns: true })]);
  });

  it("reject takes several ids and keeps them out of predictions and learning", () => {
    const r = cli("feedback", "reject", "--shop", "reviewed", String(ids.own), String(ids["visitor-1"]));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([
      `correction ${ids.own}: rejected, takes no part in predictions and learning`,
      `correction ${ids["visitor-1"]}: rejected, takes no part in predictions and learning`,
    ]);
    expect(listJson("--review", "rejected").items.map((i) => [i.id, i.learns])).toEqual([
      [ids["visitor-1"], false],
      [ids.own, false],
    ]);
  });

  it("pending undoes a review: the shop's own correction counts again, a visitor's waits", () => {
    const r = cli("feedback", "pending", "--shop", "reviewed", String(ids.own), String(ids["visitor-1"]));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual([
      `correction ${ids.own}: pending, takes part in predictions and learning`,
      `correction ${ids["visitor-1"]}: pending, takes no part in predictions and learning`,
    ]);
    cli("feedback", "reject", "--shop", "reviewed", String(ids.own), String(ids["visitor-1"]));
  });

  it.each([
    [["list", "--source", "all"], '--source must be web or key, not "all"'],
    [["list", "--review", "done"], '--review must be pending, accepted or rejected, not "done"'],
    [["list", "--limit", "0"], '--limit must be a whole number from 1 to 1000, not "0"'],
    [["list", "--limit", "1001"], '--limit must be a whole number from 1 to 1000, not "1001"'],
    [["list", "--offset", "-1"], '--offset must be a whole number of 0 or more, not "-1"'],
    [["list", "--format", "csv"], '--format must be table or json, not "csv"'],
  ])("refuses %j in one sentence", (args, message) => {
    const r = cli("feedback", ...args, "--shop", "reviewed");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`kalas-iris: ${message}`);
    expect(r.stdout).toBe("");
  });

  it("reviews and reports an id given twice once, and quotes ids that would not read as one", () => {
    const id = String(ids.own);
    const r = cli("feedback", "reject", "--shop", "reviewed", id, id, `0${id}`, "", "1,2", "abc", "abc");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`correction ${id}: rejected, takes no part in predictions and learning\n`);
    expect(r.stderr).toBe('kalas-iris: shop "reviewed" has no correction "", "1,2", abc.\n');
  });

  it("delete removes corrections, naming unknown ids with exit code 1", () => {
    const r = cli("feedback", "delete", "--shop", "reviewed", String(ids["visitor-2"]), "424242");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`correction ${ids["visitor-2"]}: deleted\n`);
    expect(r.stderr).toBe('kalas-iris: shop "reviewed" has no correction 424242.\n');
    expect(listJson().items.map((i) => i.id)).not.toContain(ids["visitor-2"]);
  });

  it("accept needs at least one id", () => {
    const r = cli("feedback", "accept", "--shop", "reviewed");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing required argument 'id'/);
  });
});
