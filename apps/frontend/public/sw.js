// The app's service worker: push notifications and their actions, and pages already visited
// readable offline. Plain JavaScript served as is from the origin root, so its scope is the
// whole app. Bump VERSION when what is cached changes shape: old caches are dropped on activate.
const VERSION = 'v1';
const PAGES = `todo-pages-${VERSION}`;
const ASSETS = `todo-assets-${VERSION}`;

// Complete first: browsers show only Notification.maxActions of these (Chrome: 2).
const ACTIONS = [
  { action: 'complete', title: 'Complete' },
  { action: 'snooze-10m', title: 'Snooze 10 min' },
  { action: 'snooze-1h', title: 'Snooze 1 hour' },
  { action: 'snooze-tomorrow', title: 'Snooze until tomorrow' },
];

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = [PAGES, ASSETS];
      const names = await caches.keys();
      await Promise.all(names.filter((name) => !keep.includes(name)).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

/** Built assets have hashed names, so a cached copy is never stale. */
const isAsset = (url) =>
  url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/');

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Writes, server actions, the auth and app APIs and other origins are never cached.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return;
  if (isAsset(url)) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(ASSETS).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
    return;
  }
  if (request.mode === 'navigate') event.respondWith(networkFirst(event, request));
});

/** The page from the network, kept for later; offline, the copy last seen, marked as such. */
async function networkFirst(event, request) {
  try {
    const response = await fetch(request);
    // Only the person's own pages as they are: not redirects (sign-in), not errors.
    if (response.ok && !response.redirected && response.type === 'basic') {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES).then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch {
    const cached = await caches.match(request, { cacheName: PAGES });
    // Marked, so the page says it is a copy even where navigator.onLine stays true (a server
    // out of reach on a working network).
    if (cached) {
      const html = (await cached.text()).replace('<html', '<html data-served-offline=""');
      return new Response(html, { status: 200, headers: cached.headers });
    }
    return new Response(
      '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
        '<title>Offline · Todo</title><main style="font:16px system-ui;margin:3rem auto;max-width:30rem">' +
        '<h1>You’re offline</h1><p>This page has not been opened on this device yet. ' +
        'Pages you have visited stay readable offline.</p></main>',
      { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
    );
  }
}

self.addEventListener('message', (event) => {
  // The page asks on sign-out: no one else may read this person's pages from the cache.
  if (event.data?.type === 'sign-out') event.waitUntil(caches.delete(PAGES));
});

self.addEventListener('push', (event) => {
  let payload;
  try {
    payload = event.data?.json();
  } catch {
    payload = undefined;
  }
  if (!payload || typeof payload.title !== 'string') return;
  const data = {
    url: typeof payload.url === 'string' ? payload.url : '/',
    task_id: payload.task_id ?? null,
  };
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body ?? '',
      tag: payload.tag,
      data,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      timestamp: payload.due_at ? Date.parse(payload.due_at) : Date.now(),
      actions: data.task_id === null ? [] : ACTIONS,
    }),
  );
});

/** The app's path a notification opens; anything else opens the home page. */
function appUrl(path) {
  const url = new URL(typeof path === 'string' ? path : '/', self.location.origin);
  return url.origin === self.location.origin ? url.href : self.location.origin;
}

async function openApp(path) {
  const url = appUrl(path);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => client.url === url);
  if (open) return open.focus();
  return self.clients.openWindow(url);
}

/**
 * A click on a notification: a button completes or snoozes the task through the app's server
 * (then closes it); the notification itself opens the task. A named function, so a test can
 * run it from the worker's console (a synthetic event cannot be extended with waitUntil).
 */
async function handleNotificationClick(notification, action) {
  const { url, task_id: taskId } = notification.data ?? {};
  if (!action || taskId === null || taskId === undefined) {
    notification.close();
    await openApp(url);
    return;
  }
  // Same origin: the session cookie goes along, and the route refuses other sites.
  const response = await fetch('/api/notifications/action', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, task_id: taskId }),
  }).catch(() => null);
  notification.close();
  // Signed out or offline: open the task, so the person can do it there.
  if (!response?.ok) await openApp(url);
}

self.addEventListener('notificationclick', (event) => {
  event.waitUntil(handleNotificationClick(event.notification, event.action));
});
