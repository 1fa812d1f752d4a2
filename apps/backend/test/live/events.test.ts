import { signAccessToken, type Task } from '@todo/contract';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.js';
import { type EventStream, openEventStream } from '../helpers/event-stream.js';
import { buildTestApp, expectProblem, TEST_SECRET, type TestApp } from '../helpers/test-app.js';

// Live updates across two backend instances on one real PostgreSQL: A serves the streams, B
// takes the writes, and only LISTEN/NOTIFY connects them.
let database: TestDatabase;
let a: TestApp;
let b: TestApp;
let base: string;
const streams: EventStream[] = [];

async function open(userId: string, headers: Record<string, string> = {}, query = '') {
  const token = await signAccessToken(TEST_SECRET, userId);
  const stream = await openEventStream(`${base}/api/${userId}/events${query}`, {
    authorization: `Bearer ${token}`,
    ...headers,
  });
  streams.push(stream);
  return stream;
}

const live = { heartbeatMs: 300, streamsPerUser: 3 };

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresServerUrl'));
  a = await buildTestApp({ databaseUrl: database.url, live });
  b = await buildTestApp({ databaseUrl: database.url });
  await a.createUsers('alice', 'bob', 'carol');
  base = await a.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await a?.close();
  await b?.close();
  await database?.drop();
});

describe('GET /api/:user_id/events', () => {
  it('streams a write made through another instance within 2 s: created, completed, deleted', async () => {
    const stream = await open('alice');
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');

    let started = Date.now();
    const task = await b.createTask('alice', { title: 'Seen live' });
    // The inbox project is created with the first task: its change comes first.
    const created = await stream.waitForChange({ entity: 'task', entity_id: task.id });
    const firstDelay = Date.now() - started;
    expect(created.op).toBe('created');
    expect(stream.frames.at(-1)?.id).toBe(String(created.id));

    started = Date.now();
    const count = stream.frames.length;
    const complete = await b.as('alice', {
      method: 'PATCH',
      url: `/api/alice/tasks/${task.id}/complete`,
    });
    expect(complete.statusCode).toBe(200);
    await stream.waitForFrames(count + 1);
    const deleted = await b.as('alice', { method: 'DELETE', url: `/api/alice/tasks/${task.id}` });
    expect(deleted.statusCode).toBe(204);
    await stream.waitForFrames(count + 2);
    const laterDelay = Date.now() - started;
    expect(stream.changes().slice(-2)).toEqual([
      { id: expect.any(Number), entity: 'task', entity_id: task.id, op: 'completed' },
      { id: expect.any(Number), entity: 'task', entity_id: task.id, op: 'deleted' },
    ]);
    expect(firstDelay).toBeLessThan(2_000);
    expect(laterDelay).toBeLessThan(2_000);
  });

  it("never sends Bob Alice's changes, live or replayed from a guessed Last-Event-ID", async () => {
    const bobLive = await open('bob');
    const bobReplay = await open('bob', { 'last-event-id': '0' });
    const aliceLive = await open('alice');
    await b.createTask('alice', { title: 'Private to Alice' });
    await b.createTask('bob', { title: 'Bob’s own' });
    await aliceLive.waitForFrames(1);
    await bobLive.waitForFrames(2); // Bob's inbox and task
    await bobReplay.waitForFrames(2);
    const [bobIds] = [
      await a.sql<{ id: string }[]>`
      select id::text from change_events where user_id = 'bob' order by id`,
    ];
    for (const stream of [bobLive, bobReplay]) {
      expect(stream.frames.every((frame) => bobIds.some((row) => row.id === frame.id))).toBe(true);
    }
    // Alice's were written in between and are in the log: Bob's replay skipped them.
    const [aliceCount] = await a.sql<{ n: number }[]>`
      select count(*)::int as n from change_events where user_id = 'alice'`;
    expect(aliceCount?.n).toBeGreaterThan(0);
    for (const stream of [bobLive, bobReplay, aliceLive]) stream.close();
  });

  it('after a drop, Last-Event-ID (or ?after=) gives exactly the changes missed, in order', async () => {
    const first = await open('carol');
    const task = await b.createTask('carol', { title: 'Before the drop' });
    await first.waitForFrames(2);
    const lastId = first.frames.at(-1)?.id ?? '';
    first.close();

    const renamed = await b.as('carol', {
      method: 'PATCH',
      url: `/api/carol/tasks/${task.id}`,
      payload: { title: 'While away' },
    });
    expect(renamed.statusCode).toBe(200);
    const other = await b.createTask('carol', { title: 'Also while away' });
    const missed = await a.sql<{ id: number; entity_id: number; op: string }[]>`
      select id::int, entity_id, op from change_events
      where user_id = 'carol' and id > ${Number(lastId)} order by id`;
    expect(missed.map((row) => [row.entity_id, row.op])).toEqual([
      [task.id, 'updated'],
      [other.id, 'created'],
    ]);

    for (const resumed of [
      await open('carol', { 'last-event-id': lastId }),
      await open('carol', {}, `?after=${lastId}`),
    ]) {
      await resumed.waitForFrames(2);
      // Nothing else follows: no duplicate from the live side.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(resumed.changes()).toEqual(
        missed.map((row) => ({ id: row.id, entity: 'task', entity_id: row.entity_id, op: row.op })),
      );
      expect(resumed.frames.map((frame) => frame.id)).toEqual(missed.map((row) => String(row.id)));
      resumed.close();
    }
  });

  it('sends reset, with the newest id, when too far behind, pruned past or given an id never sent', async () => {
    const user = 'far-behind';
    await a.createUsers(user);
    const inbox = await a.inboxId(user);
    const [before] = await a.sql<
      { id: number }[]
    >`select coalesce(max(id), 0)::int as id from change_events`;
    await a.sql`insert into tasks (user_id, title, project_id)
      select ${user}, 'Imported ' || n, ${inbox} from generate_series(1, 501) as n`;
    const [latest] = await a.sql<{ id: number }[]>`select max(id)::int as id from change_events`;

    const cases = [
      { 'last-event-id': String(before?.id) }, // 501 missed: more than are sent one by one
      { 'last-event-id': String((latest?.id ?? 0) + 1000) }, // an id the log never gave
      { 'last-event-id': 'not-a-number' },
    ];
    for (const headers of cases) {
      const stream = await open(user, headers);
      const [frame] = await stream.waitForFrames(1);
      expect(frame).toEqual({ id: String(latest?.id), event: 'reset', data: '{}' });
      stream.close();
    }

    // Pruned: the changes after the page's id are gone from the log.
    const [oldest] = await a.sql<{ id: number }[]>`select min(id)::int as id from change_events`;
    await a.sql`delete from change_events where id <= ${(oldest?.id ?? 0) + 1}`;
    const stream = await open('alice', { 'last-event-id': String(oldest?.id) });
    const [frame] = await stream.waitForFrames(1);
    expect(frame?.event).toBe('reset');
    stream.close();
  });

  it('refuses without a token (401), for another user (403), and past the per-user limit (429)', async () => {
    const anonymous = await fetch(`${base}/api/alice/events`);
    expect(anonymous.status).toBe(401);
    const token = await signAccessToken(TEST_SECRET, 'bob');
    const other = await fetch(`${base}/api/alice/events`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(other.status).toBe(403);
    const badAfter = await a.as('alice', { method: 'GET', url: '/api/alice/events?after=x' });
    expectProblem(badAfter, 422);

    const user = 'many-tabs';
    await a.createUsers(user);
    const open3 = [await open(user), await open(user), await open(user)];
    expect(open3.map((stream) => stream.status)).toEqual([200, 200, 200]);
    const fourth = await open(user);
    expect(fourth.status).toBe(429);
    open3[0]?.close();
    await expect.poll(async () => (await open(user)).status).toBe(200);
  });

  it('sends a heartbeat comment while quiet, and counts open streams in live_streams_open', async () => {
    const gauge = async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      return Number(/^live_streams_open (\d+)$/m.exec(text)?.[1]);
    };
    for (const stream of streams) stream.close();
    await expect.poll(gauge).toBe(0);
    const stream = await open('alice');
    await expect.poll(() => stream.comments.length, { timeout: 2_000 }).toBeGreaterThan(1);
    expect(stream.comments[0]).toBe(': heartbeat');
    expect(await gauge()).toBe(1);
    stream.close();
    await expect.poll(gauge).toBe(0);
  });
});

