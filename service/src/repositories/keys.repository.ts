/**
 * Wraps the service-wide SQLite database of API keys. Only a SHA-256 of each key is stored,
 * so a copy of the data folder does not leak working keys.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

export interface KeyRow {
  id: number;
  shop: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

export class KeysRepository {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, "keys.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.exec(`CREATE TABLE IF NOT EXISTS keys (
      id INTEGER PRIMARY KEY AUTOINCREMENT, shop TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
      prefix TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)`);
  }

  insert(shop: string, key: string): KeyRow {
    const info = this.db
      .prepare("INSERT INTO keys (shop, hash, prefix, created_at) VALUES (?, ?, ?, ?)")
      .run(shop, hashKey(key), key.slice(0, 10), new Date().toISOString());
    return this.db.prepare("SELECT id, shop, prefix, created_at, revoked_at FROM keys WHERE id = ?").get(info.lastInsertRowid) as KeyRow;
  }

  /** The shop a live key belongs to, or null. */
  shopFor(key: string): string | null {
    const row = this.db.prepare("SELECT shop FROM keys WHERE hash = ? AND revoked_at IS NULL").get(hashKey(key)) as
      { shop: string } | undefined;
    return row?.shop ?? null;
  }

  revokeShop(shop: string): number {
    return this.db.prepare("UPDATE keys SET revoked_at = ? WHERE shop = ? AND revoked_at IS NULL").run(new Date().toISOString(), shop)
      .changes;
  }

  list(): KeyRow[] {
    return this.db.prepare("SELECT id, shop, prefix, created_at, revoked_at FROM keys ORDER BY id").all() as KeyRow[];
  }

  close(): void {
    this.db.close();
  }
}

const hashKey = (key: string) => crypto.createHash("sha256").update(key).digest("hex");
