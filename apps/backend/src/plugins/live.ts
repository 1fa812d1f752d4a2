import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Gauge } from 'prom-client';
import { type ChangeHub, createChangeHub } from '../live/change-hub.js';
import { createChangeListener } from '../live/change-listener.js';
import { workChangePruning } from '../live/prune-changes.js';

export interface LiveOptions {
  url: string;
  /** Open streams one user may have in one process (tabs and devices); more answer 429. */
  streamsPerUser?: number;
  /** A comment every this often keeps proxies from closing a quiet stream (default 15 s). */
  heartbeatMs?: number;
  /**
   * A stream ends after this long (default 5 min, the lifetime of the token that opened it), and
   * the browser reconnects through the frontend, which checks the session again: a signed-out
   * session stops hearing changes within it.
   */
  maxStreamMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Live updates: the open streams of this process and how they behave (routes/api/events.ts). */
    live: { hub: ChangeHub; heartbeatMs: number; maxStreamMs: number };
  }
}

/**
 * Live updates: one LISTEN connection per process feeds a hub of the open event streams, by user.
 * Streams end before the server closes (preClose), so the shutdown drain never waits on them.
 */
async function live(app: FastifyInstance, options: LiveOptions) {
  const hub = createChangeHub({ streamsPerUser: options.streamsPerUser ?? 20 });
  app.decorate('live', {
    hub,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    maxStreamMs: options.maxStreamMs ?? 5 * 60_000,
  });
  new Gauge({
    name: 'live_streams_open',
    help: 'Live update streams (GET /api/{user_id}/events) open in this process',
    registers: [app.metricsRegistry],
    collect() {
      this.set(hub.size);
    },
  });
  const listener = createChangeListener({ url: options.url, hub, log: app.log });
  app.addHook('onReady', async () => listener.start());
  app.addHook('preClose', async () => hub.closeAll());
  app.addHook('onClose', async () => listener.stop());
  // The hourly pruning of the change log runs in the workers of every replica (pg-boss keeps one
  // job per tick, so one replica prunes).
  app.addQueueWorker((boss) => workChangePruning(boss, app.db, app.log));
}

export default fp(live, { name: 'live', dependencies: ['metrics', 'database', 'reminders'] });
