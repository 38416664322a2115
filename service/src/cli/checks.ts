/**
 * Checks of values typed on the command line. Each failure is one sentence naming the option or
 * path, so a typo never reaches a service as NaN or surfaces as a raw ENOENT.
 */
import fs from "node:fs";

/** A whole number from 1 to `max`; "1.5", "abc", "0" and "-5" are refused rather than rounded or defaulted. */
export function positiveInt(option: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? "a whole number of at least 1" : `a whole number from 1 to ${max}`;
    throw new Error(`${option} must be ${range}, not "${value}"`);
  }
  return n;
}

/** A whole number of 0 or more (an offset); "-1", "1.5" and "abc" are refused. */
export function wholeNumber(option: string, value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`${option} must be a whole number of 0 or more, not "${value}"`);
  return n;
}

export function oneOf(option: string, value: string, allowed: string[]): string {
  if (!allowed.includes(value))
    throw new Error(`${option} must be ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}, not "${value}"`);
  return value;
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
