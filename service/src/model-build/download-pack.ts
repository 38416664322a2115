/**
 * Downloads a model pack folder for machines that are online: manifest.json first, then every
 * file it names, then the whole pack is validated before it is moved into place. Nothing is
 * half-installed: a failure leaves no pack folder behind.
 */
import fs from "node:fs";
import path from "node:path";

import type { PackManifest } from "../pack/manifest.js";
import { readManifest } from "../pack/pack.repository.js";
import { validateManifest } from "../pack/validate-manifest.js";

export async function downloadPack(
  baseUrl: string,
  name: string,
  packsDir: string,
  onFile: (file: string, bytes: number) => void,
): Promise<string> {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  const target = path.join(packsDir, name);
  if (fs.existsSync(target)) throw new Error(`${target} already exists`);
  const tmp = `${target}.download`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const manifestBytes = await get(new URL("manifest.json", base));
    const manifest = validateManifest(JSON.parse(manifestBytes.toString("utf8")), tmp);
    fs.writeFileSync(path.join(tmp, "manifest.json"), manifestBytes);
    onFile("manifest.json", manifestBytes.length);
    for (const rel of filesOf(manifest)) {
      const bytes = await get(new URL(rel, base));
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), bytes);
      onFile(rel, bytes.length);
    }
    readManifest(tmp);
    fs.renameSync(tmp, target);
    return target;
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** Every file a manifest names. */
export function filesOf(m: PackManifest): string[] {
  const files = [m.encoder.file, m.features.mean, m.features.projection, ...m.heads.map((h) => h.file)];
  if (m.text) {
    files.push(m.text.encoder, m.text.embeddings);
    if (m.text.tokenizer) files.push(`${m.text.tokenizer}/tokenizer.json`, `${m.text.tokenizer}/tokenizer_config.json`);
  }
  return [...new Set(files.filter((f): f is string => typeof f === "string"))];
}

async function get(url: URL): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(
      `cannot reach ${url.host} (${(e as Error).message}); "model download" needs network access — copy the pack folder by hand on offline machines`,
    );
  }
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
