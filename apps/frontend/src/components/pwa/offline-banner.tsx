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

/** Says so while the browser is offline: what is shown may be a copy, and nothing is saved. */
export function OfflineBanner() {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  if (online) return null;
  return (
    <Banner tone="info" title="You’re offline — changes are paused">
      You are reading the pages you opened before. Editing comes back when you are online.
    </Banner>
  );
}
