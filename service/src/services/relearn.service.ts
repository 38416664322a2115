/**
 * Relearning after corrections. A shop that has learned its own labels learns them again a while
 * after its corrections change (one sent, accepted, rejected or taken back to pending, when that
 * changes whether it takes part), so people's corrections reach the learned heads without anyone
 * asking for a run. They already act on the next prediction through the correction vote
 * (learn.service.ts), but only for photos close to a corrected one; the heads carry them to the rest.
 *
 * A burst of changes (a review session) leads to one run, `learnAfterCorrectionsSeconds` after the
 * last of them, but never later than five times that after the first, so a steady stream of
 * corrections cannot put it off for ever. The pending run is written in the shop's database, so a
 * service that restarts (or a change made with the command line, where nothing waits to run it)
 * picks it up when the service next opens the shop (`resumeRelearn`).
 */
import { log } from "../log.js";
import type { LearnReport } from "./learn.service.js";
import { hasLearnedHeads, invalidateShopHeads, learnShop } from "./learn.service.js";
import type { Shop } from "./shops.service.js";

/** How many delays a burst of changes may put the run off by, at most. */
const MAX_DELAYS = 5;
/** Shop setting: when its corrections first and last changed since it last learned (epoch ms). */
const PENDING = "relearn_pending";
let delaySeconds = 0;
const waiting = new Map<Shop, { timer: NodeJS.Timeout; at: number }>();

interface Pending {
  first: number;
  last: number;
}

/** Turns relearning on in this process (seconds after the last change) or off (0, the command line). */
export function configureRelearn(seconds: number): void {
  delaySeconds = seconds;
}

/** Called whenever a shop's corrections change: the next prediction sees them, the heads follow. */
export function correctionsChanged(shop: Shop): void {
  invalidateShopHeads(shop);
  // A shop that never learned has no heads to update; learning starts when someone asks for it.
  if (!hasLearnedHeads(shop)) return;
  const now = Date.now();
  const pending: Pending = { first: readPending(shop)?.first ?? now, last: now };
  shop.catalog.setSetting(PENDING, JSON.stringify(pending));
  schedule(shop, pending);
}

/** Schedules the run a shop's database says is pending (one written before a restart, or by the CLI). */
export function resumeRelearn(shop: Shop): void {
  const pending = readPending(shop);
  if (pending) schedule(shop, pending);
}

/** When the shop learns again for corrections that changed, or null when no run is waiting. */
export function nextRelearn(shop: Shop): Date | null {
  const w = waiting.get(shop);
  return w ? new Date(w.at) : null;
}

/** Runs the shop's waiting relearn now (the timer's work); null when none is waiting. */
export function relearnNow(shop: Shop): Promise<LearnReport | null> | null {
  const w = waiting.get(shop);
  if (!w) return null;
  clearTimeout(w.timer);
  waiting.delete(shop);
  // A shop closed meanwhile (the service stopping) is not learned now; its pending run stays written.
  if (!shop.catalog.isOpen) return Promise.resolve(null);
  const written = shop.catalog.getSetting(PENDING);
  return learnShop(shop).then(
    (report) => {
      // Done, unless corrections changed during the run (that change has scheduled the next one).
      if (shop.catalog.isOpen && shop.catalog.getSetting(PENDING) === written) shop.catalog.deleteSetting(PENDING);
      log.info("relearned after corrections", { shop: shop.name, corrections: report.corrections, removed: report.removed });
      return report;
    },
    (e: unknown) => {
      // Left written: the next change or the next start tries again.
      log.warn("relearning after corrections failed", { shop: shop.name, error: (e as Error).message });
      return null;
    },
  );
}

function schedule(shop: Shop, pending: Pending): void {
  if (!(delaySeconds > 0)) return;
  const delay = delaySeconds * 1000;
  const at = Math.min(pending.last + delay, pending.first + MAX_DELAYS * delay);
  clearTimeout(waiting.get(shop)?.timer);
  const timer = setTimeout(() => void relearnNow(shop), Math.max(0, at - Date.now()));
  // Waiting to relearn never keeps a finished process (a stopping service) alive.
  timer.unref();
  waiting.set(shop, { timer, at: Math.max(at, Date.now()) });
}

function readPending(shop: Shop): Pending | null {
  const raw = shop.catalog.getSetting(PENDING);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Pending;
    return Number.isFinite(p.first) && Number.isFinite(p.last) ? p : null;
  } catch {
    return null;
  }
}
