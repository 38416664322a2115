import type { Annotation, Prediction } from '../api/types';
import { duration, humanise, percent } from '../app/format';
import { ConfidenceBar } from './ConfidenceBar';

interface Props {
  annotation: Annotation;
  previewUrl: string | null;
  /** From choosing the photo to the answer, upload included; absent for an entry reopened from history. */
  totalMs?: number;
}

/** The service's answer, read for a person: labels with confidence bars, colour swatches, time taken. */
export function AnnotationView({ annotation, previewUrl, totalMs }: Props) {
  const groups = Object.entries(annotation.attributes);
  return (
    <section class="card annotation" aria-labelledby="annotation-title">
      <h2 id="annotation-title">Annotation</h2>
      {previewUrl && <img class="annotation__photo" src={previewUrl} alt="The photo you sent" />}
      <dl class="labels">
        {annotation.category ? (
          <Row name="Category" prediction={annotation.category} />
        ) : (
          <div class="labels__row">
            <dt>Category</dt>
            <dd>Not predicted by this model</dd>
          </div>
        )}
        {groups.map(([group, prediction]) => (
          <Row key={group} name={humanise(group)} prediction={prediction} />
        ))}
      </dl>
      <h3>Colours</h3>
      {annotation.colors.length === 0 ? (
        <p>No dominant colour found.</p>
      ) : (
        <ul class="swatches">
          {annotation.colors.map((c) => (
            <li key={`${c.name}-${c.hex}`} class="swatch">
              <span class="swatch__chip" style={{ backgroundColor: c.hex }} aria-hidden="true" />
              <span class="swatch__name">{c.name}</span>
              <span class="swatch__share">{percent(c.share)}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="meta">
        Took {duration(annotation.timing_ms)} on the service{totalMs !== undefined && `, ${duration(totalMs)} in all`} · model{' '}
        {annotation.model.name} {annotation.model.version}
      </p>
    </section>
  );
}

function Row({ name, prediction }: { name: string; prediction: Prediction }) {
  return (
    <div class="labels__row">
      <dt>{name}</dt>
      <dd>
        <span class="labels__value">{prediction.label}</span>
        {!prediction.confident && <span class="badge">unsure, please check</span>}
        <ConfidenceBar label={name} score={prediction.score} />
      </dd>
    </div>
  );
}
