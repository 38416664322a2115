/**
 * Rules for the short texts people send: label names, labels, product names and links.
 *
 * Labels are stored and then answered back to every client of the shop (a correction votes in the
 * next annotations, a learned head lists its labels as alternatives), so an empty, enormous or
 * control-character label would surface in every later answer. Names follow the products route's
 * existing limits (field names up to 64 characters, labels up to 200).
 */
import { AppError } from "../errors.js";

export const MAX_FIELD_NAME = 64;
export const MAX_LABEL = 200;
export const MAX_LIST = 10;

// C0 and C1 control characters (tabs and newlines included): never part of a label or a name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const bad = (message: string) => new AppError(400, "invalid_request", message);

/** A trimmed label of 1 to MAX_LABEL characters without control characters. */
export function cleanLabel(value: unknown, what: string, max = MAX_LABEL): string {
  if (typeof value !== "string") throw bad(`${what} must be a string.`);
  const v = value.trim();
  // Counted in characters as a person sees them: an emoji or an accent is one, not two UTF-16 units.
  if (!v || characters(v) > max || CONTROL.test(v))
    throw bad(`${what} must be 1 to ${max} characters, without control characters (got ${describe(v)}).`);
  return v;
}

/** A field name: 1 to MAX_FIELD_NAME characters, trimmed, no control characters. */
export function cleanFieldName(value: unknown, what: string): string {
  return cleanLabel(value, what, MAX_FIELD_NAME);
}

/** An object of field name to label, cleaned; `lists` also takes up to MAX_LIST labels per field. */
export function cleanLabelMap(value: unknown, what: string, lists = false): Record<string, string | string[]> {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw bad(`${what} must be an object of field: label.`);
  const out: Record<string, string | string[]> = {};
  const entries = Object.entries(value);
  if (entries.length > 32) throw bad(`${what} has ${entries.length} fields; at most 32 are accepted.`);
  for (const [k, v] of entries) {
    const field = cleanFieldName(k, `A field name in ${what}`);
    if (lists && Array.isArray(v)) {
      if (!v.length || v.length > MAX_LIST) throw bad(`${what}.${field} must list 1 to ${MAX_LIST} labels.`);
      out[field] = v.map((x, i) => cleanLabel(x, `${what}.${field}[${i}]`));
    } else out[field] = cleanLabel(v, `${what}.${field}`);
  }
  return out;
}

/**
 * An optional http(s) link of at most 2048 characters (image URLs and product permalinks).
 * `schemeCode`: image URLs keep the code the fetcher uses for a refused scheme, `url_not_allowed`.
 */
export function optionalLink(value: unknown, what: string, schemeCode = "invalid_request"): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || value.length > 2048) throw bad(`"${what}" must be a link of at most 2048 characters.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad(`"${what}" is not a valid URL: ${describe(value)}.`);
  }
  // A permalink is shown as a link on storefronts: javascript: or data: links would run there.
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError(400, schemeCode, `"${what}" must be an http or https URL.`);
  return value;
}

/**
 * An optional display name, at most `max` characters. Control characters become spaces rather than
 * an error: a product's name comes from the shop as it is, and a stray tab in it must not stop the
 * product from being indexed.
 */
export function optionalName(value: unknown, what: string, max = 500): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw bad(`"${what}" must be a string.`);
  const v = value.replace(new RegExp(CONTROL.source, "g"), " ").replace(/\s+/g, " ").trim();
  if (v.length > max) throw bad(`"${what}" must be at most ${max} characters (got ${v.length}).`);
  return v || undefined;
}

function describe(v: string): string {
  return characters(v) > 40 ? `${characters(v)} characters` : JSON.stringify(v);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** No character a person types takes more UTF-16 units than this (a family emoji takes 11). */
const MAX_UNITS_PER_CHARACTER = 16;

/**
 * Characters as a person sees them. Counting is cut short past what any limit here allows, so a
 * megabyte of text costs a comparison, not a megabyte of segments (that ran the process out of memory).
 */
function characters(v: string): number {
  if (v.length > MAX_LABEL * MAX_UNITS_PER_CHARACTER) return v.length;
  let n = 0;
  for (const _ of graphemes.segment(v)) n++;
  return n;
}
