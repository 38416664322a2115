import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { REPO_ROOT } from "./stack-env.js";

/**
 * A copy of the default pack that makes other search vectors (mirror views off), as a model
 * update would: the service treats every vector the shop stored before as another model's.
 */
export function otherModelPack(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kalas-e2e-pack-"));
  fs.cpSync(path.join(REPO_ROOT, "service/packs/kalas-fashion-mnv2"), dir, { recursive: true });
  const file = path.join(dir, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { version: string; features: { mirror?: boolean } };
  manifest.version = `${manifest.version}-e2e-update`;
  manifest.features.mirror = !manifest.features.mirror;
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
  return dir;
}
