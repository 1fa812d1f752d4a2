'use client';

import { useSyncExternalStore } from 'react';
import { Banner } from '@/components/ui/banner';

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** The service worker marks a page it served from its cache because the network failed. */
const servedOffline = () => document.documentElement.hasAttribute('data-served-offline');

/**
 * Says so while the browser is offline or the page is the service worker's copy: what is shown
 * may be old, and nothing is saved.
 */
export function OfflineBanner() {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine && !servedOffline(),
    () => true,
  );
  if (online) return null;
  return (
    <Banner tone="info" title="You’re offline — changes are paused">
      You are reading the pages you opened before. Editing comes back when you are online.
    </Banner>
  );
}
