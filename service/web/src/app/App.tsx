import { useEffect, useRef, useState } from 'preact/hooks';

import type { KalasClient } from '../api/client';
import type { Correction } from '../api/types';
import type { Credentials } from '../auth/credentials';
import { AnnotationView } from '../components/AnnotationView';
import { CorrectionForm } from '../components/CorrectionForm';
import { ErrorMessage } from '../components/ErrorMessage';
import { HistoryList } from '../components/HistoryList';
import { PhotoPicker } from '../components/PhotoPicker';
import { SettingsPanel } from '../components/SettingsPanel';
import { SimilarGrid } from '../components/SimilarGrid';
import { UploadProgress } from '../components/UploadProgress';
import type { HistoryStore } from '../history/history.store';
import type { Decoded, ImageCodec } from '../image/downscale';
import { useAuthMode } from './use-auth-mode';
import { usePaste } from './use-paste';
import { usePhotoFlow } from './use-photo-flow';

export interface AppDeps {
  client: KalasClient;
  credentials: Credentials;
  history: HistoryStore;
  codec: ImageCodec<Decoded>;
  /** How many similar items to ask for. */
  similarCount?: number;
}

/** The whole page: pick a photo, see its annotation and similar items, correct it, revisit past photos. */
export function App({ client, credentials, history, codec, similarCount = 8 }: AppDeps) {
  const flow = usePhotoFlow({ client, history, codec, similarCount });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const auth = useAuthMode(credentials, () => setSettingsOpen(true), flow.setError);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const { current, phase } = flow;

  usePaste((file) => {
    if (!flow.busy) void flow.annotate(file);
  });

  // Move focus to the result so keyboard and screen-reader users land on what just appeared.
  useEffect(() => {
    if (current) resultHeading.current?.focus();
  }, [current?.entryId]);

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
              mode={auth.mode}
              hasStoredKey={!!credentials.storedKey()}
              onSave={(key) => {
                credentials.saveKey(key);
                flow.setError(null);
                setSettingsOpen(false);
                void auth.refresh();
              }}
              onForget={() => {
                credentials.forgetKey();
                void auth.refresh();
              }}
              onClose={() => setSettingsOpen(false)}
            />
          )}
          <PhotoPicker disabled={flow.busy} onPhoto={(file) => void flow.annotate(file)} />
          {phase.kind !== 'idle' && <UploadProgress stage={phase.kind} fraction={phase.kind === 'uploading' ? phase.fraction : 0} />}
          {flow.error && <ErrorMessage error={flow.error} onOpenSettings={() => setSettingsOpen(true)} onRetry={flow.retry} />}
        </div>
        <div class="layout__main">
          {current ? (
            <>
              <h2 class="visually-hidden" tabIndex={-1} ref={resultHeading}>
                Result for your photo
              </h2>
              <AnnotationView annotation={current.annotation} previewUrl={current.previewUrl} totalMs={current.totalMs} />
              {current.photo ? (
                <CorrectionForm key={current.entryId} annotation={current.annotation} model={flow.model} onSubmit={sendCorrection} />
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
            entries={flow.entries}
            activeId={current?.entryId ?? null}
            onOpen={flow.open}
            onDelete={flow.remove}
            onClear={flow.clear}
          />
        </div>
      </main>
      <footer class="foot">
        <p>Photos are sent to this site's Kalas Iris service to be annotated. A correction is stored there with its photo.</p>
      </footer>
    </>
  );
}
