import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths and values shared by the global setup and the tests (which get them through process.env). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const port = Number(process.env.KALAS_WEBAPP_PORT ?? 18790);
/** A second service whose rate limit is so low that its first request is refused with 429. */
export const limitedPort = port + 1;

export function sharedDir(): string {
  return path.resolve(repoRoot, process.env.KALAS_SHARED_DIR ?? '../shared');
}

export function datasetDir(): string | null {
  const dir = path.join(sharedDir(), 'datasets', 'fashion-products-224');
  return fs.existsSync(path.join(dir, 'labels.csv')) ? dir : null;
}

export const MISSING_DATASET = `fashion-products-224 not found under ${path.join(sharedDir(), 'datasets')} (set KALAS_SHARED_DIR): the real-photo tests need it`;

/** The API key the global setup created for shop "web". */
export function apiKey(): string {
  const key = process.env.KALAS_WEBAPP_KEY;
  if (!key) throw new Error('KALAS_WEBAPP_KEY is not set: the global setup did not run');
  return key;
}

export interface Product {
  id: string;
  name: string;
  articleType: string;
  file: string;
}

/** A few dataset rows of different article types, so the similar-items grid has something to rank. */
export function sampleProducts(dir: string, count: number): Product[] {
  const lines = fs.readFileSync(path.join(dir, 'labels.csv'), 'utf8').trim().split('\n').slice(1);
  const picked: Product[] = [];
  const seen = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(',');
    const [id, , , , articleType] = cells;
    const name = cells.slice(9).join(',');
    const file = path.join(dir, 'images', `${id}.jpg`);
    if (!id || !articleType || !fs.existsSync(file)) continue;
    // At most two of a type: near neighbours exist, and the grid still shows variety.
    if ((seen.get(articleType) ?? 0) >= 2) continue;
    seen.set(articleType, (seen.get(articleType) ?? 0) + 1);
    picked.push({ id, name, articleType, file });
    if (picked.length === count) break;
  }
  return picked;
}

/** A photo to annotate that is not in the index but shares its article type with an indexed product. */
export function queryPhoto(dir: string, indexed: Product[]): Product {
  const ids = new Set(indexed.map((p) => p.id));
  const wanted = indexed[0]!.articleType;
  const lines = fs.readFileSync(path.join(dir, 'labels.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const cells = line.split(',');
    const [id, , , , articleType] = cells;
    const file = path.join(dir, 'images', `${id}.jpg`);
    if (id && articleType === wanted && !ids.has(id) && fs.existsSync(file))
      return { id, name: cells.slice(9).join(','), articleType, file };
  }
  throw new Error(`no unindexed ${wanted} photo in the dataset`);
}

/** Where a product's photo appears to live; the tests answer these URLs from the dataset. */
export const imageHost = 'https://shop.example';
