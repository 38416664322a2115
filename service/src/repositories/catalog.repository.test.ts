/** Which stored corrections take part in predictions and learning, and the review list, on real SQLite. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { CatalogRepository, type FeedbackFilter } from "./catalog.repository.js";

let dir: string;
/** The default deployment, where pending web corrections do not count. */
let repo: CatalogRepository;
/** The same database as a deployment with WEB_FEEDBACK_LEARNS=true sees it. */
let webLearns: CatalogRepository;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-catalog-"));
  repo = new CatalogRepository(dir, "m1");
  webLearns = new CatalogRepository(dir, "m1", { pendingWebLearns: true });
});
afterEach(() => {
  repo.close();
  webLearns.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const addTo = (r: CatalogRepository, source: "key" | "web", name: string, features: Float32Array | null = Float32Array.of(1, 0)) =>
  r.addFeedback({ productId: null, imageFile: null, features, correction: { category: name }, original: null, source });
const add = (source: "key" | "web", name: string, features?: Float32Array | null) => addTo(repo, source, name, features).id;
const of = (pendingWebLearns: boolean) => (pendingWebLearns ? webLearns : repo);
const learning = (pendingWebLearns: boolean) => [...of(pendingWebLearns).feedbackWithFeatures()].map((c) => c.correction.category);
const page = (f: Partial<FeedbackFilter> = {}, pendingWebLearns = false) =>
  of(pendingWebLearns).listFeedback({ limit: 50, offset: 0, ...f });

describe("corrections that take part in predictions and learning", () => {
  // Every source and review state, with and without WEB_FEEDBACK_LEARNS.
  const cases: [source: "key" | "web", review: "accepted" | "rejected" | null, off: boolean, on: boolean][] = [
    ["key", null, true, true],
    ["key", "accepted", true, true],
    ["key", "rejected", false, false],
    ["web", null, false, true],
    ["web", "accepted", true, true],
    ["web", "rejected", false, false],
  ];

  it("rejected never, accepted always, pending from a key always and from the web only when web corrections learn", () => {
    for (const [source, review] of cases) {
      const id = add(source, `${source}-${review ?? "pending"}`);
      if (review) expect(repo.setFeedbackReview(id, review)?.row).toMatchObject({ id, review });
    }
    const name = ([source, review]: (typeof cases)[number]) => `${source}-${review ?? "pending"}`;
    expect(learning(false)).toEqual(cases.filter((c) => c[2]).map(name));
    expect(learning(true)).toEqual(cases.filter((c) => c[3]).map(name));
    // The list tells a reviewer the same, item by item.
    for (const on of [false, true]) {
      const learns = page({}, on).rows.map((r) => [JSON.parse(r.correction).category, r.learns === 1]);
      expect(Object.fromEntries(learns)).toEqual(Object.fromEntries(cases.map((c) => [name(c), on ? c[3] : c[2]])));
    }
  });

  it("says whether a correction acts in the same statement that stores or reviews it", () => {
    for (const [source, review, off, on] of cases) {
      for (const [r, expected] of [
        [repo, off],
        [webLearns, on],
      ] as const) {
        const stored = addTo(r, source, "x");
        // Stored pending: from a key it counts, from the web only where web corrections learn.
        expect(stored.learns).toBe(source === "key" || r === webLearns);
        if (review) {
          const reviewed = r.setFeedbackReview(stored.id, review);
          expect(reviewed?.row.learns).toBe(expected ? 1 : 0);
          // What it was before the review: a pending correction's own rule.
          expect(reviewed?.learnedBefore).toBe(stored.learns);
        }
      }
    }
  });

  it("a review can be taken back to pending, and an unknown id changes nothing", () => {
    const id = add("key", "k");
    repo.setFeedbackReview(id, "rejected");
    expect(learning(false)).toEqual([]);
    repo.setFeedbackReview(id, null);
    expect(learning(false)).toEqual(["k"]);
    expect(repo.getFeedback(id)).toMatchObject({ review: null, learns: 1 });
    expect(repo.setFeedbackReview(id + 1, "accepted")).toBeNull();
    expect(repo.getFeedback(id + 1)).toBeNull();
    // Never NULL: a pending web correction, where web corrections do not learn, is 0.
    expect(repo.getFeedback(add("web", "w"))).toMatchObject({ review: null, learns: 0 });
  });

  it("leaves out accepted corrections whose features another model made, or that have none", () => {
    const accepted = add("web", "accepted");
    repo.setFeedbackReview(accepted, "accepted");
    webLearns.close();
    webLearns = new CatalogRepository(dir, "m2", { pendingWebLearns: true });
    const none = addTo(webLearns, "key", "no-features", null);
    expect(none.learns).toBe(false);
    expect(learning(true)).toEqual([]);
    expect(webLearns.getFeedback(accepted)?.learns).toBe(0);
    expect(webLearns.getFeedback(none.id)?.learns).toBe(0);
  });
});

describe("the review list", () => {
  it("filters by source and review, pages newest first, and counts every match", () => {
    const ids = ["key", "web", "web", "key", "web"].map((s, i) => add(s as "key" | "web", `c${i}`));
    repo.setFeedbackReview(ids[1], "accepted");
    repo.setFeedbackReview(ids[3], "rejected");
    const names = (p: ReturnType<typeof page>) => p.rows.map((r) => JSON.parse(r.correction).category);
    expect(names(page())).toEqual(["c4", "c3", "c2", "c1", "c0"]);
    expect(page({ source: "web" })).toMatchObject({ total: 3 });
    expect(names(page({ source: "web" }))).toEqual(["c4", "c2", "c1"]);
    expect(names(page({ source: "key" }))).toEqual(["c3", "c0"]);
    expect(names(page({ review: "pending" }))).toEqual(["c4", "c2", "c0"]);
    expect(names(page({ review: "accepted" }))).toEqual(["c1"]);
    expect(names(page({ source: "key", review: "rejected" }))).toEqual(["c3"]);
    expect(page({ source: "key", review: "accepted" })).toEqual({ rows: [], total: 0 });
    const second = page({ source: "web", limit: 2, offset: 2 });
    expect([names(second), second.total]).toEqual([["c1"], 3]);
    expect(second.rows[0]).toMatchObject({ id: ids[1], source: "web", review: "accepted", learns: 1 });
  });
});

describe("changesElsewhere", () => {
  it("moves when another connection commits, not when this one writes", () => {
    const before = repo.changesElsewhere();
    add("key", "own");
    expect(repo.changesElsewhere()).toBe(before);
    const other = new Database(path.join(dir, "catalog.sqlite"));
    other.prepare("UPDATE feedback SET review = 'rejected'").run();
    other.close();
    expect(repo.changesElsewhere()).not.toBe(before);
  });
});
