// Gloss service worker: the app works offline after one visit.
// BUILD and FILES are stamped by scripts/stamp-sw.sh after each Trunk build, so every new
// build gets a new cache; old caches are deleted when the new worker activates.
const BUILD = "__GLOSS_BUILD__";
const FILES = ["./"]; // __GLOSS_FILES__
const CACHE = `gloss-${BUILD}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("gloss-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// Pages: network first (a new build shows at once when online), the cache when offline.
// Hashed assets: cache first.
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    event.respondWith(
      fetch(req)
        .then((res) => {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put("./", copy));
          return res;
        })
        .catch(() => caches.match("./", { cacheName: CACHE }).then((r) => r || caches.match(req)))
    );
    return;
  }
  event.respondWith(caches.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)));
});
