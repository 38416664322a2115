import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `onFile` with a file pasted anywhere on the page. The listener is added once and calls the
 * latest callback through a ref, so it never acts on stale state between a render and its effects.
 */
export function usePaste(onFile: (file: File) => void): void {
  const latest = useRef(onFile);
  latest.current = onFile;
  useEffect(() => {
    const listener = (event: ClipboardEvent) => {
      const file = event.clipboardData?.files[0];
      if (!file) return;
      event.preventDefault();
      latest.current(file);
    };
    document.addEventListener('paste', listener);
    return () => document.removeEventListener('paste', listener);
  }, []);
}
