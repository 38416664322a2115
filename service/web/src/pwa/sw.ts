/**
 * Service worker: keeps the app shell on the device so the page installs and opens offline.
 * Built by build/sw-plugin.ts, which fills in the precache list and version from the bundle,
 * so a new build replaces the old cache instead of serving stale hashed files.
 */
// A classic worker script (no import/export), so the global is narrowed by a cast rather than a module-scoped declare.
const sw = self as unknown as ServiceWorkerGlobalScope;

// Both are defined at build time by build/sw-plugin.ts.
declare const __KALAS_PRECACHE__: string[];
declare const __KALAS_VERSION__: string;
const PRECACHE_URLS = __KALAS_PRECACHE__;
const CACHE = `kalas-iris-shell-${__KALAS_VERSION__}`;
const OFFLINE_URL = '/offline.html';

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE_URLS))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kalas-iris-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // The API is never cached: an annotation is only ever the service's live answer.
  if (request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/v1/')) return;

  if (request.mode === 'navigate') {
    // Network first, so a deploy is picked up at once; offline, say plainly that annotation needs the service.
    event.respondWith(fetch(request).catch(async () => (await caches.match(OFFLINE_URL)) ?? Response.error()));
    return;
  }
  // Hashed assets and icons never change under the same URL, so the cache can answer first.
  event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
});
