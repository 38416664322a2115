/**
 * Relearning after corrections. A shop that has learned its own labels learns them again a while
 * after its corrections change (one sent, accepted, rejected or taken back to pending, when that
 * changes whether it takes part), so people's corrections reach the learned heads without anyone
 * asking for a run. They already act on the next prediction through the correction vote
 * (learn.service.ts), but only for photos close to a corrected one; the heads carry them to the rest.
 *
 * A burst of changes (a review session) leads to one run, `learnAfterCorrectionsSeconds` after the
 * last of them, but never later than five times that after the first, so a steady stream of
 * corrections cannot put it off for ever. Only the service schedules runs (startServer configures
 * this); a command-line review reaches the heads at the service's next run. Waiting runs are kept in
 * memory: a restart forgets them until the next change.
 */
import { log } from "../log.js";
import type { LearnReport } from "./learn.service.js";
import { hasLearnedHeads, invalidateShopHeads, learnShop } from "./learn.service.js";
import type { Shop } from "./shops.service.js";

/** How many delays a burst of changes may put the run off by, at most. */
const MAX_DELAYS = 5;
let delaySeconds = 0;
const waiting = new Map<Shop, { timer: NodeJS.Timeout; at: number; first: number }>();

/** Turns relearning on (seconds after the last change) or off (0). */
export function configureRelearn(seconds: number): void {
  delaySeconds = seconds;
}

/** Called whenever a shop's corrections change: the next prediction sees them, the heads follow. */
export function correctionsChanged(shop: Shop): void {
  invalidateShopHeads(shop);
  // A shop that never learned has no heads to update; learning starts when someone asks for it.
  if (!(delaySeconds > 0) || !hasLearnedHeads(shop)) return;
  const now = Date.now();
  const first = waiting.get(shop)?.first ?? now;
  const at = Math.min(now + delaySeconds * 1000, first + MAX_DELAYS * delaySeconds * 1000);
  clearTimeout(waiting.get(shop)?.timer);
  const timer = setTimeout(() => void relearnNow(shop), at - now);
  // Waiting to relearn never keeps a finished process (a stopping service) alive.
  timer.unref();
  waiting.set(shop, { timer, at, first });
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
  // A shop closed meanwhile (the service stopping) is not learned: its files may be gone.
  if (!shop.catalog.isOpen) return Promise.resolve(null);
  return learnShop(shop).then(
    (report) => {
      log.info("relearned after corrections", { shop: shop.name, corrections: report.corrections, removed: report.removed });
      return report;
    },
    (e: unknown) => {
      log.warn("relearning after corrections failed", { shop: shop.name, error: (e as Error).message });
      return null;
    },
  );
}
