/**
 * The files a manifest names, and the rule that keeps them inside the pack folder: a manifest
 * comes from wherever a pack was downloaded, so its paths are untrusted input.
 */
import path from "node:path";

import type { PackManifest } from "./manifest.js";

/** Every file a manifest names, relative to the pack folder. */
export function filesOf(m: PackManifest): string[] {
  const files = [m.encoder.file, m.features.mean, m.features.projection, ...m.heads.map((h) => h.file)];
  if (m.text) {
    files.push(m.text.encoder, m.text.embeddings);
    if (m.text.tokenizer) files.push(`${m.text.tokenizer}/tokenizer.json`, `${m.text.tokenizer}/tokenizer_config.json`);
  }
  return [...new Set(files.filter((f): f is string => typeof f === "string"))];
}

/**
 * Why `rel` may not be used as a path inside the pack, or null when it may. Checked on the text and
 * on the resolved path, so neither "/etc/x", "a/../../x" nor a Windows drive path slips through.
 */
export function outsidePack(rel: string): string | null {
  if (!rel) return "an empty file name";
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel)) return `"${rel}" is an absolute path`;
  if (rel.split(/[\\/]/).includes("..")) return `"${rel}" contains a ".." segment`;
  const root = path.resolve("/pack");
  if (!path.resolve(root, rel).startsWith(root + path.sep)) return `"${rel}" points outside the pack`;
  return null;
}
