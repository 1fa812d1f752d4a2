import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type PgBoss from 'pg-boss';
import { sendDueDigests } from '../notifications/digest.js';
import {
  createBoss,
  DIGEST_CRON,
  DIGEST_QUEUE,
  REMINDER_QUEUE,
  type ReminderJobData,
} from '../notifications/queue.js';
import { createReminderWorker } from '../notifications/reminder-worker.js';

/** Subscribes one more queue's handler on this process's started pg-boss. */
export type QueueWorker = (boss: PgBoss) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Works another queue beside the reminders, with the same pg-boss (one pool, one maintenance)
     * and the same start-up retries; only in a process with workers (REMINDER_WORKERS).
     */
    addQueueWorker(worker: QueueWorker): void;
  }
}

export interface RemindersOptions {
  /** Deliver reminders in this process (REMINDER_WORKERS); false: only schedule them. */
  workers: boolean;
  /** The frontend's public origin, for links in reminder and digest emails. */
  appUrl: string;
  /** BETTER_AUTH_SECRET: signs the digest's unsubscribe links. */
  secret: string;
  /** How long close() waits for a delivery in progress before failing it back to the queue. */
  stopTimeoutMs: number;
}

/**
 * Works the reminder queue in this process: every replica does, and pg-boss hands each job to
 * one of them (FOR UPDATE SKIP LOCKED). Started once the app is ready, in the background and
 * retried: a database that is down at start-up delays reminders, not the API.
 */
async function reminders(app: FastifyInstance, options: RemindersOptions) {
  app.queue.metrics.register(app.metricsRegistry);
  const otherWorkers: QueueWorker[] = [];
  app.decorate('addQueueWorker', (worker: QueueWorker) => {
    otherWorkers.push(worker);
  });
  if (!options.workers) return;
  const deliver = createReminderWorker({
    db: app.db,
    channels: app.channels,
    metrics: app.queue.metrics,
    appUrl: options.appUrl,
  });
  let closing = false;
  let boss: PgBoss | undefined;
  let started: Promise<void> | undefined;
  /** Waits `ms`, or less when the app closes meanwhile. */
  const pause = async (ms: number) => {
    for (const end = Date.now() + ms; !closing && Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  async function start() {
    for (let attempt = 1; !closing; attempt++) {
      const candidate = createBoss(app.queue.options);
      candidate.on('error', (error: Error) =>
        app.log.warn({ err: error }, 'reminder queue: %s', error.message),
      );
      try {
        boss = candidate;
        await candidate.start();
        if (closing) return;
        await candidate.work<ReminderJobData>(
          REMINDER_QUEUE,
          { pollingIntervalSeconds: 1, batchSize: 1 },
          async ([job]) => {
            if (!job) return;
            // Which replica works which job: what an operator (and the kill -9 test) looks for.
            app.log.info({ jobId: job.id, ...job.data }, 'delivering reminder');
            await deliver(job.data);
          },
        );
        await candidate.work(DIGEST_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
          await sendDueDigests({
            db: app.db,
            email: app.channels.email,
            secret: options.secret,
            appUrl: options.appUrl,
            observe: app.queue.metrics.observe,
          });
        });
        // A quarter-hourly check rather than one at the hour: a digest whose hour came while no
        // replica ran is still sent that local day (its delivery row keeps it to one).
        await candidate.schedule(DIGEST_QUEUE, DIGEST_CRON);
        for (const worker of otherWorkers) await worker(candidate);
        return;
      } catch (error) {
        app.log.warn(
          { err: error },
          'reminder queue did not start (%s); retrying',
          (error as Error).message,
        );
        boss = undefined;
        await candidate.stop({ graceful: false }).catch(() => {});
        await pause(Math.min(500 * attempt, 5000));
      }
    }
  }

  app.addHook('onReady', async () => {
    started = start();
  });
  app.addHook('onClose', async () => {
    closing = true;
    await started;
    // A delivery in progress finishes, or after the timeout is failed back to the queue, where
    // another replica retries it (its delivery row keeps it from being sent twice).
    await boss?.stop({ graceful: true, wait: true, timeout: options.stopTimeoutMs });
  });
}

export default fp(reminders, { name: 'reminders', dependencies: ['database', 'metrics'] });
