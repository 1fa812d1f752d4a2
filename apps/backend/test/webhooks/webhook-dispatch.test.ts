import { createDatabase } from '@todo/db/client';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../../tests/support/webhook-receiver.js';
import { createBoss, transactionExecutor } from '../../src/notifications/queue.js';
import {
  type DispatchState,
  dispatchChanges,
  type EnqueueDeliveries,
  newDispatchState,
} from '../../src/webhooks/dispatch.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

// The dispatcher against a real database: once per hook and event, whoever runs it and in
// whatever order the writers commit. Two pools stand for two replicas.
let t: TestApp;
let receiver: WebhookReceiver;
const pools: ReturnType<typeof createDatabase>[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await buildTestApp();
  await t.createUsers('racer', 'late', 'twin', 'newcomer');
  pools.push(
    createDatabase(t.database.url, { max: 3 }),
    createDatabase(t.database.url, { max: 3 }),
  );
});
afterAll(async () => {
  for (const pool of pools) await pool.close();
  await t?.close();
  await receiver?.close();
});

/** Queues the jobs as the plugin does: pg-boss in the dispatcher's transaction. */
const boss = () => createBoss({ url: t.database.url, jobTimeoutSeconds: 30 });
function enqueueWith(writer: PgBoss): EnqueueDeliveries {
  return async (tx, ids) => {
    if (ids.length === 0) return;
    await writer.insert(
      ids.map((deliveryId) => ({ name: 'webhook', data: { deliveryId } })),
      { db: transactionExecutor(tx) as PgBoss.Db },
    );
  };
}

