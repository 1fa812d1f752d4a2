import { createDatabase } from '@todo/db/client';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pruneChanges } from '../../src/live/change-log.js';
import { CHANGE_RETENTION_DAYS } from '../../src/live/prune-changes.js';
import { CHANGE_PRUNE_CRON, CHANGE_PRUNE_QUEUE } from '../../src/notifications/queue.js';
import {
  pruneWebhookDeliveries,
  WEBHOOK_DELIVERY_RETENTION_DAYS,
} from '../../src/webhooks/prune-deliveries.js';
import { startBossClient } from '../helpers/boss-client.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

// The change log keeps a week: the workers of every replica register an hourly cron, and its job
// deletes older changes, and only those.
let t: TestApp;
let boss: PgBoss;

beforeAll(async () => {
  t = await buildTestApp({ reminders: { workers: true, jobTimeoutSeconds: 10 } });
  boss = await startBossClient(t.database.url);
});
afterAll(async () => {
  await boss.stop({ graceful: false });
  await t.close();
});

describe('pruning the change log', () => {
  it('registers the hourly cron; a tick deletes the changes older than 7 days, no others', async () => {
    await vi.waitFor(
      async () => {
        const rows =
          await t.sql`select cron from pgboss.schedule where name = ${CHANGE_PRUNE_QUEUE}`;
        expect(rows.map((row) => row.cron)).toEqual([CHANGE_PRUNE_CRON]);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(CHANGE_RETENTION_DAYS).toBe(7);

    await t.createUsers('pruned');
    for (const title of ['old', 'just kept', 'new']) await t.createTask('pruned', { title });
    await t.sql`update change_events set occurred_at = now() - interval '8 days'
      where data->>'title' = 'old' or entity = 'project'`;
    await t.sql`update change_events set occurred_at = now() - interval '6 days 23 hours'
      where data->>'title' = 'just kept'`;

    await boss.send(CHANGE_PRUNE_QUEUE, {});
    await vi.waitFor(
      async () => {
        const rows = await t.sql<{ title: string }[]>`
          select data->>'title' as title from change_events where user_id = 'pruned' order by id`;
        expect(rows.map((row) => row.title)).toEqual(['just kept', 'new']);
      },
      { timeout: 20_000, interval: 200 },
    );
  });
});

describe('pruning and the webhook dispatcher', () => {
  it('keeps old changes the webhook dispatcher has not read yet', async () => {
    // No workers here: nothing dispatches, so the webhook cursor stays where this test puts it.
    const quiet = await buildTestApp();
    try {
      await quiet.createUsers('unread');
      for (const title of ['read', 'unread']) await quiet.createTask('unread', { title });
      await quiet.sql`update change_events set occurred_at = now() - interval '8 days'`;
      const [read] = await quiet.sql<{ id: string }[]>`
        select id from change_events where data->>'title' = 'read'`;
      await quiet.sql`update change_cursors set last_event_id = ${read?.id ?? 0}
        where name = 'webhooks'`;

      const { db, close } = createDatabase(quiet.database.url, { max: 1 });
      await pruneChanges(db, CHANGE_RETENTION_DAYS).finally(close);

      const rows = await quiet.sql<{ title: string }[]>`
        select data->>'title' as title from change_events where entity = 'task' order by id`;
      expect(rows.map((row) => row.title)).toEqual(['unread']);
    } finally {
      await quiet.close();
    }
  });
});

describe('pruning the webhooks’ delivery logs', () => {
  it('deletes finished deliveries older than 30 days, never a pending one', async () => {
    const quiet = await buildTestApp();
    try {
      await quiet.createUsers('hooked');
      const [hook] = await quiet.sql<{ id: number }[]>`
        insert into webhooks (user_id, url, secret, events)
        values ('hooked', 'https://example.com/hook', 'whsec_test', '{task.created}') returning id`;
      const rows: [number, string, string][] = [
        [1, 'succeeded', '31 days'],
        [2, 'failed', '31 days'],
        [3, 'pending', '31 days'],
        [4, 'succeeded', '29 days'],
      ];
      for (const [eventId, status, age] of rows) {
        await quiet.sql`
          insert into webhook_deliveries (webhook_id, event_id, event, payload, status, created_at)
          values (${hook?.id ?? 0}, ${eventId}, 'task.created', '{}', ${status}::webhook_delivery_status,
            now() - ${age}::interval)`;
      }
      expect(WEBHOOK_DELIVERY_RETENTION_DAYS).toBe(30);
      const { db, close } = createDatabase(quiet.database.url, { max: 1 });
      expect(await pruneWebhookDeliveries(db, WEBHOOK_DELIVERY_RETENTION_DAYS).finally(close)).toBe(
        2,
      );
      const left = await quiet.sql<{ event_id: string }[]>`
        select event_id from webhook_deliveries order by event_id`;
      expect(left.map((row) => Number(row.event_id))).toEqual([3, 4]);
    } finally {
      await quiet.close();
    }
  });
});
