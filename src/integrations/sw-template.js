/* The course's service worker (generated into dist/sw.js by service-worker.mjs).
   Pages: network first, falling back to the cache when offline, so a new deployment shows up
   as soon as the network answers. Everything else: cache first (hashed assets never change).
   Only same-origin GET requests are handled; nothing else is ever fetched. */
const VERSION = __VERSION__;
const PRECACHE = __PRECACHE__;
const CACHE = `course-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('course-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      .then(() => self.clients.matchAll({ type: 'window' }))
      .then((clients) => clients.forEach((c) => c.postMessage({ type: 'sw-activated', version: VERSION }))),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  // Pagefind adds ?ts=<time> to its entry file; the query never changes the content.
  const ignoreSearch = url.pathname.startsWith('/pagefind/');
  // Servers answer with `Vary: Origin` (astro preview does); module scripts are requested with an
  // Origin header and the precache without one, so honouring Vary would miss every module offline.
  // Same-origin files do not change with the Origin, so Vary is ignored.
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        })
        .catch(async () => (await caches.match(req, { ignoreSearch: true, ignoreVary: true })) ?? (await caches.match('/404.html')) ?? Response.error()),
    );
    return;
  }
  event.respondWith(
    caches.match(req, { ignoreSearch, ignoreVary: true }).then((hit) => hit ?? fetch(req)),
  );
});
