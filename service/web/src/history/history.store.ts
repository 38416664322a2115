import type { Annotation, SimilarItem } from '../api/types';

const STORAGE_KEY = 'kalas-iris:history';
export const HISTORY_LIMIT = 12;

/** One past query, kept only on this device. */
export interface HistoryEntry {
  id: string;
  at: string;
  fileName: string;
  /** A small JPEG data URL; null when the browser could not decode the photo. */
  thumbnail: string | null;
  annotation: Annotation;
  similar: SimilarItem[];
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Recent queries in localStorage: a dozen entries with 160 px thumbnails stay well under the quota,
 * and a synchronous store keeps the list simple. When the quota is still hit, the oldest entries go first.
 */
export class HistoryStore {
  constructor(private readonly storage: Store) {}

  list(): HistoryEntry[] {
    try {
      const parsed = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? '[]') as unknown;
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      // A damaged list is not worth an error message: start again.
      return [];
    }
  }

  add(entry: HistoryEntry): HistoryEntry[] {
    return this.save([entry, ...this.list().filter((e) => e.id !== entry.id)].slice(0, HISTORY_LIMIT));
  }

  update(id: string, change: Partial<Omit<HistoryEntry, 'id'>>): HistoryEntry[] {
    return this.save(this.list().map((e) => (e.id === id ? { ...e, ...change } : e)));
  }

  remove(id: string): HistoryEntry[] {
    return this.save(this.list().filter((e) => e.id !== id));
  }

  clear(): HistoryEntry[] {
    this.storage.removeItem(STORAGE_KEY);
    return [];
  }

  private save(entries: HistoryEntry[]): HistoryEntry[] {
    let kept = entries;
    for (;;) {
      try {
        this.storage.setItem(STORAGE_KEY, JSON.stringify(kept));
        return kept;
      } catch {
        if (kept.length === 0) return kept;
        kept = kept.slice(0, -1);
      }
    }
  }
}

function isEntry(value: unknown): value is HistoryEntry {
  const v = value as Partial<HistoryEntry> | null;
  return !!v && typeof v.id === 'string' && typeof v.at === 'string' && typeof v.annotation === 'object' && v.annotation !== null;
}

export function newEntryId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
