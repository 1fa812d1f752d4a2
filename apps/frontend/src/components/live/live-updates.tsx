'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Changes often come in bursts (an import, a batch from an assistant): one refresh for each. */
const REFRESH_DELAY_MS = 200;
/** Waits before reopening a stream the server refused (signed out, backend down), growing. */
const REOPEN_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Keeps the open page current: on each change the server streams (made in another tab, on
 * another device, through the API or an assistant) the page's server data is read again. The
 * task list shows it through useOptimistic, so an edit in progress here keeps its optimistic
 * state until its own answer comes. Renders nothing.
 */
export function LiveUpdates() {
  const router = useRouter();
  useEffect(() => {
    // Without EventSource (an old browser, a test's DOM) the page works as before, unrefreshed.
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    /** The last event seen, kept across reopened streams so they resume from it. */
    let lastId: string | undefined;
    let failures = 0;
    let missedWhileHidden = false;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;

    const refresh = () => {
      // A hidden tab refreshes when it is shown again, once.
      if (document.hidden) {
        missedWhileHidden = true;
        return;
      }
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => router.refresh(), REFRESH_DELAY_MS);
    };
    const onEvent = (event: MessageEvent) => {
      if (event.lastEventId) lastId = event.lastEventId;
      refresh();
    };

    const open = () => {
      const stream = new EventSource(lastId ? `/api/events?after=${lastId}` : '/api/events');
      source = stream;
      stream.addEventListener('change', onEvent);
      stream.addEventListener('reset', onEvent);
      stream.onopen = () => {
        // Nothing to resume from after a refused stream: what changed meanwhile is read again.
        if (failures > 0 && !lastId) refresh();
        failures = 0;
      };
      stream.onerror = () => {
        // A dropped stream EventSource reopens itself, sending Last-Event-ID; one the server
        // answered with an error (401, 429, 503) it closes for good, so it is reopened here.
        if (stream.readyState !== EventSource.CLOSED) return;
        const delay = REOPEN_DELAYS_MS[Math.min(failures, REOPEN_DELAYS_MS.length - 1)];
        failures++;
        reopenTimer = setTimeout(open, delay);
      };
    };
    const onVisibility = () => {
      if (!document.hidden && missedWhileHidden) {
        missedWhileHidden = false;
        refresh();
      }
    };

    open();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      source?.close();
      clearTimeout(refreshTimer);
      clearTimeout(reopenTimer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [router]);
  return null;
}
