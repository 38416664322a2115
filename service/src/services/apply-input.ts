/**
 * The body of `POST /v1/products/{id}/apply`, checked before anything reaches WooCommerce.
 *
 * A client may send the annotation to write (as the annotate route answered it, perhaps edited by a
 * person). Every part write-back reads is checked here, so a malformed one is a 400 naming the part,
 * never a failure halfway through building the product update.
 */
import { AppError } from "../errors.js";
import { cleanFieldName, cleanLabel, MAX_LIST } from "../http/fields.js";
import type { AnnotationLike, PredictedColor, PredictedLabel, WritebackOptions } from "../woocommerce/writeback.types.js";

const bad = (message: string) => new AppError(400, "invalid_request", message);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

export interface ApplyInput {
  /** Undefined: write the annotation stored when the product was indexed. */
  annotation?: AnnotationLike;
  options: WritebackOptions;
}

export function parseApplyBody(body: unknown): ApplyInput {
  if (body !== undefined && body !== null && !isObject(body)) throw bad("The body must be a JSON object.");
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    annotation: b.annotation === undefined || b.annotation === null ? undefined : parseAnnotation(b.annotation),
    options: parseOptions(b.options),
  };
}

function parseAnnotation(v: unknown): AnnotationLike {
  if (!isObject(v)) throw bad('"annotation" must be an annotation object, as POST /v1/annotate answers.');
  const out: { -readonly [K in keyof AnnotationLike]: AnnotationLike[K] } = {};
  if (v.category !== undefined && v.category !== null) out.category = prediction(v.category, '"annotation.category"');
  if (v.attributes !== undefined) out.attributes = predictions(v.attributes, '"annotation.attributes"');
  if (v.shop !== undefined) out.shop = predictions(v.shop, '"annotation.shop"');
  if (v.colors !== undefined) {
    if (!Array.isArray(v.colors) || v.colors.length > MAX_LIST)
      throw bad(`"annotation.colors" must be a list of up to ${MAX_LIST} colours.`);
    out.colors = v.colors.map((c, i) => color(c, `"annotation.colors[${i}]"`));
  }
  return out;
}

function predictions(v: unknown, what: string): Record<string, PredictedLabel> {
  if (!isObject(v)) throw bad(`${what} must map field names to predictions.`);
  return Object.fromEntries(
    Object.entries(v).map(([k, p]) => [cleanFieldName(k, `A field name in ${what}`), prediction(p, `${what}.${k}`)]),
  );
}

function prediction(v: unknown, what: string): PredictedLabel {
  if (!isObject(v)) throw bad(`${what} must be { label, score }.`);
  const p: PredictedLabel = { label: cleanLabel(v.label, `${what}.label`), score: unit(v.score, `${what}.score`) };
  if (v.confident !== undefined) {
    if (typeof v.confident !== "boolean") throw bad(`${what}.confident must be true or false.`);
    p.confident = v.confident;
  }
  return p;
}

function color(v: unknown, what: string): PredictedColor {
  if (!isObject(v)) throw bad(`${what} must be { name, share }.`);
  const c: PredictedColor = { name: cleanLabel(v.name, `${what}.name`, 50), share: unit(v.share, `${what}.share`) };
  if (v.hex !== undefined) {
    if (typeof v.hex !== "string" || !/^#[0-9a-f]{6}$/i.test(v.hex)) throw bad(`${what}.hex must be a colour like "#c62828".`);
    c.hex = v.hex;
  }
  return c;
}

function unit(v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1) throw bad(`${what} must be a number from 0 to 1.`);
  return v;
}

function parseOptions(v: unknown): WritebackOptions {
  if (v !== undefined && v !== null && !isObject(v)) throw bad('"options" must be an object.');
  const o = (v ?? {}) as Record<string, unknown>;
  for (const flag of ["setCategory", "protectManual"])
    if (o[flag] !== undefined && typeof o[flag] !== "boolean") throw bad(`"options.${flag}" must be true or false.`);
  let thresholds: Record<string, number> | undefined;
  if (o.thresholds !== undefined) {
    if (!isObject(o.thresholds)) throw bad('"options.thresholds" must map field names to numbers from 0 to 1.');
    thresholds = Object.fromEntries(Object.entries(o.thresholds).map(([k, t]) => [k, unit(t, `"options.thresholds.${k}"`)]));
  }
  return {
    tagFields: fieldList(o.tagFields, '"options.tagFields"', ["category", "color", "pattern"]),
    attributeFields: fieldList(o.attributeFields, '"options.attributeFields"', ["color"]),
    setCategory: o.setCategory === true,
    protectManual: o.protectManual !== false,
    thresholds,
  };
}

function fieldList(v: unknown, what: string, def: string[]): string[] {
  if (v === undefined) return def;
  if (!Array.isArray(v) || v.length > 32) throw bad(`${what} must be a list of field names.`);
  return v.map((x, i) => cleanFieldName(x, `${what}[${i}]`));
}
