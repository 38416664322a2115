/**
 * Wraps hnswlib-node: one on-disk HNSW index of search vectors per shop.
 *
 * The index is a cache of what the shop's SQLite database holds. It is written to disk
 * atomically (temporary file, then rename) together with the database sequence number it
 * reflects, so after a crash the service replays only the changes made since that save.
 */
import fs from "node:fs";
import path from "node:path";

import hnswlib from "hnswlib-node";
import { envNumber } from "../env.js";

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export const HNSW_PARAMS = { m: 16, efConstruction: 200, efSearch: envNumber("HNSW_EF", 96), seed: 42 };
const INITIAL_CAPACITY = 1024;

/**
 * Which vectors can be compared: their size, and a fingerprint of the model that made them
 * (LoadedModel.fingerprint). A new pack with the same vector size is another space.
 */
export interface VectorSpace {
  dim: number;
  model: string;
}

/**
 * Version of the saved index. 2: labels are updated in their own slot (see `put`); an index saved
 * before may hold stale second copies of updated products, so it is rebuilt from the database.
 */
const INDEX_FORMAT = 2;

export interface IndexState {
  format?: number;
  dim: number;
  /** The model fingerprint of the vectors in the index. */
  model?: string;
  /** Database sequence number the saved index reflects. */
  seq: number;
  count: number;
}

export class VectorIndex {
  private index: Hnsw;
  private constructor(
    private readonly dir: string,
    readonly dim: number,
    readonly model: string,
    index: Hnsw,
    public seq: number,
  ) {
    this.index = index;
  }

  /** Opens the saved index, or returns null when none is saved, it holds another space's vectors, or an older format. */
  static load(dir: string, { dim, model }: VectorSpace): VectorIndex | null {
    const stateFile = path.join(dir, "index.json");
    const dataFile = path.join(dir, "index.hnsw");
    if (!fs.existsSync(stateFile) || !fs.existsSync(dataFile)) return null;
    try {
      const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as IndexState;
      if (state.format !== INDEX_FORMAT || state.dim !== dim || state.model !== model) return null;
      const index = new HierarchicalNSW("ip", dim);
      index.readIndexSync(dataFile, false);
      index.setEf(HNSW_PARAMS.efSearch);
      return new VectorIndex(dir, dim, model, index, state.seq);
    } catch {
      return null;
    }
  }

  static create(dir: string, { dim, model }: VectorSpace): VectorIndex {
    const index = new HierarchicalNSW("ip", dim);
    index.initIndex(INITIAL_CAPACITY, HNSW_PARAMS.m, HNSW_PARAMS.efConstruction, HNSW_PARAMS.seed, false);
    index.setEf(HNSW_PARAMS.efSearch);
    return new VectorIndex(dir, dim, model, index, 0);
  }

  /** Slots in use: live products and removed ones (removed products keep their slots until a rebuild). */
  get count(): number {
    return this.index.getCurrentCount();
  }

  /** Adds or replaces the vector stored under `label`. */
  put(label: number, vector: Float32Array): void {
    if (vector.length !== this.dim) throw new Error(`vector has ${vector.length} values, index holds ${this.dim}`);
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(INITIAL_CAPACITY, this.index.getMaxElements() * 2));
    }
    // Removed products keep their slots (the index is opened without hnswlib's "replace deleted" mode,
    // which lost products from search: a photo re-added into the slot of its own removed copy was
    // unreachable, e2e flow 6). A label already here, live or removed, is updated in its own slot.
    this.index.addPoint(Array.from(vector), label, false);
  }

  remove(label: number): void {
    try {
      this.index.markDelete(label);
    } catch {
      // Not in the index (never added, or already removed): removing is idempotent.
    }
  }

  search(vector: Float32Array, k: number, accept?: (label: number) => boolean): { label: number; score: number }[] {
    // Slots include removed products, which hnswlib skips: asking for up to this many is always valid.
    const slots = this.count;
    if (slots === 0) return [];
    const n = Math.min(k, slots);
    const res = accept ? this.index.searchKnn(Array.from(vector), n, accept) : this.index.searchKnn(Array.from(vector), n);
    // hnswlib's "ip" space returns 1 - dot; vectors are L2-normalised, so dot is the cosine.
    return res.neighbors.map((label, i) => ({ label, score: 1 - res.distances[i] }));
  }

  /** Writes the index and its state atomically. */
  save(seq: number): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const dataTmp = path.join(this.dir, "index.hnsw.tmp");
    const stateTmp = path.join(this.dir, "index.json.tmp");
    this.index.writeIndexSync(dataTmp);
    fs.writeFileSync(
      stateTmp,
      JSON.stringify({ format: INDEX_FORMAT, dim: this.dim, model: this.model, seq, count: this.count } satisfies IndexState),
    );
    // The state names the seq the data reflects, so the data must land first.
    fs.renameSync(dataTmp, path.join(this.dir, "index.hnsw"));
    fs.renameSync(stateTmp, path.join(this.dir, "index.json"));
    this.seq = seq;
  }
}
