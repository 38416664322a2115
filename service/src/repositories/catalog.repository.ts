/**
 * Wraps one shop's SQLite database (better-sqlite3): products with their search vectors and
 * annotations, people's corrections, and small settings. It is the source of truth; the HNSW
 * index is rebuilt from it. Every change bumps a sequence number so the index can catch up.
 */
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

export interface ProductRow {
  id: string;
  label: number;
  name: string | null;
  permalink: string | null;
  image_url: string | null;
  annotation: string | null;
  /** The shop's own labels for this product, JSON {field: value}, used for catalogue learning. */
  labels: string | null;
  seq: number;
  deleted: number;
  updated_at: string;
}

export interface ProductWrite {
  id: string;
  name?: string | null;
  permalink?: string | null;
  imageUrl?: string | null;
  annotation: unknown;
  labels?: Record<string, string> | null;
  vector: Float32Array;
  features: Float32Array;
}

export interface FeedbackRow {
  id: number;
  product_id: string | null;
  image_file: string | null;
  correction: string;
  original: string | null;
  source: string | null;
  /** A person's review: NULL (pending), "accepted" or "rejected". */
  review: string | null;
  created_at: string;
  /** Whether the correction takes part in predictions and learning now (see `learnsSql`). */
  learns: number;
}

export type FeedbackReview = "accepted" | "rejected" | null;

export interface FeedbackFilter {
  source?: "web" | "key";
  review?: "pending" | "accepted" | "rejected";
  limit: number;
  offset: number;
}

