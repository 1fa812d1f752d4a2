/** The service worker from the browser's side: one registration, shared by push and offline. */

export const SERVICE_WORKER_URL = '/sw.js';

export const serviceWorkerSupported = () =>
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator;

/** Registers public/sw.js (idempotent) and resolves once it is active. */
export async function readyServiceWorker(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  return navigator.serviceWorker.ready;
}

/**
 * Drops the pages kept for offline reading (sw.js keeps them per browser, not per person), so
 * the next person on this browser cannot read them. On sign-out.
 */
export async function forgetCachedPages(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith('todo-pages-')).map((name) => caches.delete(name)),
  );
}
