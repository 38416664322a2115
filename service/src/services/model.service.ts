/**
 * Holds the one loaded model pack. It is loaded once, lazily, through a shared promise; a failed
 * load is not cached, so the next request tries again (e.g. after the encoder was rebuilt).
 */
import { ensureEncoder } from "../model-build/build-encoder.js";
import { loadModel, type LoadedModel } from "../model/load-model.js";
import { DEFAULT_PACK, resolvePackDir } from "../pack/pack.repository.js";

let packSource = process.env.MODEL_PACK ?? DEFAULT_PACK;
let extraDirs: string[] = process.env.PACKS_DIR ? [process.env.PACKS_DIR] : [];
let current: Promise<LoadedModel> | null = null;

/** Chooses the pack (a name or a path) before the first use. */
export function configureModel(nameOrPath: string, packsDirs: string[] = extraDirs): void {
  packSource = nameOrPath;
  extraDirs = packsDirs;
  current = null;
}

export function getModel(): Promise<LoadedModel> {
  if (!current) {
    current = (async () => {
      const dir = resolvePackDir(packSource, extraDirs);
      await ensureEncoder(dir);
      return loadModel(dir);
    })();
    current.catch(() => {
      current = null;
    });
  }
  return current;
}

/** Releases the ONNX session (tests, shutdown). */
export async function disposeModel(): Promise<void> {
  const m = current;
  current = null;
  if (m) await (await m).dispose().catch(() => undefined);
}
