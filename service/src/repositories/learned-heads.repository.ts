/**
 * A shop's learned heads on disk, in its data folder's `learned/`: per field a JSON file (labels,
 * temperature, when and from how much it learned) naming a binary file of float32 weights then biases.
 *
 * Learning also runs in the background, so a save can be cut short by a stop. A save therefore
 * never changes a file that the current JSON names: the weights go to a new binary file, and
 * renaming the new JSON over the old one is the one step that switches to them (the binary the old
 * JSON named is removed after). Cut short at any point, the folder holds the old head or the new
 * one, never a mix of the two that fails to load. Another process saving the same field at the same
 * time (the CLI while the service relearns) cannot remove the file the winner's JSON names: each
 * save removes only the binary it replaced, and leftovers only once they are old.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { AppError } from "../errors.js";
import type { LinearWeights } from "../model/softmax-regression.js";

export interface LearnedHeadMeta {
  field: string;
  labels: string[];
  dim: number;
  temperature: number;
  examples: number;
  trained_at: string;
  /** Top-1 on the fifth held out while fitting; absent in files written before it was kept. */
  holdout_accuracy?: number | null;
  /**
   * Fingerprint of the model pack whose vectors it was learned on: another pack's vectors mean
   * nothing to it. Absent in files written before it was kept (their `dim` is all there is to check).
   */
  model?: string;
}

interface LearnedHeadFile extends LearnedHeadMeta {
  /** The binary file of this version; files written before versions existed use `<field>.bin`. */
  weights_file?: string;
}

export interface LearnedHead extends LinearWeights {
  meta: LearnedHeadMeta;
}

/** A binary no JSON names (a save cut short, or lost to another process's) is removed once this old. */
const ORPHAN_AGE_MS = 10 * 60 * 1000;

export class LearnedHeadsRepository {
  constructor(private readonly dir: string) {}

  /** Whether any field has been learned. */
  any(): boolean {
    return this.metaFiles().length > 0;
  }

  /** The fields that have a head file, from the file names alone. */
  fields(): string[] {
    return this.metaFiles().map((name) => decodeURIComponent(name.slice(0, -".json".length)));
  }

  /** Every learned field's description, without reading weights; a file that cannot be read is left out. */
  list(): LearnedHeadMeta[] {
    return this.metaFiles().flatMap((name) => {
      try {
        return [this.readMeta(name)];
      } catch {
        return [];
      }
    });
  }

  /**
   * Every head that loads, in one pass, and the files that do not (with why), so that one damaged
   * head costs only its own field.
   */
  loadAll(): { heads: LearnedHead[]; damaged: { file: string; error: string }[] } {
    const heads: LearnedHead[] = [];
    const damaged: { file: string; error: string }[] = [];
    for (const name of this.metaFiles()) {
      try {
        heads.push(this.loadFile(name));
      } catch (e) {
        damaged.push({ file: name, error: (e as Error).message });
      }
    }
    return { heads, damaged };
  }

  /** One field's head, or null when it has not been learned. */
  load(field: string): LearnedHead | null {
    const name = `${encodeURIComponent(field)}.json`;
    return fs.existsSync(path.join(this.dir, name)) ? this.loadFile(name) : null;
  }

  save(meta: LearnedHeadMeta, weights: Float32Array, bias: Float32Array): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const safe = encodeURIComponent(meta.field);
    const weightsFile = `${safe}.${crypto.randomBytes(6).toString("hex")}.bin`;
    fs.writeFileSync(
      path.join(this.dir, weightsFile),
      Buffer.concat([
        Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength),
        Buffer.from(bias.buffer, bias.byteOffset, bias.byteLength),
      ]),
    );
    const replaced = this.weightsFileOf(`${safe}.json`);
    const file: LearnedHeadFile = { ...meta, weights_file: weightsFile };
    const tmp = `${safe}.${crypto.randomBytes(6).toString("hex")}.json.tmp`;
    fs.writeFileSync(path.join(this.dir, tmp), JSON.stringify(file));
    fs.renameSync(path.join(this.dir, tmp), path.join(this.dir, `${safe}.json`));
    if (replaced && replaced !== weightsFile) fs.rmSync(path.join(this.dir, replaced), { force: true });
    this.removeOrphans(safe, weightsFile);
  }

  /** Forgets a field (one that no longer has labels enough to learn). */
  remove(field: string): void {
    const safe = encodeURIComponent(field);
    const weightsFile = this.weightsFileOf(`${safe}.json`);
    fs.rmSync(path.join(this.dir, `${safe}.json`), { force: true });
    if (weightsFile) fs.rmSync(path.join(this.dir, weightsFile), { force: true });
  }

  /** The binary a field's JSON names, or null when there is no JSON (or it cannot be read). */
  private weightsFileOf(name: string): string | null {
    try {
      return this.readMeta(name).weights_file ?? `${name.slice(0, -".json".length)}.bin`;
    } catch {
      return null;
    }
  }

  /** This field's binaries and temporary files that no JSON names, once old enough to be nobody's save in progress. */
  private removeOrphans(safe: string, current: string): void {
    // Exactly this field's names: another field's name can start with this one's ("size", "size.eu").
    const own = new RegExp(`^${safe.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.[0-9a-f]{12}\\.(bin|json\\.tmp)$`);
    for (const name of fs.readdirSync(this.dir)) {
      if (!own.test(name) || name === current) continue;
      const file = path.join(this.dir, name);
      try {
        if (Date.now() - fs.statSync(file).mtimeMs > ORPHAN_AGE_MS) fs.rmSync(file, { force: true });
      } catch {
        // Removed meanwhile by another process's save.
      }
    }
  }

  private metaFiles(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((n) => n.endsWith(".json"))
      .sort();
  }

  private readMeta(name: string): LearnedHeadFile {
    return JSON.parse(fs.readFileSync(path.join(this.dir, name), "utf8")) as LearnedHeadFile;
  }

  private loadFile(name: string): LearnedHead {
    const field = decodeURIComponent(name.slice(0, -".json".length));
    const damaged = () => new AppError(500, "invalid_learned_head", `The learned head for "${field}" is damaged; run learning again.`);
    let meta: LearnedHeadFile;
    try {
      meta = this.readMeta(name);
    } catch {
      throw damaged();
    }
    let buf: Buffer;
    try {
      buf = fs.readFileSync(path.join(this.dir, meta.weights_file ?? `${name.slice(0, -".json".length)}.bin`));
    } catch {
      throw damaged();
    }
    const n = meta.labels.length;
    if (buf.length !== (n * meta.dim + n) * 4) throw damaged();
    const all = new Float32Array(n * meta.dim + n);
    new Uint8Array(all.buffer).set(buf);
    return { meta, weights: all.subarray(0, n * meta.dim), bias: all.subarray(n * meta.dim) };
  }
}
