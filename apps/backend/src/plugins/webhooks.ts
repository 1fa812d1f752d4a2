import type { QueueName } from '@todo/db/boss';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type PgBoss from 'pg-boss';
import type { LookupAll } from '../lib/outbound-url.js';
import { createBoss, transactionExecutor } from '../notifications/queue.js';
import { createWebhookDeliverer, type WebhookJobData } from '../webhooks/deliver.js';
import { dispatchChanges, type EnqueueDeliveries, newDispatchState } from '../webhooks/dispatch.js';
import { createWebhookMetrics } from '../webhooks/metrics.js';
import { createWebhooksRepository, type WebhooksRepository } from '../webhooks/repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    webhooksRepository: WebhooksRepository;
  }
}

export const WEBHOOK_QUEUE: QueueName = 'webhook';

export interface WebhooksOptions {
  /** Dispatch and send in this process (REMINDER_WORKERS: the process works the job queue). */
  workers: boolean;
  /** Attempts per delivery (default 8: the first and 7 retries over about two to four hours). */
  maxAttempts?: number;
  /** The first retry's delay; each next one doubles, with jitter (pg-boss retryBackoff). */
  retryDelaySeconds?: number;
  /** How often the change log is read when no NOTIFY came (a backstop: a lost notification). */
  sweepMs?: number;
  /** For tests: a resolver standing in for DNS. */
  lookup?: LookupAll;
}

/**
 * Jobs a replica fetches at once and sends side by side: a receiver slow to answer (up to 10 s)
 * holds one of them, not the queue. (pg-boss fetches once a second per worker: one job a
 * fetch sent about 4 a second from 4 workers in the two-instance test.)
 */
const BATCH = 10;
/** A NOTIFY starts a run this much later, so a burst of changes is read in one transaction. */
const DEBOUNCE_MS = 100;
/** When a run left events to read or to wait for (dispatch.ts), or found another running. */
const AGAIN_MS = 250;

/**
 * Outgoing webhooks: the routes' repository, and in a process with workers the dispatcher (the
 * change log to delivery rows and jobs, on NOTIFY change_events and every sweepMs) and the
 * senders (the webhook queue). Every replica runs both; the cursor's row lock lets one replica
 * dispatch at a time, and pg-boss hands each job to one sender.
 */
async function webhooks(app: FastifyInstance, options: WebhooksOptions) {
  app.decorate('webhooksRepository', createWebhooksRepository(app.db));
  const metrics = createWebhookMetrics();
  metrics.register(app.metricsRegistry);
  if (!options.workers) return;
  const maxAttempts = options.maxAttempts ?? 8;
  // Never started: it only writes jobs through the dispatcher's transaction (no connection).
  const writer = createBoss(app.queue.options);
  const enqueue: EnqueueDeliveries = async (tx, deliveryIds) => {
    if (deliveryIds.length === 0) return;
    await writer.insert(
      deliveryIds.map((deliveryId) => ({
        name: WEBHOOK_QUEUE,
        data: { deliveryId } satisfies WebhookJobData,
        retryLimit: maxAttempts - 1,
        retryDelay: options.retryDelaySeconds ?? 60,
        retryBackoff: true,
        // The send's 10 s timeout and then some: a job held longer had its sender die.
        expireInSeconds: 60,
      })),
      { db: transactionExecutor(tx) as PgBoss.Db },
    );
    metrics.queued.inc(deliveryIds.length);
  };

  const state = newDispatchState();
  let closing = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** Runs the dispatcher in `ms` unless a run is already due sooner. */
  const runIn = (ms: number) => {
    if (closing || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = (running ?? Promise.resolve()).then(runOnce);
    }, ms);
  };
  const runOnce = async () => {
    if (closing) return;
    try {
      const outcome = await dispatchChanges(app.db, enqueue, state);
      // Busy: another replica's run may have read the log before the change that woke this one.
      if (outcome.again || outcome.busy) runIn(AGAIN_MS);
    } catch (error) {
      app.log.warn({ err: error }, 'webhook dispatch failed: %s', (error as Error).message);
    }
  };
  const deliver = createWebhookDeliverer({
    db: app.db,
    outbound: app.outboundPolicy,
    metrics,
    maxAttempts,
    lookup: options.lookup,
  });
  app.addQueueWorker(async (boss) => {
    await boss.work<WebhookJobData>(
      WEBHOOK_QUEUE,
      { pollingIntervalSeconds: 1, batchSize: BATCH },
      async (jobs) => {
        const outcomes = await Promise.allSettled(jobs.map((job) => deliver(job.data)));
        // pg-boss completes or fails a batch as one: fail the jobs to retry here, by id; the
        // batch's completion then passes them by (it completes only jobs still active).
        const failed = jobs.filter((_, index) => outcomes[index]?.status === 'rejected');
        if (failed.length > 0) {
          await boss.fail(
            WEBHOOK_QUEUE,
            failed.map((job) => job.id),
          );
        }
      },
    );
  });

  let listening: { unlisten(): Promise<void> } | undefined;
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweep = setInterval(() => runIn(0), options.sweepMs ?? 10_000);
    runIn(0);
    // postgres.js listens on a connection of its own and listens again after it reconnects.
    app.db.$client
      .listen(
        'change_events',
        () => runIn(DEBOUNCE_MS),
        () => runIn(0),
      )
      .then(
        (request) => {
          if (closing) void request.unlisten();
          else listening = request;
        },
        (error: Error) => app.log.warn({ err: error }, 'LISTEN change_events: %s', error.message),
      );
  });
  app.addHook('onClose', async () => {
    closing = true;
    clearInterval(sweep);
    clearTimeout(timer);
    await running;
    await listening?.unlisten().catch(() => {});
  });
}

export default fp(webhooks, {
  name: 'webhooks',
  dependencies: ['database', 'metrics', 'reminders'],
});
