/**
 * Downloads a model pack folder for machines that are online: manifest.json first, then every
 * file it names, then the whole pack is validated before it is moved into place. Nothing is
 * half-installed: a failure leaves no pack folder behind.
 */
import fs from "node:fs";
import path from "node:path";

import { loadModel } from "../model/load-model.js";
import { filesOf } from "../pack/manifest-files.js";
import { validateManifest } from "../pack/validate-manifest.js";

/** Like a shop name, plus dots: the name becomes a folder next to other packs, so no slashes or "..". */
const PACK_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/;

export async function downloadPack(
  baseUrl: string,
  name: string,
  packsDir: string,
  onFile: (file: string, bytes: number) => void,
): Promise<string> {
  if (!PACK_NAME.test(name)) {
    throw new Error(`pack name "${name}" must be letters, digits, '-', '_' or '.', not starting with '.'`);
  }
  const base = httpBase(baseUrl);
  const target = path.join(packsDir, name);
  if (fs.existsSync(target)) throw new Error(`${target} already exists`);
  const tmp = `${target}.download`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const manifestBytes = await get(new URL("manifest.json", base));
    // Checks every named path stays inside the pack before a single file is fetched or written.
    const manifest = validateManifest(parseJson(manifestBytes, base), tmp);
    fs.writeFileSync(path.join(tmp, "manifest.json"), manifestBytes);
    onFile("manifest.json", manifestBytes.length);
    for (const rel of filesOf(manifest)) {
      const bytes = await get(new URL(rel, base));
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), bytes);
      onFile(rel, bytes.length);
    }
    // The checks the service runs when it loads a pack (sha256, ONNX parses, float sizes), now, not at start-up.
    await (await loadModel(tmp)).dispose();
    fs.renameSync(tmp, target);
    return target;
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** The base URL with a trailing slash; only http(s), since the files are fetched relative to it. */
function httpBase(url: string): URL {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url.endsWith("/") ? url : `${url}/`);
  } catch {
    // reported below
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new Error(`"${url}" is not an http or https URL; "model download" fetches packs over HTTP (copy a local pack folder by hand)`);
  }
  return parsed;
}

function parseJson(bytes: Buffer, base: URL): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new Error(`${new URL("manifest.json", base)} is not valid JSON`);
  }
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
