import { useRef, useState } from 'preact/hooks';

import type { KalasClient } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { Annotation, ModelInfo, SimilarItem } from '../api/types';
import { newEntryId, type HistoryEntry, type HistoryStore } from '../history/history.store';
import { preparePhoto, thumbnail, type Decoded, type ImageCodec } from '../image/downscale';
import { validatePhoto } from '../image/validate';

export type Phase = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'uploading'; fraction: number } | { kind: 'analysing' };

/** The result on screen: a fresh annotation, or one reopened from history. */
export interface Current {
  entryId: string;
  annotation: Annotation;
  /** The uploaded photo, kept so a correction can carry it; null for an entry reopened from history. */
  photo: Blob | null;
  previewUrl: string | null;
  /** From choosing the photo to the answer, upload included. */
  totalMs?: number;
  similar: SimilarItem[] | null;
  similarLoading: boolean;
  similarError: string | null;
}

interface Deps {
  client: KalasClient;
  history: HistoryStore;
  codec: ImageCodec<Decoded>;
  similarCount: number;
}

/**
 * The page's one workflow: check the photo, shrink it, upload it with progress, show the annotation,
 * then the similar items, and keep it in the local history. Errors end up in `error`, already in plain words.
 */
export function usePhotoFlow({ client, history, codec, similarCount }: Deps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<AppError | null>(null);
  const [current, setCurrent] = useState<Current | null>(null);
  const [entries, setEntries] = useState<HistoryEntry[]>(() => history.list());
  const [model, setModel] = useState<ModelInfo | null>(null);
  const lastFile = useRef<File | null>(null);
  const objectUrl = useRef<string | null>(null);
  const modelLoad = useRef<Promise<void> | null>(null);

  /** The pack's labels for the correction form: loaded once, lazily; a failed load is tried again next time. */
  const loadModel = () => {
    modelLoad.current ??= client
      .model()
      .then(setModel)
      .catch(() => {
        modelLoad.current = null;
      });
  };

  const showPreview = (blob: Blob | null, fallback: string | null): string | null => {
    if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    objectUrl.current = blob && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : null;
    return objectUrl.current ?? fallback;
  };

  /** Updates the result on screen only if it is still the one for `entryId` (the person may have moved on). */
  const patchCurrent = (entryId: string, change: Partial<Current>) =>
    setCurrent((c) => (c && c.entryId === entryId ? { ...c, ...change } : c));

  const findSimilar = async (entryId: string, photo: Blob) => {
    patchCurrent(entryId, { similarLoading: true, similarError: null });
    try {
      const { items } = await client.similar(photo, similarCount);
      setEntries(history.update(entryId, { similar: items }));
      patchCurrent(entryId, { similar: items, similarLoading: false });
    } catch (e) {
      patchCurrent(entryId, { similarLoading: false, similarError: toAppError(e).message });
    }
  };

  const annotate = async (file: File) => {
    setError(null);
    lastFile.current = file;
    const started = performance.now();
    try {
      await validatePhoto(file, file.name || 'The file');
      setPhase({ kind: 'preparing' });
      const prepared = await preparePhoto(file, codec);
      const thumb = await thumbnail(prepared.blob, codec);
      setPhase({ kind: 'uploading', fraction: 0 });
      const annotation = await client.annotate(prepared.blob, (fraction) =>
        setPhase(fraction < 1 ? { kind: 'uploading', fraction } : { kind: 'analysing' }),
      );
      const entry: HistoryEntry = {
        id: newEntryId(),
        at: new Date().toISOString(),
        fileName: file.name,
        thumbnail: thumb,
        annotation,
        similar: [],
      };
      setEntries(history.add(entry));
      setCurrent({
        entryId: entry.id,
        annotation,
        photo: prepared.blob,
        previewUrl: showPreview(prepared.blob, thumb),
        totalMs: performance.now() - started,
        similar: null,
        similarLoading: true,
        similarError: null,
      });
      setPhase({ kind: 'idle' });
      loadModel();
      await findSimilar(entry.id, prepared.blob);
    } catch (e) {
      setPhase({ kind: 'idle' });
      setError(toAppError(e));
    }
  };

  const open = (entry: HistoryEntry) => {
    setError(null);
    setCurrent({
      entryId: entry.id,
      annotation: entry.annotation,
      photo: null,
      previewUrl: showPreview(null, entry.thumbnail),
      similar: entry.similar,
      similarLoading: false,
      similarError: null,
    });
    loadModel();
  };

  const remove = (entry: HistoryEntry) => {
    setEntries(history.remove(entry.id));
    if (current?.entryId === entry.id) setCurrent(null);
  };

  const clear = () => {
    setEntries(history.clear());
    setCurrent(null);
  };

  const retry = lastFile.current ? () => void annotate(lastFile.current!) : undefined;

  return { phase, busy: phase.kind !== 'idle', error, setError, current, entries, model, annotate, retry, open, remove, clear };
}
