// Aftercare's service worker, a template filled in by go-app: {{.Version}} is
// the build's content hash and {{.ResourcesToCache}} every route and asset
// the pages use.
//
// - install: precache everything, each file checked with the server first
//   (cache "no-cache": a file the page has just downloaded comes back
//   "not modified" and is taken from the HTTP cache, so app.wasm is not
//   downloaded twice; a changed one is downloaded), inside waitUntil so a
//   failed download fails the install instead of leaving a half cache.
// - navigations: the network when online (a fresh page), the cached page when
//   not; query strings are ignored when matching.
// - other same-origin GETs: the versioned precache first, then the network.
// - nothing a person enters is ever stored here: activation deletes every
//   other cache on the origin.
// - no clients.claim(): a page that loaded without a worker stays without
//   one until its next load. Claiming it would make go-app report the very
//   first install as an update ("a new version is ready") to a new visitor.
const cacheName = "aftercare-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const navigationTimeoutMs = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== cacheName) {
        await caches.delete(key);
      }
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
    return;
  }
  event.respondWith(cacheFirst(request));
});

// navigate answers a page load: from the network while it answers in time,
// else from the cache, where "/guide?x=1" finds "/guide" and an address that
// is no page finds "page not found", with its way home.
async function navigate(request, url) {
  try {
    return await fetchWithTimeout(request, navigationTimeoutMs);
  } catch (err) {
    // "Page not found" in the address's language (/es/nope: /es/not-found).
    const cache = await caches.open(cacheName);
    const first = url.pathname.split("/")[1];
    const cached = await cache.match(url.pathname, { ignoreSearch: true }) ||
      (first && await cache.match("/" + first + "/not-found", { ignoreSearch: true })) ||
      await cache.match("/not-found", { ignoreSearch: true }) ||
      await cache.match("/", { ignoreSearch: true });
    if (cached) {
      return cached;
    }
    throw err;
  }
}

function fetchWithTimeout(request, ms) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return fetch(request, { signal: controller.signal }).finally(() => clearTimeout(timer));
}

async function cacheFirst(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) {
    return cached;
  }
  return fetch(request);
}