export interface CatalogOptions {
  /** Whether pending corrections from public web sessions count (Config.webFeedbackLearns). */
  pendingWebLearns?: boolean;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS products (
  id TEXT PRIMARY KEY,
  label INTEGER NOT NULL UNIQUE,
  name TEXT, permalink TEXT, image_url TEXT,
  annotation TEXT, labels TEXT,
  vector BLOB NOT NULL, features BLOB NOT NULL,
  seq INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS products_seq ON products(seq);
CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id TEXT, image_file TEXT, features BLOB,
  correction TEXT NOT NULL, original TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/**
 * Columns added after the first release, with ALTER TABLE on open. Rows written before have NULL:
 * their vectors' model is unknown, so they count as another model's until indexed again.
 */
const ADDED_COLUMNS: [table: string, column: string][] = [
  ["products", "model"],
  ["feedback", "model"],
  // Who sent a correction: "web" (a public web session) or NULL (an API key, the shop's own people).
  ["feedback", "source"],
  // A person's review of a correction: NULL (pending), "accepted" or "rejected".
  ["feedback", "review"],
];

/**
 * The one rule for which corrections take part in predictions and learning, used both to pick them
 * and to tell a reviewer whether one counts, so the two cannot drift apart. A rejected correction
 * never counts and an accepted one always does; a pending one counts when it came with the shop's
 * key, or from a public web session when the deployer lets those count. Only corrections with
 * features of the current model can be compared with new photos at all.
 */
const learnsSql = (pendingWebLearns: boolean) =>
  // COALESCE: SQL's NULL comparisons (a pending review, a correction without a model) would make it NULL, not 0.
  `COALESCE(features IS NOT NULL AND model = @model AND (review = 'accepted' OR (review IS NULL AND ${pendingWebLearns ? "1" : "source IS NULL"})), 0)`;
const FEEDBACK_COLUMNS = "id, product_id, image_file, correction, original, source, review, created_at";

export class CatalogRepository {
  private readonly db: Database.Database;
  /** `learnsSql` for this deployment, decided once. */
  private readonly learns: string;

  /** `model`: the fingerprint of the model whose vectors and features this process writes and reads. */
  constructor(
    readonly dir: string,
    readonly model: string,
    options: CatalogOptions = {},
  ) {
    this.learns = learnsSql(options.pendingWebLearns ?? false);
    fs.mkdirSync(dir, { recursive: true });
    this.db = new Database(path.join(dir, "catalog.sqlite"));
    // WAL + synchronous=NORMAL: a committed write survives a process crash (kill -9).
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
    for (const [table, column] of ADDED_COLUMNS) {
      const has = (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
      if (!has) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`);
    }
  }

  /** False once closed (a stopping service): background work must not touch it then. */
  get isOpen(): boolean {
    return this.db.open;
  }

  get seq(): number {
    return (this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS s FROM products").get() as { s: number }).s;
  }

  upsert(p: ProductWrite): ProductRow {
    const tx = this.db.transaction(() => {
      const seq = this.seq + 1;
      const existing = this.db.prepare("SELECT label FROM products WHERE id = ?").get(p.id) as { label: number } | undefined;
      const label = existing?.label ?? (this.db.prepare("SELECT COALESCE(MAX(label), -1) + 1 AS l FROM products").get() as { l: number }).l;
      this.db
        .prepare(
          `INSERT INTO products (id, label, name, permalink, image_url, annotation, labels, vector, features, model, seq, deleted, updated_at)
           VALUES (@id, @label, @name, @permalink, @image_url, @annotation, @labels, @vector, @features, @model, @seq, 0, @now)
           ON CONFLICT(id) DO UPDATE SET name = COALESCE(@name, name), permalink = COALESCE(@permalink, permalink),
             image_url = COALESCE(@image_url, image_url), annotation = @annotation, labels = COALESCE(@labels, labels),
             vector = @vector, features = @features, model = @model, seq = @seq, deleted = 0, updated_at = @now`,
        )
        .run({
          id: p.id,
          label,
          name: p.name ?? null,
          permalink: p.permalink ?? null,
          image_url: p.imageUrl ?? null,
          annotation: JSON.stringify(p.annotation),
          labels: p.labels ? JSON.stringify(p.labels) : null,
          vector: blob(p.vector),
          features: blob(p.features),
          model: this.model,
          seq,
          now: new Date().toISOString(),
        });
      return this.get(p.id)!;
    });
    return tx();
  }

  /** Marks a product deleted (a tombstone with a new seq, so the index learns of it). */
  remove(id: string): ProductRow | null {
    const tx = this.db.transaction(() => {
      const row = this.get(id);
      if (!row) return null;
      this.db
        .prepare("UPDATE products SET deleted = 1, seq = ?, updated_at = ? WHERE id = ?")
        .run(this.seq + 1, new Date().toISOString(), id);
      return row;
    });
    return tx();
  }

  /** A live product, or null. */
  /** Replaces live products' own labels in one transaction; returns the ids not in the catalogue. */
  setLabels(items: { id: string; labels: Record<string, string> }[]): string[] {
    const stmt = this.db.prepare("UPDATE products SET labels = ? WHERE id = ? AND deleted = 0");
    return this.db.transaction(() =>
      items.filter(({ id, labels }) => stmt.run(JSON.stringify(labels), id).changes === 0).map((i) => i.id),
    )();
  }

  get(id: string): ProductRow | null {
    return (
      (this.db
        .prepare(
          "SELECT id, label, name, permalink, image_url, annotation, labels, seq, deleted, updated_at FROM products WHERE id = ? AND deleted = 0",
        )
        .get(id) as ProductRow | undefined) ?? null
    );
  }

  byLabels(labels: number[]): Map<number, ProductRow> {
    const out = new Map<number, ProductRow>();
    if (!labels.length) return out;
    const rows = this.db
      .prepare(
        `SELECT id, label, name, permalink, image_url, annotation, labels, seq, deleted, updated_at FROM products WHERE deleted = 0 AND label IN (${labels.map(() => "?").join(",")})`,
      )
      .all(...labels) as ProductRow[];
    for (const r of rows) out.set(r.label, r);
    return out;
  }

  /** A live product's search vector; `stale` when another model made it. */
  vectorOf(id: string): { vector: Float32Array; stale: boolean } | null {
    const row = this.db.prepare("SELECT vector, model FROM products WHERE id = ? AND deleted = 0").get(id) as
      { vector: Buffer; model: string | null } | undefined;
    return row ? { vector: floats(row.vector), stale: row.model !== this.model } : null;
  }

  /** Changes after `seq`, oldest first: what a stale index must replay. */
  *changesSince(seq: number): Generator<{ label: number; deleted: number; vector: Float32Array; stale: boolean }> {
    const stmt = this.db.prepare("SELECT label, deleted, vector, model FROM products WHERE seq > ? ORDER BY seq");
    for (const r of stmt.iterate(seq) as Iterable<{ label: number; deleted: number; vector: Buffer; model: string | null }>) {
      yield { label: r.label, deleted: r.deleted, vector: floats(r.vector), stale: r.model !== this.model };
    }
  }

  /** Live products whose vector another model made (or whose model is unknown): what `reindex` redoes. */
  staleProducts(): { id: string; image_url: string | null }[] {
    return this.db
      .prepare("SELECT id, image_url FROM products WHERE deleted = 0 AND (model IS NULL OR model != ?) ORDER BY label")
      .all(this.model) as { id: string; image_url: string | null }[];
  }

  staleCount(): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM products WHERE deleted = 0 AND (model IS NULL OR model != ?)").get(this.model) as {
        n: number;
      }
    ).n;
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM products WHERE deleted = 0").get() as { n: number }).n;
  }

  /**
   * Live products with the shop's own labels, and their search vectors, for catalogue learning; only
   * vectors of the current model (another model's would teach the heads the wrong space).
   */
  *labelledProducts(): Generator<{ id: string; labels: Record<string, string>; vector: Float32Array }> {
    const stmt = this.db.prepare("SELECT id, labels, vector FROM products WHERE deleted = 0 AND labels IS NOT NULL AND model = ?");
    for (const r of stmt.iterate(this.model) as Iterable<{ id: string; labels: string; vector: Buffer }>) {
      yield { id: r.id, labels: JSON.parse(r.labels) as Record<string, string>, vector: floats(r.vector) };
    }
  }

  /** A live product's embedding; `stale` when another model made it. */
  featuresOf(id: string): { features: Float32Array; stale: boolean } | null {
    const row = this.db.prepare("SELECT features, model FROM products WHERE id = ? AND deleted = 0").get(id) as
      { features: Buffer; model: string | null } | undefined;
    return row ? { features: floats(row.features), stale: row.model !== this.model } : null;
  }

  /** Stores a correction; answers its id and whether it acts on predictions now (`learnsSql`). */
  addFeedback(f: {
    productId: string | null;
    imageFile: string | null;
    features: Float32Array | null;
    correction: unknown;
    original: unknown;
    source: "key" | "web";
  }): { id: number; learns: boolean } {
    const row = this.db
      .prepare(
        `INSERT INTO feedback (product_id, image_file, features, model, correction, original, source, created_at)
         VALUES (@product_id, @image_file, @features, @feature_model, @correction, @original, @source, @now)
         RETURNING id, ${this.learns} AS learns`,
      )
      .get({
        product_id: f.productId,
        image_file: f.imageFile,
        features: f.features ? blob(f.features) : null,
        feature_model: f.features ? this.model : null,
        correction: JSON.stringify(f.correction),
        original: f.original == null ? null : JSON.stringify(f.original),
        source: f.source === "web" ? "web" : null,
        now: new Date().toISOString(),
        model: this.model,
      }) as { id: number; learns: number };
    return { id: row.id, learns: row.learns === 1 };
  }

  /** One page of corrections, newest first, and how many match the filter in all. */
  listFeedback(f: FeedbackFilter): { rows: FeedbackRow[]; total: number } {
    const where: string[] = [];
    if (f.source) where.push(f.source === "web" ? "source = 'web'" : "source IS NULL");
    if (f.review) where.push(f.review === "pending" ? "review IS NULL" : "review = @review");
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const params = { model: this.model, review: f.review ?? null, limit: f.limit, offset: f.offset };
    const rows = this.db
      .prepare(`SELECT ${FEEDBACK_COLUMNS}, ${this.learns} AS learns FROM feedback ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all(params) as FeedbackRow[];
    const { n } = this.db.prepare(`SELECT COUNT(*) AS n FROM feedback ${clause}`).get(params) as { n: number };
    return { rows, total: n };
  }

  getFeedback(id: number): FeedbackRow | null {
    return (
      (this.db
        .prepare(`SELECT ${FEEDBACK_COLUMNS}, ${this.learns} AS learns FROM feedback WHERE id = @id`)
        .get({ id, model: this.model }) as FeedbackRow | undefined) ?? null
    );
  }

  /**
   * Records a person's review and answers the correction as it is now, with whether it took part
   * before (a review that changes nothing learned needs no relearning); null when there is no such
   * correction.
   */
  setFeedbackReview(id: number, review: FeedbackReview): { row: FeedbackRow; learnedBefore: boolean } | null {
    return this.db.transaction(() => {
      const before = this.getFeedback(id);
      if (!before) return null;
      const row = this.db
        .prepare(`UPDATE feedback SET review = @review WHERE id = @id RETURNING ${FEEDBACK_COLUMNS}, ${this.learns} AS learns`)
        .get({ id, review, model: this.model }) as FeedbackRow;
      return { row, learnedBefore: before.learns === 1 };
    })();
  }

  /**
   * Deletes a correction; answers whether it took part in predictions and learning, and its photo's
   * file when no other correction keeps the same photo (the file is named by its content), or null
   * when there is no such correction.
   */
  deleteFeedback(id: number): { learned: boolean; orphanedImage: string | null } | null {
    return this.db.transaction(() => {
      const row = this.getFeedback(id);
      if (!row) return null;
      this.db.prepare("DELETE FROM feedback WHERE id = ?").run(id);
      const shared =
        row.image_file !== null && this.db.prepare("SELECT 1 FROM feedback WHERE image_file = ? LIMIT 1").get(row.image_file) !== undefined;
      return { learned: row.learns === 1, orphanedImage: row.image_file !== null && !shared ? row.image_file : null };
    })();
  }

  /**
   * Corrections that carry image features of the current model and take part in predictions and
   * learning (`learnsSql`). Those made under another model stay stored (with their photo) but are
   * not compared with new photos.
   */
  *feedbackWithFeatures(): Generator<{ correction: Record<string, unknown>; features: Float32Array }> {
    const stmt = this.db.prepare(`SELECT correction, features FROM feedback WHERE ${this.learns} ORDER BY id`);
    for (const r of stmt.iterate({ model: this.model }) as Iterable<{ correction: string; features: Buffer }>) {
      yield { correction: JSON.parse(r.correction) as Record<string, unknown>, features: floats(r.features) };
    }
  }

  /**
   * Changes whenever another process commits to this database (the CLI reviewing corrections while
   * the service runs); this connection's own writes leave it as it is.
   */
  changesElsewhere(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  getSetting(key: string): string | null {
    return (this.db.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value: string } | undefined)?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(key, value);
  }

  /** Deletes a setting if it still has this value (in one statement, so another process's newer write survives). */
  deleteSettingIf(key: string, value: string): boolean {
    return this.db.prepare("DELETE FROM settings WHERE key = ? AND value = ?").run(key, value).changes > 0;
  }

  close(): void {
    this.db.close();
  }
}

const blob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
function floats(b: Buffer): Float32Array {
  const out = new Float32Array(b.length / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}
