/**
 * Reads model packs from disk: finds a pack by path or by name, and reads its manifest and
 * float32 files with their sizes checked.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { AppError } from "../errors.js";
import { outsidePack } from "./manifest-files.js";
import type { PackManifest } from "./manifest.js";
import { validateManifest } from "./validate-manifest.js";

/** Packs that ship with the service (their encoders are built at install time). */
export const BUILTIN_PACKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../packs");
export const DEFAULT_PACK = "kalas-fashion-mnv2";

/** A name resolves under PACKS_DIR (if set) then the built-in packs; anything with a slash is a path. */
export function resolvePackDir(nameOrPath: string, extraDirs: string[] = []): string {
  if (nameOrPath.includes("/") || nameOrPath.includes(path.sep)) return path.resolve(nameOrPath);
  for (const dir of [...extraDirs, BUILTIN_PACKS_DIR]) {
    const candidate = path.join(dir, nameOrPath);
    if (fs.existsSync(path.join(candidate, "manifest.json"))) return candidate;
  }
  const known = listPacks(extraDirs).join(", ") || "none";
  throw new AppError(500, "pack_not_found", `No model pack named "${nameOrPath}" (known packs: ${known}).`);
}

export function listPacks(extraDirs: string[] = []): string[] {
  const names = new Set<string>();
  for (const dir of [...extraDirs, BUILTIN_PACKS_DIR]) {
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir)) if (fs.existsSync(path.join(dir, e, "manifest.json"))) names.add(e);
  }
  return [...names].sort();
}

export function readManifest(packDir: string): PackManifest {
  const file = path.join(packDir, "manifest.json");
  if (!fs.existsSync(file)) throw new AppError(500, "invalid_pack", `Model pack at ${packDir}: manifest.json is missing.`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new AppError(500, "invalid_pack", `Model pack at ${packDir}: manifest.json is not valid JSON (${(e as Error).message}).`);
  }
  return validateManifest(raw, packDir);
}

/** Path of a file the manifest names, which must exist inside the pack. */
export function packFile(packDir: string, rel: string): string {
  // The manifest's check (validate-manifest.ts) has run already; one rule for both.
  const why = outsidePack(rel);
  if (why) throw new AppError(500, "invalid_pack", `Model pack at ${packDir}: ${why}.`);
  const full = path.resolve(packDir, rel);
  if (!fs.existsSync(full)) {
    throw new AppError(500, "invalid_pack", `Model pack at ${packDir}: file "${rel}" named in manifest.json is missing.`);
  }
  return full;
}

/** Reads a little-endian float32 file and checks it holds exactly `expected` values. */
export function readFloat32(packDir: string, rel: string, expected: number): Float32Array {
  const buf = fs.readFileSync(packFile(packDir, rel));
  if (buf.length !== expected * 4) {
    throw new AppError(500, "invalid_pack", `Model pack at ${packDir}: "${rel}" holds ${buf.length / 4} values, expected ${expected}.`);
  }
  const copy = new Float32Array(expected);
  new Uint8Array(copy.buffer).set(buf);
  return copy;
}

export function readJson<T>(packDir: string, rel: string): T {
  return JSON.parse(fs.readFileSync(packFile(packDir, rel), "utf8")) as T;
}

const hashes = new Map<string, { stamp: string; sha: string }>();

/**
 * sha256 of a file, remembered while its size and modification time stay the same: the start of the
 * service checks the 9 MB encoder twice (is the build up to date, does the pack load the pinned file).
 */
export function fileSha256(file: string): string {
  const st = fs.statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const known = hashes.get(file);
  if (known?.stamp === stamp) return known.sha;
  const sha = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  hashes.set(file, { stamp, sha });
  return sha;
}
