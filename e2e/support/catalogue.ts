import { allPhotos, type PhotoRow } from "./photos.js";

/** "Arrow Woman Rima Red Dress": the red dress of the auto-tagging flow. */
export const RED_DRESS = "18736";

/** A colour the flows accept as "red": the pack's palette splits reds into red and maroon. */
export const RED = /^(red|maroon)$/i;

/** The same colours as a word inside longer text, such as the panel's "red 37%". */
export const RED_WORD = /\b(red|maroon)\b/i;

/** One dataset photo by id. */
export function photo(id: string): PhotoRow {
  const row = allPhotos().find((r) => r.id === id);
  if (!row) throw new Error(`photo ${id} is not in the dataset`);
  return row;
}

/** A unique product name for this run, so flows never see each other's products. */
export function uniqueName(base: string): string {
  return `${base} ${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