describe('the LISTEN connection', () => {
  const listeners = () => a.sql`
    select pg_terminate_backend(pid) from pg_stat_activity
    where application_name = 'todo-backend-live' and datname = current_database()`;

  it('reconnects after its connection is killed and sends what was written meanwhile', async () => {
    const stream = await open('alice');
    expect((await listeners()).length).toBeGreaterThan(0);
    const task: Task = await b.createTask('alice', { title: 'Written around a reconnect' });
    await stream.waitForChange({ entity_id: task.id, op: 'created' }, 5_000);
    stream.close();
  });

  it('listens again after the database refused connections for a while, and catches up', async () => {
    const stream = await open('alice');
    const name = new URL(database.url).pathname.slice(1);
    const admin = postgres(inject('postgresServerUrl'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`alter database "${name}" allow_connections false`);
    try {
      await listeners();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Written while nobody listens: through a connection that is already open.
      await a.sql`insert into tasks (user_id, title, project_id)
        values ('alice', 'Written while deaf', ${await a.inboxId('alice')})`;
    } finally {
      await admin.unsafe(`alter database "${name}" allow_connections true`);
      await admin.end();
    }
    const [written] = await a.sql<{ id: number }[]>`
      select id from tasks where title = 'Written while deaf'`;
    await stream.waitForChange({ entity_id: written?.id, op: 'created' }, 5_000);
    stream.close();
  });
});

describe('closing', () => {
  it('ends every open stream when the app closes, without waiting for them', async () => {
    const stream = await open('alice');
    const started = Date.now();
    const closing = a.app.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(1_000);
    await closing;
  });
});
