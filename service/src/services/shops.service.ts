/**
 * Opens each shop's catalogue (SQLite) and vector index (HNSW) on first use and keeps them open.
 * On open, the index is brought back in line with the database, which is the source of truth:
 * after a crash only the changes made since the index was last saved are replayed. While open, the
 * changes another process commits (the CLI indexing a folder while the service runs) are replayed
 * before the index is searched or saved: saved without them, it would claim their sequence number
 * and lose them for good.
 */
import fs from "node:fs";
import path from "node:path";

import { log } from "../log.js";
import { CatalogRepository, type CatalogOptions } from "../repositories/catalog.repository.js";
import { VectorIndex, type VectorSpace } from "../repositories/index.repository.js";
import { checkShopName } from "./shop-name.js";
import { envNumber } from "../env.js";

export { checkShopName };

export interface Shop {
  name: string;
  catalog: CatalogRepository;
  index: VectorIndex;
  /** What the last open had to repair, for the readiness route and the log. */
  repair: RepairReport;
  /** Schedules an index save shortly after a burst of writes. */
  touch(): void;
  /** Replays into the index what other processes committed since it last looked; before a search. */
  sync(): void;
  close(): void;
}

export interface RepairReport {
  rebuilt: boolean;
  replayed: number;
  /** Products whose stored vector was made by another model pack: left out until re-indexed. */
  stale: number;
  reason: string | null;
}

const SAVE_DELAY_MS = envNumber("INDEX_SAVE_DELAY_MS", 2000);
/** Fewer removed products than this are never worth a rebuild. */
const COMPACT_MIN_REMOVED = envNumber("INDEX_COMPACT_MIN_REMOVED", 1000);

export class ShopRegistry {
  private readonly shops = new Map<string, Shop>();

  constructor(
    private readonly dataDir: string,
    /** The current model's vector space (LoadedModel's `vectorSpace`). */
    private readonly space: () => Promise<VectorSpace>,
    private readonly options: CatalogOptions & {
      /** Called once each time a shop is opened (the service resumes work written in its database). */
      onOpen?: (shop: Shop) => void;
      /** Called when the registry closes a shop (work waiting on it is dropped). */
      onClose?: (shop: Shop) => void;
    } = {},
  ) {}

  async get(name: string): Promise<Shop> {
    const open = this.shops.get(name);
    if (open) return open;
    const dir = path.join(this.dataDir, "shops", checkShopName(name));
    const space = await this.space();
    // Another request may have opened it while we awaited the model.
    const raced = this.shops.get(name);
    if (raced) return raced;
    const shop = openShop(dir, name, space, this.options);
    this.shops.set(name, shop);
    try {
      this.options.onOpen?.(shop);
    } catch (e) {
      log.warn("work written in the shop's database could not be resumed", { shop: name, error: (e as Error).message });
    }
    return shop;
  }

  list(): Shop[] {
    return [...this.shops.values()];
  }

  closeAll(): void {
    for (const s of this.shops.values()) {
      this.options.onClose?.(s);
      s.close();
    }
    this.shops.clear();
  }
}

function openShop(dir: string, name: string, space: VectorSpace, options: CatalogOptions): Shop {
  fs.mkdirSync(dir, { recursive: true });
  const catalog = new CatalogRepository(dir, space.model, options);
  const dbSeq = catalog.seq;
  // Read with dbSeq, before the replay below: a commit by another process while it runs then shows
  // as a new version, and the first sync replays it.
  let seenVersion = catalog.changesElsewhere();
  let index = VectorIndex.load(dir, space);
  const repair: RepairReport = { rebuilt: false, replayed: 0, stale: 0, reason: null };
  // One open can need several repairs; each says why, and the report names them all.
  const reasons: string[] = [];
  if (!index) {
    repair.rebuilt = dbSeq > 0;
    if (dbSeq > 0) reasons.push("the saved index was missing, unreadable, for another model or of an older format");
    index = VectorIndex.create(dir, space);
  }
  if (index.seq > dbSeq) {
    // The index claims changes the database never committed: trust the database, rebuild.
    repair.rebuilt = true;
    reasons.push(`the index was ahead of the database (seq ${index.seq} > ${dbSeq})`);
    index = VectorIndex.create(dir, space);
  }
  Object.assign(repair, replay(index, catalog));
  // Removed products keep their slots (see VectorIndex.put), so an index grows with churn. When most of
  // its slots are removed products, it is rebuilt from the live ones, here at open: a rebuild of a large
  // index takes too long to run between requests.
  const removed = index.count - (catalog.count() - catalog.staleCount());
  if (removed > Math.max(COMPACT_MIN_REMOVED, index.count / 2)) {
    repair.rebuilt = true;
    reasons.push(`${removed} of the index's ${index.count} slots held removed products`);
    index = VectorIndex.create(dir, space);
    Object.assign(repair, replay(index, catalog));
  }
  if (repair.stale) {
    reasons.push(
      `${repair.stale} products were indexed with another model pack and are left out of search until they are indexed again ("kalas-iris reindex --shop ${name}", or POST /v1/reindex)`,
    );
  }
  if (repair.replayed || repair.stale || repair.rebuilt) {
    if (!reasons.length) reasons.push(`the index was saved at seq ${index.seq}, the database is at ${dbSeq}`);
    repair.reason = reasons.join("; ");
    index.save(dbSeq);
    log.warn("index repaired on open", { shop: name, ...repair, products: catalog.count() });
  }

  // Every change up to `synced` is in the index. Changes since are this process's own (applied as
  // they were made) unless the database's version says another process committed too.
  let synced = dbSeq;
  const sync = () => {
    // The sequence first, the version after: a commit between the two shows as a new version and is
    // replayed now or at the next sync, never counted in `synced` without being in the index.
    const upTo = catalog.seq;
    const version = catalog.changesElsewhere();
    if (version !== seenVersion) {
      seenVersion = version;
      // Replaying this process's own changes again only rewrites their vectors in place.
      const { replayed } = replay(index!, catalog, synced);
      if (replayed) log.info("index caught up with another process's changes", { shop: name, replayed });
    }
    synced = upTo;
  };
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    timer = null;
    sync();
    index!.save(synced);
  };
  return {
    name,
    catalog,
    index,
    repair,
    touch() {
      if (!timer) timer = setTimeout(save, SAVE_DELAY_MS).unref();
    },
    sync,
    close() {
      if (timer) {
        clearTimeout(timer);
        save();
      }
      catalog.close();
    },
  };
}

/** Brings the index up to the database's sequence number, from `since` (by default the saved index's). */
function replay(index: VectorIndex, catalog: CatalogRepository, since = index.seq): { replayed: number; stale: number } {
  let replayed = 0;
  let stale = 0;
  for (const change of catalog.changesSince(since)) {
    if (change.deleted) index.remove(change.label);
    else if (change.stale) {
      // Indexed with another pack (the model changed): its vector cannot be searched with this one,
      // and an older vector of this pack under its label is no longer the product's.
      index.remove(change.label);
      stale++;
      continue;
    } else index.put(change.label, change.vector);
    replayed++;
  }
  return { replayed, stale };
}
