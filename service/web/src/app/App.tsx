import { useEffect, useRef, useState } from 'preact/hooks';

import type { KalasClient } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { Annotation, Correction, ModelInfo, SimilarItem } from '../api/types';
import type { AuthMode, Credentials } from '../auth/credentials';
import { AnnotationView } from '../components/AnnotationView';
import { CorrectionForm } from '../components/CorrectionForm';
import { ErrorMessage } from '../components/ErrorMessage';
import { HistoryList } from '../components/HistoryList';
import { PhotoPicker } from '../components/PhotoPicker';
import { SettingsPanel } from '../components/SettingsPanel';
import { SimilarGrid } from '../components/SimilarGrid';
import { UploadProgress } from '../components/UploadProgress';
import { newEntryId, type HistoryEntry, type HistoryStore } from '../history/history.store';
import { preparePhoto, thumbnail, type Decoded, type ImageCodec } from '../image/downscale';
import { validatePhoto } from '../image/validate';

export interface AppDeps {
  client: KalasClient;
  credentials: Credentials;
  history: HistoryStore;
  codec: ImageCodec<Decoded>;
  /** How many similar items to ask for. */
  similarCount?: number;
}

type Phase = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'uploading'; fraction: number } | { kind: 'analysing' };

interface Current {
  entryId: string;
  annotation: Annotation;
  /** The uploaded photo, kept so a correction can carry it; null for an entry reopened from history. */
  photo: Blob | null;
  previewUrl: string | null;
  totalMs?: number;
  similar: SimilarItem[] | null;
  similarLoading: boolean;
  similarError: string | null;
}

/** The whole page: pick a photo, see its annotation and similar items, correct it, revisit past photos. */
export function App({ client, credentials, history, codec, similarCount = 8 }: AppDeps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<AppError | null>(null);
  const [current, setCurrent] = useState<Current | null>(null);
  const [model, setModel] = useState<ModelInfo | null>(null);
  const [entries, setEntries] = useState<HistoryEntry[]>(() => history.list());
  const [mode, setMode] = useState<AuthMode | 'checking'>('checking');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const lastFile = useRef<File | null>(null);
  const objectUrl = useRef<string | null>(null);
  const modelLoad = useRef<Promise<void> | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const busy = phase.kind !== 'idle';

  const refreshMode = () =>
    credentials
      .mode()
      .then((m) => {
        setMode(m);
        if (m === 'none') setSettingsOpen(true);
      })
      .catch((e: unknown) => setError(toAppError(e)));

  useEffect(() => {
    void refreshMode();
  }, []);

  // Pasting a photo anywhere on the page works like choosing it. The listener is added once and reads
  // the latest state through a ref, so it never acts on a stale "busy" between a render and its effects.
  const onPaste = useRef<(file: File) => void>(() => undefined);
  onPaste.current = (file) => {
    if (!busy) void handlePhoto(file);
  };
  useEffect(() => {
    const listener = (event: ClipboardEvent) => {
      const file = event.clipboardData?.files[0];
      if (!file) return;
      event.preventDefault();
      onPaste.current(file);
    };
    document.addEventListener('paste', listener);
    return () => document.removeEventListener('paste', listener);
  }, []);

  // Move focus to the result so keyboard and screen-reader users land on what just appeared.
  useEffect(() => {
    if (current) resultHeading.current?.focus();
  }, [current?.entryId]);

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

  const findSimilar = async (entryId: string, photo: Blob) => {
    setCurrent((c) => (c && c.entryId === entryId ? { ...c, similarLoading: true, similarError: null } : c));
    try {
      const { items } = await client.similar(photo, similarCount);
      setEntries(history.update(entryId, { similar: items }));
      setCurrent((c) => (c && c.entryId === entryId ? { ...c, similar: items, similarLoading: false } : c));
    } catch (e) {
      const message = toAppError(e).message;
      setCurrent((c) => (c && c.entryId === entryId ? { ...c, similarLoading: false, similarError: message } : c));
    }
  };

  async function handlePhoto(file: File) {
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
  }

  const openEntry = (entry: HistoryEntry) => {
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

  const sendCorrection = (correction: Correction) => client.feedback(correction, current?.photo ?? undefined);

  return (
    <>
      <header class="top">
        <div class="top__brand">
          <img src="/icons/icon-192.png" alt="" width={32} height={32} />
          <h1>Kalas Iris</h1>
        </div>
        <button
          type="button"
          class="button button--small"
          aria-expanded={settingsOpen}
          aria-controls="settings"
          onClick={() => setSettingsOpen(!settingsOpen)}
        >
          Settings
        </button>
      </header>
      <main id="main" class="layout">
        <div class="layout__input">
          {settingsOpen && (
            <SettingsPanel
              mode={mode}
              hasStoredKey={!!credentials.storedKey()}
              onSave={(key) => {
                credentials.saveKey(key);
                setError(null);
                setSettingsOpen(false);
                void refreshMode();
              }}
              onForget={() => {
                credentials.forgetKey();
                void refreshMode();
              }}
              onClose={() => setSettingsOpen(false)}
            />
          )}
          <PhotoPicker disabled={busy} onPhoto={(file) => void handlePhoto(file)} />
          {phase.kind !== 'idle' && <UploadProgress stage={phase.kind} fraction={phase.kind === 'uploading' ? phase.fraction : 0} />}
          {error && (
            <ErrorMessage
              error={error}
              onOpenSettings={() => setSettingsOpen(true)}
              onRetry={lastFile.current ? () => lastFile.current && void handlePhoto(lastFile.current) : undefined}
            />
          )}
        </div>
        <div class="layout__main">
          {current ? (
            <>
              <h2 class="visually-hidden" tabIndex={-1} ref={resultHeading}>
                Result for your photo
              </h2>
              <AnnotationView annotation={current.annotation} previewUrl={current.previewUrl} totalMs={current.totalMs} />
              {current.photo ? (
                <CorrectionForm key={current.entryId} annotation={current.annotation} model={model} onSubmit={sendCorrection} />
              ) : (
                // The service stores a correction with its photo, and history keeps only a thumbnail.
                <p class="card hint">To correct this annotation, choose the photo again.</p>
              )}
              <SimilarGrid items={current.similar} loading={current.similarLoading} error={current.similarError} />
            </>
          ) : (
            <section class="card intro">
              <h2>What this does</h2>
              <p>
                Kalas Iris looks at a photo of a clothing item and names its category, attributes and main colours, then finds similar
                products in the shop. You can correct what it says; corrections teach it the shop's own labels.
              </p>
            </section>
          )}
        </div>
        <div class="layout__history">
          <HistoryList
            entries={entries}
            activeId={current?.entryId ?? null}
            onOpen={openEntry}
            onDelete={(entry) => {
              setEntries(history.remove(entry.id));
              if (current?.entryId === entry.id) setCurrent(null);
            }}
            onClear={() => {
              setEntries(history.clear());
              setCurrent(null);
            }}
          />
        </div>
      </main>
      <footer class="foot">
        <p>Photos are sent to this site's Kalas Iris service to be annotated. A correction is stored there with its photo.</p>
      </footer>
    </>
  );
}
