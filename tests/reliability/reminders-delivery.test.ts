import { type PushPayload, signAccessToken, type Task } from '@todo/contract';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type PushService, startPushService } from '../support/push-service.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { insertUsers } from './support/accounting.js';
import { type BackendProcess, startBackend, TEST_SECRET } from './support/backend.js';

// Reminders from real backend processes (the production build) on real PostgreSQL, pushed to a
// local push service that checks VAPID and decrypts each message: every firing arrives once.
const USER = 'reminded-reliably';
const JOB_TIMEOUT_SECONDS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

describe('reminder delivery across backend processes (production build, real PostgreSQL)', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  let push: PushService;
  let backends: BackendProcess[] = [];
  let token: string;

  const start = (env: Record<string, string> = {}) =>
    startBackend({
      databaseUrl: database.url,
      logLevel: 'info',
      env: {
        REMINDER_JOB_TIMEOUT_SECONDS: String(JOB_TIMEOUT_SECONDS),
        NODE_EXTRA_CA_CERTS: push.caFile,
        // The local push service is on 127.0.0.1: allowed as an operator allows one (every push
        // checks the SSRF guard right before it is sent).
        OUTBOUND_ALLOW_PRIVATE: 'true',
        ...env,
      },
    });
  const startTwo = async () => {
    backends = await Promise.all([start(), start()]);
  };
  const stopAll = async () => {
    await Promise.all(backends.map((backend) => backend.stop(5_000)));
    backends = [];
  };

  async function request<T>(method: string, path: string, body?: object): Promise<T> {
    const backend = backends[0];
    if (!backend) throw new Error('no backend is running');
    const response = await fetch(`${backend.url}/api/${USER}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
  const createTask = (body: object) => request<Task>('POST', '/tasks', body);

  /** The pushes that arrived for one reminder, any firing. */
  const pushesFor = (reminderId: number) =>
    push
      .messages<PushPayload>()
      .filter((message) => message.payload.tag.startsWith(`reminder-${reminderId}-`));
  const deliveries = (reminderId: number) =>
    sql<{ status: string; late: boolean; fire_at: Date }[]>`
      select status, late, fire_at from deliveries where reminder_id = ${reminderId}`;
  async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(200);
    }
  }

  beforeAll(async () => {
    push = await startPushService();
    database = await createTestDatabase(inject('postgresServerUrl'));
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    await insertUsers(sql, [USER]);
    const device = push.subscription();
    await sql`insert into push_subscriptions (user_id, endpoint, p256dh, auth, label)
      values (${USER}, ${device.endpoint}, ${device.keys.p256dh}, ${device.keys.auth}, 'Test phone')`;
    token = await signAccessToken(TEST_SECRET, USER);
    await startTwo();
  });

  afterAll(async () => {
    await stopAll();
    await sql?.end({ timeout: 5 });
    await database?.drop();
    await push?.close();
  });

  it('two processes: a reminder due in a few seconds arrives exactly once', async () => {
    const task = await createTask({
      title: 'Two replicas, one push',
      reminders: [{ kind: 'at', at: inSeconds(3) }],
    });
    const id = task.reminders[0]?.id ?? 0;
    await until(() => pushesFor(id).length > 0, 30_000, 'the push');
    // Both replicas poll every second: give the other every chance to send it again.
    await sleep(5_000);
    expect(pushesFor(id).map((message) => message.payload.title)).toEqual([
      'Two replicas, one push',
    ]);
    expect(pushesFor(id)[0]).toMatchObject({ urgency: 'high', status: 201 });
    expect(await deliveries(id)).toMatchObject([{ status: 'sent', late: false }]);
  });

  it('kill -9 of the process holding the job mid-delivery: the other does not send it again', async () => {
    const held = push.hold();
    const task = await createTask({
      title: 'Killed mid-request',
      reminders: [{ kind: 'at', at: inSeconds(2) }],
    });
    const id = task.reminders[0]?.id ?? 0;
    await held.arrived;
    const holder = backends.find((backend) =>
      backend
        .logLines()
        .some((line) => line.msg === 'delivering reminder' && line.reminderId === id),
    );
    if (!holder) throw new Error('no backend logged the delivery');
    holder.child.kill('SIGKILL');
    await holder.closed;
    held.release();
    const survivor = backends.find((backend) => backend !== holder);
    // The job expires (REMINDER_JOB_TIMEOUT_SECONDS), maintenance hands it back, the survivor
    // works it, finds the delivery still `sending` and marks it unconfirmed instead of resending.
    await until(
      async () => (await deliveries(id))[0]?.status === 'unconfirmed',
      40_000,
      'the survivor to find the delivery',
    );
    expect(
      survivor
        ?.logLines()
        .some((line) => line.msg === 'delivering reminder' && line.reminderId === id),
    ).toBe(true);
    await sleep(2_000);
    expect(pushesFor(id)).toHaveLength(1);
    const [job] = await sql`select state from pgboss.job where data->>'reminderId' = ${String(id)}`;
    expect(job).toEqual({ state: 'completed' });
    backends = backends.filter((backend) => backend !== holder);
    backends.push(await start());
  });

  it('editing the due time moves it; completing cancels it', async () => {
    const moved = await createTask({
      title: 'Moved',
      due_at: inSeconds(3),
      reminders: [{ kind: 'due' }],
    });
    const cancelled = await createTask({
      title: 'Completed first',
      due_at: inSeconds(3),
      reminders: [{ kind: 'due' }],
    });
    const later = new Date(Date.now() + 9_000);
    later.setMilliseconds(0);
    await request('PATCH', `/tasks/${moved.id}`, { due_at: later.toISOString() });
    await request('PATCH', `/tasks/${cancelled.id}/complete`);
    const movedId = moved.reminders[0]?.id ?? 0;
    // Past the first due time: nothing for either.
    await sleep(5_500);
    expect(pushesFor(movedId)).toEqual([]);
    await until(() => pushesFor(movedId).length > 0, 30_000, 'the moved push');
    expect(pushesFor(movedId).map((message) => message.payload.tag)).toEqual([
      `reminder-${movedId}-${later.toISOString()}`,
    ]);
    expect(pushesFor(cancelled.reminders[0]?.id ?? 0)).toEqual([]);
  });

  it('a reminder due while every replica was down is sent once when one returns, marked late', async () => {
    await stopAll();
    // Written through a replica that delivers nothing, a reminder that fell due 55 s ago (a
    // write may set one up to a minute past): by the time the workers are back it is late.
    backends = [await start({ REMINDER_WORKERS: 'false' })];
    const task = await createTask({
      title: 'Nobody was running',
      reminders: [{ kind: 'at', at: inSeconds(-55) }],
    });
    const id = task.reminders[0]?.id ?? 0;
    expect(task.reminders[0]?.fire_at).not.toBeNull();
    await stopAll();
    await sleep(6_000);
    expect(pushesFor(id)).toEqual([]);
    await startTwo();
    await until(() => pushesFor(id).length > 0, 30_000, 'the late push');
    await sleep(3_000);
    expect(pushesFor(id)).toHaveLength(1);
    expect(pushesFor(id)[0]?.payload).toMatchObject({ late: true });
    expect(await deliveries(id)).toMatchObject([{ status: 'sent', late: true }]);
    const metrics = await (await fetch(`${backends[0]?.url}/metrics`)).text();
    const other = await (await fetch(`${backends[1]?.url}/metrics`)).text();
    const late = (text: string) =>
      Number(/^reminders_late_total\{channel="push"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    expect(late(metrics) + late(other)).toBe(1);
  });
});
