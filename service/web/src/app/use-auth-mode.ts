import { useEffect, useState } from 'preact/hooks';

import { toAppError, type AppError } from '../api/errors';
import type { AuthMode, Credentials } from '../auth/credentials';

/**
 * How the page reaches the service (demo session, pasted key, or nothing yet), checked on load and
 * after every change of key. `onNone` runs when neither works, so the page can open Settings.
 */
export function useAuthMode(credentials: Credentials, onNone: () => void, onError: (error: AppError) => void) {
  const [mode, setMode] = useState<AuthMode | 'checking'>('checking');
  const refresh = () =>
    credentials
      .mode()
      .then((m) => {
        setMode(m);
        if (m === 'none') onNone();
      })
      .catch((e: unknown) => onError(toAppError(e)));
  useEffect(() => {
    void refresh();
  }, []);
  return { mode, refresh };
}
