/**
 * Checks of values typed on the command line. Each failure is one sentence naming the option or
 * path, so a typo never reaches a service as NaN or surfaces as a raw ENOENT.
 */
import fs from "node:fs";

/**
 * A whole number from `min` to `max`; "1.5", "abc", "-5" and anything out of range are refused rather
 * than rounded or defaulted.
 */
function intOption(option: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max !== Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : min === 0 ? "of 0 or more" : `of at least ${min}`;
    throw new Error(`${option} must be a whole number ${range}, not "${value}"`);
  }
  return n;
}

/** A whole number from 1 to `max` (a count or a port). */
export function positiveInt(option: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  return intOption(option, value, 1, max);
}

/** A whole number of 0 or more (an offset). */
export function wholeNumber(option: string, value: string): number {
  return intOption(option, value, 0);
}

/** One of `allowed`, typed as such, so callers need no cast. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${option} must be ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}, not "${value}"`);
  return value as T;
}

/** "on" or "off", in any case: anything else is a mistake, not "off". */
export function onOff(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v !== "on" && v !== "off") throw new Error(`expected on or off, not "${value}"`);
  return v === "on";
}

/** A path that must be an existing file (not a folder). */
export function existingFile(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${file}: no such file`);
  if (stat.isDirectory()) throw new Error(`${file} is a folder, not a file`);
  return file;
}
