/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell so the app opens offline, and
 * answers every navigation (deep links included) with index.html. No
 * business logic lives here. It waits for the page's "update" button
 * (SKIP_WAITING) before taking over, so no one loses what they were typing.
 */
import { cacheNames, clientsClaim, type WorkboxPlugin } from 'workbox-core';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
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

/**
 * The precache keeps its files without a Vary header. A host may add
 * `Vary: Origin` (vite preview, many CDNs and static hosts do); a cache lookup
 * then honours it, and a module script's request (which carries an Origin)
 * misses the copy fetched at install (which did not). The browser's static
 * route above has no way to ignore Vary, so the header is dropped before the
 * file is stored: these files are the same for every origin that asks.
 */
const dropVary: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => {
    // As workbox's own check, which a plugin of this kind replaces: no error pages in the precache.
    if (response.status >= 400) return null;
    if (!response.headers.has('vary')) return response;
    const headers = new Headers(response.headers);
    headers.delete('vary');
    return new Response(await response.blob(), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  },
};
addPlugins([dropVary]);
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
