import { percent } from '../app/format';

interface Props {
  stage: 'preparing' | 'uploading' | 'analysing';
  fraction: number;
}

const LABELS: Record<Props['stage'], string> = {
  preparing: 'Preparing the photo…',
  uploading: 'Uploading the photo…',
  analysing: 'Annotating…',
};

/** Upload progress from XHR; while preparing and analysing there is no fraction to show, so the bar is indeterminate. */
export function UploadProgress({ stage, fraction }: Props) {
  const label = stage === 'uploading' ? `${LABELS[stage]} ${percent(fraction)}` : LABELS[stage];
  return (
    <div class="progress" role="status">
      <label for="upload-progress">{label}</label>
      {stage === 'uploading' ? <progress id="upload-progress" max={1} value={fraction} /> : <progress id="upload-progress" />}
    </div>
  );
}
