// @vitest-environment jsdom
// (also set in web/vite.config.ts; repeated so the service's own `vitest run` can run this file too)
import { describe, expect, it } from 'vitest';

import { HISTORY_LIMIT, HistoryStore, type HistoryEntry } from './history.store';
import { memoryStorage, sampleAnnotation } from '../test/fixtures';

const entry = (id: string, thumbnail: string | null = null): HistoryEntry => ({
  id,
  at: '2026-11-27T10:00:00.000Z',
  fileName: `${id}.jpg`,
  thumbnail,
  annotation: sampleAnnotation(),
  similar: [],
});

describe('HistoryStore', () => {
  it('keeps the newest first, up to the limit', () => {
    const store = new HistoryStore(memoryStorage());
    for (let i = 0; i < HISTORY_LIMIT + 3; i++) store.add(entry(`e${i}`));
    const list = store.list();
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]!.id).toBe(`e${HISTORY_LIMIT + 2}`);
  });

  it('updates, removes one, and clears', () => {
    const store = new HistoryStore(memoryStorage());
    store.add(entry('a'));
    store.add(entry('b'));
    expect(
      store.update('a', { similar: [{ id: 'p1', score: 0.9, name: null, permalink: null, image_url: null }] }).find((e) => e.id === 'a')!
        .similar,
    ).toHaveLength(1);
    expect(store.remove('a').map((e) => e.id)).toEqual(['b']);
    expect(store.clear()).toEqual([]);
    expect(store.list()).toEqual([]);
  });

  it('drops the oldest entries when storage is full', () => {
    const thumb = `data:image/jpeg;base64,${'A'.repeat(2000)}`;
    const store = new HistoryStore(memoryStorage(7000));
    for (const id of ['a', 'b', 'c', 'd']) store.add(entry(id, thumb));
    const ids = store.list().map((e) => e.id);
    expect(ids[0]).toBe('d');
    expect(ids.length).toBeLessThan(4);
  });

  it('starts afresh from a damaged list', () => {
    const storage = memoryStorage();
    storage.setItem('kalas-iris:history', '{not json');
    expect(new HistoryStore(storage).list()).toEqual([]);
  });
});
