import type { Database } from '@todo/db/client';
import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import { CHANGE_PRUNE_CRON, CHANGE_PRUNE_QUEUE } from '../notifications/queue.js';
import {
  pruneWebhookDeliveries,
  WEBHOOK_DELIVERY_RETENTION_DAYS,
} from '../webhooks/prune-deliveries.js';
import { pruneChanges } from './change-log.js';

/** How long the change log keeps a change: a page away longer than this reloads (event: reset). */
export const CHANGE_RETENTION_DAYS = 7;

/**
 * Prunes the change log hourly, and the webhooks' delivery logs with it, in the workers of every
 * replica: pg-boss keeps one job per cron tick, so one replica does it.
 */
export async function workChangePruning(boss: PgBoss, db: Database, log: FastifyBaseLogger) {
  await boss.work(CHANGE_PRUNE_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    const deleted = await pruneChanges(db, CHANGE_RETENTION_DAYS);
    if (deleted > 0) log.info({ deleted }, 'change log pruned');
    const deliveries = await pruneWebhookDeliveries(db, WEBHOOK_DELIVERY_RETENTION_DAYS);
    if (deliveries > 0) log.info({ deleted: deliveries }, 'webhook delivery logs pruned');
  });
  await boss.schedule(CHANGE_PRUNE_QUEUE, CHANGE_PRUNE_CRON);
}
