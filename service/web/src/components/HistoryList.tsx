import type { HistoryEntry } from '../history/history.store';
import { when } from '../app/format';

interface Props {
  entries: HistoryEntry[];
  activeId: string | null;
  onOpen: (entry: HistoryEntry) => void;
  onDelete: (entry: HistoryEntry) => void;
  onClear: () => void;
}

/** This device's recent queries. They never leave the browser, and each can be deleted. */
export function HistoryList({ entries, activeId, onOpen, onDelete, onClear }: Props) {
  return (
    <section class="card history" aria-labelledby="history-title">
      <h2 id="history-title">Recent photos</h2>
      <p class="hint">Kept only in this browser.</p>
      {entries.length === 0 ? (
        <p>No photos yet.</p>
      ) : (
        <>
          <ul class="history__list">
            {entries.map((entry) => {
              const title = `${entry.annotation.category?.label ?? 'Photo'}, ${when(entry.at)}`;
              return (
                <li key={entry.id} class={`history__item${entry.id === activeId ? ' history__item--active' : ''}`}>
                  <button
                    type="button"
                    class="history__open"
                    onClick={() => onOpen(entry)}
                    aria-current={entry.id === activeId ? 'true' : undefined}
                  >
                    {entry.thumbnail ? (
                      <img src={entry.thumbnail} alt="" width={56} height={56} />
                    ) : (
                      <span class="history__nothumb" aria-hidden="true" />
                    )}
                    <span>{title}</span>
                  </button>
                  <button type="button" class="button button--small" aria-label={`Delete ${title}`} onClick={() => onDelete(entry)}>
                    Delete
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" class="button button--small" onClick={onClear}>
            Clear history
          </button>
        </>
      )}
    </section>
  );
}
