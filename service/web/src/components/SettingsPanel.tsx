import { useState } from 'preact/hooks';

import type { AuthMode } from '../auth/credentials';

interface Props {
  mode: AuthMode | 'checking';
  hasStoredKey: boolean;
  onSave: (key: string) => void;
  onForget: () => void;
  onClose: () => void;
}

const MODE_TEXT: Record<Props['mode'], string> = {
  checking: 'Checking how to reach the service…',
  session: 'This site runs a public demo: the page uses a short-lived session from the service, no key needed.',
  key: 'The page uses the API key saved in this browser.',
  none: 'This site has no public demo. Paste an API key for this service to use it.',
};

/**
 * Where a person pastes their own API key. It is kept in this browser's localStorage only,
 * never in the page source, and sent only to this site's service.
 */
export function SettingsPanel({ mode, hasStoredKey, onSave, onForget, onClose }: Props) {
  const [key, setKey] = useState('');
  return (
    <section id="settings" class="card settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <p>{MODE_TEXT[mode]}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (key.trim()) onSave(key.trim());
          setKey('');
        }}
      >
        <div class="field">
          <label for="api-key">API key</label>
          <input
            id="api-key"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
            aria-describedby="api-key-hint"
          />
          <p id="api-key-hint" class="hint">
            Created with <code>kalas-iris keys create</code>. Stored only in this browser.
          </p>
        </div>
        <div class="settings__actions">
          <button type="submit" class="button button--primary" disabled={!key.trim()}>
            Save key
          </button>
          {hasStoredKey && (
            <button type="button" class="button" onClick={onForget}>
              Forget key
            </button>
          )}
          <button type="button" class="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </section>
  );
}
