/**
 * The shop's record that its corrections changed since it last learned: when they first and last
 * changed (epoch ms), in its database's settings, so that every process sees it (the CLI writes it
 * when a person reviews there) and it survives a restart. Any learning run that reads the
 * corrections settles it (learn.service.ts); relearn.service.ts schedules runs from it.
 */
import type { Shop } from "./shops.service.js";

const KEY = "relearn_pending";

export interface RelearnMarker {
  first: number;
  last: number;
  /** As stored, to settle exactly this version of it. */
  raw: string;
}

export function readMarker(shop: Shop): RelearnMarker | null {
  const raw = shop.catalog.getSetting(KEY);
  if (!raw) return null;
  try {
    const { first, last } = JSON.parse(raw) as { first: number; last: number };
    return Number.isFinite(first) && Number.isFinite(last) ? { first, last, raw } : null;
  } catch {
    return null;
  }
}

export function writeMarker(shop: Shop, first: number, last: number): RelearnMarker {
  const raw = JSON.stringify({ first, last });
  shop.catalog.setSetting(KEY, raw);
  return { first, last, raw };
}

/** Removes the marker a run read before it learned, unless a change since has rewritten it. */
export function settleMarker(shop: Shop, read: RelearnMarker | null): void {
  if (read) shop.catalog.deleteSettingIf(KEY, read.raw);
}
