/**
 * Reindex runs started over the API: one background run per shop at a time, with progress a caller
 * can poll. A model update can leave thousands of stale products, and analysing them takes minutes,
 * longer than any HTTP request should wait.
 */
import { log } from "../log.js";
import { reindexStale, type ReindexReport } from "./reindex.service.js";
import type { Shop } from "./shops.service.js";

export interface ReindexProgress {
  state: "idle" | "running" | "done";
  /** Products with an image URL to analyse again in this run. */
  total: number;
  done: number;
  failed: number;
  started_at: string | null;
  finished_at: string | null;
  /** The finished run's report: failures and products without an image URL. */
  report: ReindexReport | null;
  /** Products another model indexed, right now. */
  stale_now: number;
}

const runs = new WeakMap<Shop, Omit<ReindexProgress, "stale_now">>();

export function reindexProgress(shop: Shop): ReindexProgress {
  const run = runs.get(shop) ?? { state: "idle", total: 0, done: 0, failed: 0, started_at: null, finished_at: null, report: null };
  return { ...run, stale_now: shop.catalog.staleCount() };
}

/** Starts a run unless one is going; either way answers the current progress. */
export function startReindex(shop: Shop): ReindexProgress {
  if (runs.get(shop)?.state === "running") return reindexProgress(shop);
  const stale = shop.catalog.staleProducts();
  const run: Omit<ReindexProgress, "stale_now"> = {
    state: "running",
    total: stale.filter((p) => p.image_url).length,
    done: 0,
    failed: 0,
    started_at: new Date().toISOString(),
    finished_at: null,
    report: null,
  };
  runs.set(shop, run);
  // A copy: the run object changes as the work goes on; the answer is the state at the start.
  const progress: ReindexProgress = { ...run, stale_now: stale.length };
  log.info("reindex started", { shop: shop.name, total: run.total });
  reindexStale(
    shop,
    (done, _total, failed) => {
      run.done = done;
      if (failed) run.failed++;
    },
    stale,
  )
    .then((report) => {
      run.report = report;
      log.info("reindex done", { shop: shop.name, reindexed: report.reindexed, failed: report.failed.length });
    })
    // reindexStale records each product's failure; this is only for a fault around them (a closed shop).
    .catch((e: Error) => {
      run.report = {
        stale: stale.length,
        reindexed: run.done - run.failed,
        failed: [{ id: "*", error: e.message }],
        without_url: [],
        learned_again: false,
      };
      log.error("reindex stopped", { shop: shop.name, error: e.message });
    })
    .finally(() => {
      run.state = "done";
      run.finished_at = new Date().toISOString();
    });
  return progress;
}
