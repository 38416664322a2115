import { percent } from '../app/format';

interface Props {
  label: string;
  score: number;
}

/** A labelled meter: the bar for the eye, the percentage as text for everyone. */
export function ConfidenceBar({ label, score }: Props) {
  return (
    <span class="confidence">
      <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={score} aria-label={`${label} confidence`} />
      <span class="confidence__text">{percent(score)}</span>
    </span>
  );
}
