/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell so the app opens offline, and
 * answers every navigation (deep links included) with index.html. No
 * business logic lives here. It waits for the page's "update" button
 * (SKIP_WAITING) before taking over, so no one loses what they were typing.
 */
import { cacheNames, clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

/** The install event with the Service Worker Static Routing API (Chromium 123+; absent elsewhere). */
type RoutingInstallEvent = ExtendableEvent & {
  addRoutes?: (
    rules: { condition: { urlPattern: string }; source: { cacheName: string } }[],
  ) => Promise<void>;
};

// The build's files under /assets/ have hashed names and never change: the
// browser takes them straight from the precache, without running this
// worker's fetch handler for each (or waiting for the worker to start),
// which makes the app open sooner. A file missing there goes to the network.
// Other browsers, and everything else, go through the handlers below.
// Registered before workbox's own install listener, and never awaited: a
// browser that refuses the rules still installs the worker.
self.addEventListener('install', (event) => {
  (event as RoutingInstallEvent)
    .addRoutes?.([{ condition: { urlPattern: '/assets/*' }, source: { cacheName: cacheNames.precache } }])
    .catch(() => undefined);
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Background Sync (Chromium only) wakes the open pages, which do the sending.
self.addEventListener('sync', (event) => {
  const e = event as ExtendableEvent & { tag?: string };
  if (e.tag !== 'upload-exports') return;
  e.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const c of clients) c.postMessage({ type: 'UPLOAD_SYNC' });
    }),
  );
});

clientsClaim();
