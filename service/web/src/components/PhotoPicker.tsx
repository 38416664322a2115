import { useState } from 'preact/hooks';

interface Props {
  disabled: boolean;
  onPhoto: (file: File) => void;
}

/**
 * The three ways in: the camera (phones open it straight from `capture`), the file picker, and drag-and-drop.
 * Pasting is handled for the whole page by App. The inputs stay in the tab order, and the labels look like buttons.
 */
export function PhotoPicker({ disabled, onPhoto }: Props) {
  const [dragging, setDragging] = useState(false);

  const take = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Reset so choosing the same file again still fires a change.
    input.value = '';
    if (file) onPhoto(file);
  };

  return (
    <section
      class={`picker${dragging ? ' picker--dragging' : ''}`}
      aria-labelledby="picker-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (file && !disabled) onPhoto(file);
      }}
    >
      <h2 id="picker-title">Photo of a clothing item</h2>
      <p class="hint">Take or choose a photo, drop it here, or paste it. Large photos are made smaller before upload.</p>
      <div class="picker__buttons">
        <label class="button button--primary">
          <input
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            disabled={disabled}
            onChange={(e) => take(e.currentTarget)}
          />
          Take a photo
        </label>
        <label class="button">
          <input class="visually-hidden" type="file" accept="image/*" disabled={disabled} onChange={(e) => take(e.currentTarget)} />
          Choose a photo
        </label>
      </div>
    </section>
  );
}