async function hookOf(app: TestApp, user: string, path: string) {
  const response = await app.as(user, {
    method: 'POST',
    url: `/api/${user}/webhooks`,
    payload: { url: `${receiver.origin}${path}` },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

const taskEventsOf = async (user: string) =>
  (
    await t.sql<{ id: string }[]>`
      select id::text from change_events where user_id = ${user} and entity = 'task' order by id`
  ).map((row) => Number(row.id));

const deliveredEvents = async (hookId: number) =>
  (
    await t.sql<{ event_id: string }[]>`
      select event_id::text from webhook_deliveries where webhook_id = ${hookId} order by event_id`
  ).map((row) => Number(row.event_id));

/** Runs a dispatcher until it has nothing left to read or wait for. */
async function drain(
  db: (typeof pools)[number]['db'],
  enqueue: EnqueueDeliveries,
  state: DispatchState,
) {
  for (let run = 0; run < 200; run++) {
    const outcome = await dispatchChanges(db, enqueue, state);
    if (!outcome.busy && !outcome.again) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the dispatcher did not settle');
}

describe('the webhook dispatcher', () => {
  it('makes one delivery and one job per hook and event with two dispatchers racing', async () => {
    const hookId = await hookOf(t, 'racer', '/racer');
    const [first, second] = pools;
    if (!first || !second) throw new Error('no pools');
    const states = [newDispatchState(), newDispatchState()];
    const enqueues = [enqueueWith(boss()), enqueueWith(boss())];
    let writing = true;
    const racing = [first, second].map(async (pool, index) => {
      const state = states[index] ?? newDispatchState();
      const enqueue = enqueues[index] ?? enqueueWith(boss());
      while (writing) {
        await dispatchChanges(pool.db, enqueue, state);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
      }
      await drain(pool.db, enqueue, state);
    });
    // Writers in parallel, so ids are taken and committed in different orders.
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let n = 0; n < 10; n++) {
          const task = await t.createTask('racer', { title: `Task ${writer}.${n}` });
          if (n % 3 === 0) {
            await t.as('racer', { method: 'PATCH', url: `/api/racer/tasks/${task.id}/complete` });
          }
        }
      }),
    );
    writing = false;
    await Promise.all(racing);
    const events = await taskEventsOf('racer');
    expect(events.length).toBeGreaterThanOrEqual(80 + 24);
    expect(await deliveredEvents(hookId)).toEqual(events);
    const [jobs] = await t.sql<{ jobs: number; deliveries: number }[]>`
      select (select count(distinct data->>'deliveryId')::int from pgboss.job where name = 'webhook'
        and (data->>'deliveryId')::int in (select id from webhook_deliveries where webhook_id = ${hookId})) as jobs,
        (select count(*)::int from webhook_deliveries where webhook_id = ${hookId}) as deliveries`;
    expect(jobs?.jobs).toBe(jobs?.deliveries);
    const [{ total } = { total: 0 }] = await t.sql<{ total: number }[]>`
      select count(*)::int as total from pgboss.job where name = 'webhook'`;
    expect(total).toBe(jobs?.deliveries);
  });

  it('sends a new webhook only what happens once it exists, not changes waiting for dispatch', async () => {
    await t.createTask('newcomer', { title: 'Before the hook' });
    const hookId = await hookOf(t, 'newcomer', '/newcomer');
    await t.createTask('newcomer', { title: 'After the hook' });
    const [pool] = pools;
    if (!pool) throw new Error('no pool');
    await drain(pool.db, enqueueWith(boss()), newDispatchState());
    const events = await taskEventsOf('newcomer');
    expect(events.length).toBe(2);
    expect(await deliveredEvents(hookId)).toEqual(events.slice(1));
  });

  it('does not skip an event whose writer commits after a later event’s writer', async () => {
    const hookId = await hookOf(t, 'late', '/late');
    const [pool] = pools;
    if (!pool) throw new Error('no pool');
    const state = newDispatchState();
    const enqueue = enqueueWith(boss());
    await drain(pool.db, enqueue, state);
    const inbox = await t.inboxId('late');
    let commit = () => {};
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let inserted = () => {};
    const insertedEarly = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    // The early writer takes its change id first and commits last.
    const early = t.sql.begin(async (tx) => {
      await tx`insert into tasks (user_id, title, project_id) values ('late', 'Early', ${inbox})`;
      inserted();
      await held;
    });
    await insertedEarly;
    await t.createTask('late', { title: 'Later' });
    // Only the later event is visible yet; its id is above the early writer's.
    const [laterId = 0] = await taskEventsOf('late');
    for (let run = 0; run < 5; run++) {
      await dispatchChanges(pool.db, enqueue, state);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await deliveredEvents(hookId)).toEqual([]);
    commit();
    await early;
    await drain(pool.db, enqueue, state);
    const events = await taskEventsOf('late');
    expect(events).toHaveLength(2);
    expect(events[0]).toBeLessThan(laterId);
    expect(await deliveredEvents(hookId)).toEqual(events);
  });
});

describe('two app instances on one database', () => {
  it('deliver each change once: one POST per hook and event', { timeout: 90_000 }, async () => {
    const options = {
      databaseUrl: t.database.url,
      reminders: { workers: true, jobTimeoutSeconds: 30 },
      webhooks: { sweepMs: 500 },
    };
    const apps = [await buildTestApp(options), await buildTestApp(options)];
    try {
      const [a, b] = apps;
      if (!a || !b) throw new Error('no apps');
      await hookOf(a, 'twin', '/twin');
      await Promise.all(
        Array.from({ length: 30 }, (_, n) =>
          (n % 2 ? a : b).createTask('twin', { title: `Twin ${n}` }),
        ),
      );
      const events = await taskEventsOf('twin');
      expect(events).toHaveLength(30);
      const twinsIn = () => receiver.received.filter((r) => r.path === '/twin').length;
      for (const deadline = Date.now() + 60_000; twinsIn() < 30 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const twins = receiver.received.filter((r) => r.path === '/twin');
      expect(twins).toHaveLength(30);
      expect(new Set(twins.map((r) => r.headers['x-todo-delivery'])).size).toBe(30);
      const titles = twins.map((r) => JSON.parse(r.body).data.task.title as string).sort();
      expect(titles).toEqual(Array.from({ length: 30 }, (_, n) => `Twin ${n}`).sort());
    } finally {
      for (const app of apps) await app.close();
    }
  });
});
