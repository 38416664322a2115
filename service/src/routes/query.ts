/** Small, strict parsers for query and body values. */
import { AppError } from "../errors.js";
import { cleanLabelMap } from "../http/fields.js";

export function intParam(value: unknown, name: string, def: number, min: number, max: number): number {
  if (value === undefined || value === "") return def;
  // Digits only: Number() would also take "1e2", "0x10" and " 8 ".
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError(400, "invalid_request", `"${name}" must be an integer from ${min} to ${max}.`);
  return n;
}

/** One of a few words, or undefined when the parameter is absent or empty. */
export function choiceParam<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value))
    throw new AppError(400, "invalid_request", `"${name}" must be ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}.`);
  return value as T;
}

/** A product's own labels: an object of field name to label (http/fields.ts has the rules). */
export function labelsField(value: unknown, name = "labels"): Record<string, string> | undefined {
  const labels = jsonField(value, name);
  if (labels === undefined) return undefined;
  return cleanLabelMap(labels, `"${name}"`) as Record<string, string>;
}

/** A JSON object given as a JSON body field or as a multipart text field holding JSON. */
export function jsonField(value: unknown, name: string): unknown {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new AppError(400, "invalid_json", `The field "${name}" is not valid JSON.`);
  }
}
