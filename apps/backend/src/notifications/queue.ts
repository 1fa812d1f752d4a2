import { BOSS_SCHEMA, postgresParameter, type QueueName, type SqlExecutor } from '@todo/db/boss';
import { type SQL, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Transaction } from '../repositories/restored-occurrence.js';
import { createReminderMetrics } from './reminder-metrics.js';

export interface QueueOptions {
  url: string;
  /**
   * Seconds a job may run before pg-boss counts it failed and retries it: how soon a reminder
   * whose replica died mid-delivery is picked up by another (REMINDER_JOB_TIMEOUT_SECONDS).
   */
  jobTimeoutSeconds: number;
}

/** A job's data: the reminder, and the fire time it was queued for (a moved reminder's old job is stale). */
export interface ReminderJobData {
  reminderId: number;
  fireAt: string;
}

/** Sends and cancels reminder jobs inside the caller's transaction: they commit or roll back with it. */
export interface ReminderJobs {
  schedule(tx: Transaction, data: ReminderJobData): Promise<string>;
  cancel(tx: Transaction, jobIds: string[]): Promise<void>;
}

export const REMINDER_QUEUE: QueueName = 'reminder';
/** Checked every quarter hour: sends the daily digests whose hour has come (digest.ts). */
export const DIGEST_QUEUE: QueueName = 'digest';
export const DIGEST_CRON = '*/15 * * * *';
/** Hourly: deletes the change log's rows older than a week (live/prune-changes.ts). */
export const CHANGE_PRUNE_QUEUE: QueueName = 'change-prune';
export const CHANGE_PRUNE_CRON = '23 * * * *';

/** pg-boss's SQL ($1 … $n) as a drizzle statement, so it runs on the transaction's connection. */
function statement(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = parts.map((part, index) =>
    index % 2 === 0
      ? sql.raw(part)
      : sql`${sql.param(postgresParameter(values[Number(part) - 1]))}`,
  );
  return sql.join(chunks);
}

/** pg-boss's `db` option over a drizzle transaction. */
export function transactionExecutor(tx: Transaction): SqlExecutor {
  return {
    executeSql: async (text, values = []) => ({
      rows: [...(await tx.execute<Record<string, unknown>>(statement(text, values)))],
    }),
  };
}

/**
 * A pg-boss instance on a small pool of its own, for the workers and the maintenance that expires
 * and retries jobs. Its tables come from the migrations: `migrate: false`. A new one per start
 * attempt: one whose start failed stays "starting" for good.
 */
export function createBoss(options: QueueOptions): PgBoss {
  return new PgBoss({
    connectionString: options.url,
    schema: BOSS_SCHEMA,
    migrate: false,
    // The digest's cron (DIGEST_CRON): each replica's clock monitor may enqueue it; pg-boss
    // keeps one job per cron tick.
    schedule: true,
    max: 3,
    application_name: 'todo-backend-queue',
    // Expired jobs are found by this maintenance pass: as often as a job may run, so a job of a
    // replica that died is retried within about two timeouts.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, options.jobTimeoutSeconds)),
  });
}

/**
 * The reminder queue of this process. Sending and cancelling run on the caller's transaction,
 * through a pg-boss instance that is never started (it opens no connection).
 */
export function createQueue(options: QueueOptions) {
  const boss = createBoss(options);
  const metrics = createReminderMetrics();
  const jobs: ReminderJobs = {
    async schedule(tx, data) {
      const id = await boss.send(REMINDER_QUEUE, data, {
        db: transactionExecutor(tx) as PgBoss.Db,
        startAfter: data.fireAt,
        singletonKey: `reminder:${data.reminderId}:${data.fireAt}`,
        expireInSeconds: options.jobTimeoutSeconds,
        retryLimit: 8,
        retryDelay: 5,
        retryBackoff: true,
      });
      if (!id) throw new Error(`pg-boss queued no job for reminder ${data.reminderId}`);
      metrics.scheduled.inc();
      return id;
    },
    async cancel(tx, jobIds) {
      if (jobIds.length === 0) return;
      await boss.cancel(REMINDER_QUEUE, jobIds, { db: transactionExecutor(tx) as PgBoss.Db });
    },
  };
  return { options, jobs, metrics };
}

export type Queue = ReturnType<typeof createQueue>;
