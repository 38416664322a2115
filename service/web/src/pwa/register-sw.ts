/**
 * Registers the service worker in production builds only: in development it would cache Vite's
 * unhashed modules and serve stale code.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // Installability is a bonus: the page works the same without the worker, so a failure stays silent.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
