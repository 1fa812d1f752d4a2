'use client';

import { useEffect } from 'react';
import { readyServiceWorker, serviceWorkerSupported } from '@/lib/pwa/service-worker';

/** Registers the service worker once the page has loaded, so it never slows the first paint. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!serviceWorkerSupported()) return;
    const register = () => void readyServiceWorker().catch(() => undefined);
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
    return () => window.removeEventListener('load', register);
  }, []);
  return null;
}
