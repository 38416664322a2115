/** Small, strict parsers for query and body values. */
import { AppError } from "../errors.js";

export function intParam(value: unknown, name: string, def: number, min: number, max: number): number {
  if (value === undefined || value === "") return def;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError(400, "invalid_request", `"${name}" must be an integer from ${min} to ${max}.`);
  return n;
}

export function optionalString(value: unknown, name: string, max = 2048): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || value.length > max)
    throw new AppError(400, "invalid_request", `"${name}" must be a string of at most ${max} characters.`);
  return value;
}

/** A JSON object given as a JSON body field or as a multipart text field holding JSON. */
/** A product's own labels: an object of field name to label, both short strings. */
export function labelsField(value: unknown, name = "labels"): Record<string, string> | undefined {
  const labels = jsonField(value, name);
  if (labels === undefined) return undefined;
  const ok =
    typeof labels === "object" &&
    labels !== null &&
    !Array.isArray(labels) &&
    Object.entries(labels).every(([k, v]) => k.length > 0 && k.length <= 64 && typeof v === "string" && v.length > 0 && v.length <= 200);
  if (!ok)
    throw new AppError(
      400,
      "invalid_request",
      `"${name}" must be an object of field: label (names up to 64 characters, labels up to 200).`,
    );
  return labels as Record<string, string>;
}

export function jsonField(value: unknown, name: string): unknown {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new AppError(400, "invalid_json", `The field "${name}" is not valid JSON.`);
  }
}
