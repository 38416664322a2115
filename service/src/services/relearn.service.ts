/**
 * Relearning after corrections. A shop that has learned its own labels learns them again a while
 * after its corrections change (one sent, accepted, rejected or taken back to pending), so people's
 * corrections reach the learned heads without anyone asking for a run. They already act on the next
 * prediction through the correction vote (learn.service.ts), but only for photos close to a corrected
 * one; the heads carry them to the rest. A burst of changes (a review session) leads to one run,
 * LEARN_AFTER_CORRECTIONS_SECONDS after the last of them; 0 turns this off.
 */
import { log } from "../log.js";
import { hasLearnedHeads, invalidateShopHeads, learnShop } from "./learn.service.js";
import type { Shop } from "./shops.service.js";

const DELAY_SECONDS = Number(process.env.LEARN_AFTER_CORRECTIONS_SECONDS ?? 60);
const pending = new Map<Shop, { timer: NodeJS.Timeout; at: Date }>();

/** Called whenever a shop's corrections change: the next prediction sees them, the heads follow. */
export function correctionsChanged(shop: Shop): void {
  invalidateShopHeads(shop);
  // A shop that never learned has no heads to update; learning starts when someone asks for it.
  if (!(DELAY_SECONDS > 0) || !hasLearnedHeads(shop)) return;
  clearTimeout(pending.get(shop)?.timer);
  const timer = setTimeout(() => {
    pending.delete(shop);
    learnShop(shop).then(
      (report) => log.info("relearned after corrections", { shop: shop.name, corrections: report.corrections }),
      (e) => log.warn("relearning after corrections failed", { shop: shop.name, error: (e as Error).message }),
    );
  }, DELAY_SECONDS * 1000);
  // Waiting to relearn never keeps a finished process (the CLI, a stopping service) alive.
  timer.unref();
  pending.set(shop, { timer, at: new Date(Date.now() + DELAY_SECONDS * 1000) });
}

/** When the shop learns again for corrections that changed, or null when no run is waiting. */
export function nextRelearn(shop: Shop): Date | null {
  return pending.get(shop)?.at ?? null;
}
