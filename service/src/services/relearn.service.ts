/**
 * Relearning after corrections. A shop that has learned its own labels learns them again a while
 * after its corrections change (one sent, accepted, rejected or taken back to pending, when that
 * changes whether it takes part), so people's corrections reach the learned heads without anyone
 * asking for a run. They already act on the next prediction through the correction vote
 * (learn.service.ts), but only for photos close to a corrected one; the heads carry them to the rest.
 *
 * A burst of changes (a review session) leads to one run, `learnAfterCorrectionsSeconds` after the
 * last of them, but never later than five times that after the first, so a steady stream cannot put
 * it off for ever. What is pending is written in the shop's database (relearn-marker.ts): the service
 * picks up a marker left before a restart when it opens the shop, and one written by the command
 * line (where nothing runs it) when it sees that process's commit: at its next read of the shop, or
 * within `WATCH_SECONDS` while the shop is open. Any learning run settles it, so
 * a run asked for by hand makes the waiting one unnecessary. A run that fails is tried again with
 * backoff.
 */
import { isAppError } from "../errors.js";
import { log } from "../log.js";
import type { LearnReport } from "./learn.service.js";
import { hasLearnedHeads, invalidateShopCorrections, learnShop, noticeOtherProcessCommits, onOtherProcessCommit } from "./learn.service.js";
import { readMarker, settleMarker, writeMarker } from "./relearn-marker.js";
import type { Shop } from "./shops.service.js";

/** How many delays a burst of changes may put the run off by, at most. */
const MAX_DELAYS = 5;
/** Longest wait before trying a failed run again. */
const MAX_RETRY_SECONDS = 3600;
/** How often an open shop's database is checked for another process's commits (a CLI review). */
export const WATCH_SECONDS = 10;
let delaySeconds = 0;
const watching = new Map<Shop, NodeJS.Timeout>();
const waiting = new Map<Shop, { timer: NodeJS.Timeout; at: number; first: number }>();
const failures = new Map<Shop, number>();

/** Turns relearning on in this process (seconds after the last change) or off (0, the command line). */
export function configureRelearn(seconds: number): void {
  delaySeconds = seconds;
}

/** Called whenever a shop's corrections change: the next prediction sees them, the heads follow. */
export function correctionsChanged(shop: Shop): void {
  invalidateShopCorrections(shop);
  // A shop that never learned has no heads to update; learning starts when someone asks for it.
  if (!hasLearnedHeads(shop)) return;
  const now = Date.now();
  // A burst goes on only while its run waits here; after a run, or in the CLI, a change starts one.
  const first = waiting.get(shop)?.first ?? now;
  writeMarker(shop, first, now);
  schedule(shop, Math.min(now + delaySeconds * 1000, first + MAX_DELAYS * delaySeconds * 1000), first);
}

/** Schedules the run the shop's database says is pending, unless one waits already. */
function resumeRelearn(shop: Shop): void {
  if (waiting.has(shop) || !shop.catalog.isOpen) return;
  const marker = readMarker(shop);
  if (!marker) return;
  // Its heads were removed on purpose (a reset): nothing to relearn into.
  if (!hasLearnedHeads(shop)) return settleMarker(shop, marker);
  const delay = delaySeconds * 1000;
  schedule(shop, Math.min(marker.last + delay, marker.first + MAX_DELAYS * delay), marker.first);
}
onOtherProcessCommit(resumeRelearn);

/**
 * A shop has opened: resumes the run its database says is pending, and watches for reviews made by
 * another process while nobody reads the shop here (no prediction, no status), which would
 * otherwise wait for the next read.
 */
export function followShop(shop: Shop): void {
  noticeOtherProcessCommits(shop); // the version a later commit elsewhere is told from
  resumeRelearn(shop);
  if (!(delaySeconds > 0) || watching.has(shop)) return;
  const timer = setInterval(() => {
    if (shop.catalog.isOpen) noticeOtherProcessCommits(shop);
  }, WATCH_SECONDS * 1000);
  timer.unref();
  watching.set(shop, timer);
}

/** When the shop learns again for corrections that changed, or null when no run is waiting. */
export function nextRelearn(shop: Shop): Date | null {
  const w = waiting.get(shop);
  if (!w) return null;
  // Settled meanwhile by a run someone asked for: nothing is left to learn (the watch goes on).
  if (!readMarker(shop)) {
    dropWaiting(shop);
    return null;
  }
  return new Date(w.at);
}

/** The shop is closing: its watch and waiting run stop; its marker stays for the next open. */
export function forgetRelearn(shop: Shop): void {
  clearInterval(watching.get(shop));
  watching.delete(shop);
  dropWaiting(shop);
}

function dropWaiting(shop: Shop): void {
  clearTimeout(waiting.get(shop)?.timer);
  waiting.delete(shop);
  failures.delete(shop);
}

/** Runs the shop's waiting relearn now (the timer's work); null when none is waiting. */
export function relearnNow(shop: Shop): Promise<LearnReport | null> | null {
  const w = waiting.get(shop);
  if (!w) return null;
  clearTimeout(w.timer);
  waiting.delete(shop);
  if (!shop.catalog.isOpen || !readMarker(shop)) return Promise.resolve(null);
  return learnShop(shop).then(
    (report) => {
      failures.delete(shop);
      log.info("relearned after corrections", { shop: shop.name, corrections: report.corrections, removed: report.removed });
      return report;
    },
    (e: unknown) => {
      if (isAppError(e) && e.code === "shop_closed") return null;
      // The marker stays written; try again later, each time waiting longer.
      const n = (failures.get(shop) ?? 0) + 1;
      failures.set(shop, n);
      const retryIn = Math.min(MAX_RETRY_SECONDS, Math.max(delaySeconds, 1) * 2 ** n);
      log.warn("relearning after corrections failed", { shop: shop.name, error: (e as Error).message, retry_in_s: retryIn });
      const now = Date.now();
      schedule(shop, now + retryIn * 1000, now);
      return null;
    },
  );
}

function schedule(shop: Shop, at: number, first: number): void {
  if (!(delaySeconds > 0)) return;
  clearTimeout(waiting.get(shop)?.timer);
  const when = Math.max(at, Date.now());
  const timer = setTimeout(() => void relearnNow(shop), when - Date.now());
  // Waiting to relearn never keeps a finished process (a stopping service) alive.
  timer.unref();
  waiting.set(shop, { timer, at: when, first });
}
