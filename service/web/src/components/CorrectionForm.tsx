import { useState } from 'preact/hooks';

import { toAppError } from '../api/errors';
import type { Annotation, Correction, ModelInfo } from '../api/types';
import { humanise } from '../app/format';
import { changedFields, draftFrom, formOptions, toCorrection, type Draft } from '../correction/correction';

interface Props {
  annotation: Annotation;
  model: ModelInfo | null;
  onSubmit: (correction: Correction) => Promise<{ learns: boolean }>;
}

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'saved'; learns: boolean } | { kind: 'failed'; message: string };

/**
 * Lets a person fix the category, set or clear attribute groups, and rename colours, using only labels
 * the pack knows. The service stores it as feedback with the photo for the training pipeline.
 */
export function CorrectionForm({ annotation, model, onSubmit }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(annotation));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const options = formOptions(annotation, model);
  const changes = changedFields(draft, annotation);

  const update = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    if (status.kind === 'saved' || status.kind === 'failed') setStatus({ kind: 'idle' });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus({ kind: 'sending' });
    try {
      const { learns } = await onSubmit(toCorrection(draft, annotation));
      setStatus({ kind: 'saved', learns });
    } catch (error) {
      setStatus({ kind: 'failed', message: toAppError(error).message });
    }
  };

  return (
    <details class="card correction">
      <summary>
        <h2>Correct this annotation</h2>
      </summary>
      <form onSubmit={submit}>
        <div class="field">
          <label for="fix-category">Category</label>
          <select id="fix-category" value={draft.category} onChange={(e) => update({ category: e.currentTarget.value })}>
            {!annotation.category && <option value="">Not set</option>}
            {options.categories.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {Object.keys(options.attributes).length > 0 && (
          <fieldset>
            <legend>Attributes</legend>
            {Object.entries(options.attributes).map(([group, labels]) => (
              <div class="field" key={group}>
                <label for={`fix-attr-${group}`}>{humanise(group)}</label>
                <select
                  id={`fix-attr-${group}`}
                  value={draft.attributes[group] ?? ''}
                  onChange={(e) => update({ attributes: { ...draft.attributes, [group]: e.currentTarget.value } })}
                >
                  <option value="">Not set</option>
                  {labels.map((label) => (
                    <option key={label} value={label}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
        )}
        {annotation.colors.length > 0 && (
          <fieldset>
            <legend>Colours</legend>
            {annotation.colors.map((colour, i) => (
              <div class="field field--colour" key={`${colour.hex}-${i}`}>
                <span class="swatch__chip" style={{ backgroundColor: colour.hex }} aria-hidden="true" />
                <label for={`fix-colour-${i}`}>Colour {i + 1}</label>
                <select
                  id={`fix-colour-${i}`}
                  value={draft.colors[i] ?? ''}
                  onChange={(e) => update({ colors: draft.colors.map((c, j) => (j === i ? e.currentTarget.value : c)) })}
                >
                  <option value="">Not this colour</option>
                  {options.palette.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
        )}
        <div class="correction__actions">
          <button type="submit" class="button button--primary" disabled={status.kind === 'sending'}>
            {status.kind === 'sending' ? 'Sending…' : 'Send correction'}
          </button>
          <span class="hint">
            {changes === 0 ? 'No changes: sending confirms the annotation is right.' : `${changes} change${changes === 1 ? '' : 's'}`}
          </span>
        </div>
        <div role="status" class="correction__status">
          {status.kind === 'saved' && (
            <p class="success">
              {status.learns
                ? 'Correction saved. Thank you.'
                : 'Correction saved. Thank you: the shop looks at it before it changes anything.'}
            </p>
          )}
        </div>
        {status.kind === 'failed' && (
          <p class="error" role="alert">
            {status.message}
          </p>
        )}
      </form>
    </details>
  );
}
