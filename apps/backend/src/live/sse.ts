import type { ChangeEvent } from './change-hub.js';

/** Server-Sent Events frames (the HTML standard's text/event-stream). */
export const sse = {
  change: (event: ChangeEvent) =>
    `id: ${event.id}\nevent: change\ndata: ${JSON.stringify({
      id: event.id,
      entity: event.entity,
      entity_id: event.entityId,
      op: event.op,
    })}\n\n`,
  /** Without an id the browser keeps the one it had (nothing newer is known). */
  reset: (latestId?: number) =>
    `${latestId === undefined ? '' : `id: ${latestId}\n`}event: reset\ndata: {}\n\n`,
  /** A comment: keeps proxies from closing an idle stream; EventSource ignores it. */
  heartbeat: ': heartbeat\n\n',
  /** How long EventSource waits before reconnecting after the stream ends. */
  retry: (ms: number) => `retry: ${ms}\n\n`,
};
