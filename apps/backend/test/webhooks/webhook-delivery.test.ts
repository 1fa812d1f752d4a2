import { createHmac } from 'node:crypto';
import type { Task, WebhookWithSecret } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../../tests/support/webhook-receiver.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

// The whole path on a real database and pg-boss: a task write, the trigger's change event, the
// dispatcher, the queue, and a POST to a local receiver. Retries are quick here: three attempts,
// the first retry 1-2 s after the first, the second 2-4 s after that.
let t: TestApp;
let receiver: WebhookReceiver;
const MAX_ATTEMPTS = 3;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await buildTestApp({
    reminders: { workers: true, jobTimeoutSeconds: 30 },
    webhooks: { maxAttempts: MAX_ATTEMPTS, retryDelaySeconds: 1, sweepMs: 1_000 },
  });
  await t.createUsers('alice', 'bob', 'carol');
});
afterAll(async () => {
  await t?.close();
  await receiver?.close();
});

async function hookOf(user: string, path: string, body: object = {}) {
  const response = await t.as(user, {
    method: 'POST',
    url: `/api/${user}/webhooks`,
    payload: { url: `${receiver.origin}${path}`, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<WebhookWithSecret>();
}

const at = (path: string) => receiver.received.filter((request) => request.path === path);

/** Waits until `count` requests reached `path`. */
async function arrivedAt(path: string, count: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (at(path).length < count) {
    if (Date.now() > deadline) {
      throw new Error(`${at(path).length} of ${count} requests reached ${path}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return at(path);
}

const deliveriesOf = (hookId: number) =>
  t.sql<
    {
      event: string;
      status: string;
      attempts: number;
      response_status: number | null;
      error: string | null;
    }[]
  >`
    select event::text, status::text, attempts, response_status, error
    from webhook_deliveries where webhook_id = ${hookId} order by id`;

/** The signature a receiver computes from the secret, the timestamp header and the raw body. */
function expectSigned(request: ReceivedWebhook, secret: string) {
  const timestamp = String(request.headers['x-todo-timestamp']);
  const expected = createHmac('sha256', secret)
    .update(`${timestamp}.${request.body}`)
    .digest('hex');
  expect(request.headers['x-todo-signature']).toBe(`sha256=${expected}`);
  expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(120);
}

describe('webhook deliveries', () => {
  it('POSTs each task event once, signed, with the task as the API shows it', async () => {
    const hook = await hookOf('alice', '/alice');
    const task = await t.createTask('alice', { title: 'Water the plants', tags: ['home'] });
    const renamed = await t.as('alice', {
      method: 'PATCH',
      url: `/api/alice/tasks/${task.id}`,
      payload: { title: 'Water the ferns' },
    });
    const completed = await t.as('alice', {
      method: 'PATCH',
      url: `/api/alice/tasks/${task.id}/complete`,
    });
    await t.as('alice', { method: 'DELETE', url: `/api/alice/tasks/${task.id}` });
    const requests = await arrivedAt('/alice', 4);
    const byEvent = new Map(
      requests.map((request) => [request.headers['x-todo-event'], request] as const),
    );
    expect([...byEvent.keys()].sort()).toEqual([
      'task.completed',
      'task.created',
      'task.deleted',
      'task.updated',
    ]);
    for (const request of requests) {
      expectSigned(request, hook.secret);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['user-agent']).toBe('todo-webhooks/1');
      const body = JSON.parse(request.body);
      expect(body).toEqual({
        id: request.headers['x-todo-delivery'],
        event: request.headers['x-todo-event'],
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        data: { task: expect.any(Object) },
      });
    }
    const bodyOf = (event: string) => JSON.parse(byEvent.get(event)?.body ?? '{}').data.task;
    expect(bodyOf('task.created')).toEqual(task);
    expect(bodyOf('task.updated')).toEqual(renamed.json<Task>());
    expect(bodyOf('task.completed')).toEqual(completed.json<Task>());
    // A deleted task is no more than its id and title.
    expect(bodyOf('task.deleted')).toEqual({ id: task.id, title: 'Water the ferns' });
    // The row is marked after the answer came.
    await waitFor(async () =>
      (await deliveriesOf(hook.id)).every((row) => row.status === 'succeeded'),
    );
    expect(await deliveriesOf(hook.id)).toHaveLength(4);
    // Nothing arrives twice.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(at('/alice')).toHaveLength(4);
  });

  it('sends only the events a hook subscribes to, and never another user’s', async () => {
    await hookOf('bob', '/bob-completed', { events: ['task.completed'] });
    await hookOf('carol', '/carol');
    const bobs = await t.createTask('bob', { title: 'Bob’s secret plan' });
    await t.as('bob', { method: 'PATCH', url: `/api/bob/tasks/${bobs.id}/complete` });
    await t.createTask('carol', { title: 'Carol’s own' });
    const [completed] = await arrivedAt('/bob-completed', 1);
    expect(JSON.parse(completed?.body ?? '').data.task.id).toBe(bobs.id);
    const [carols] = await arrivedAt('/carol', 1);
    expect(JSON.parse(carols?.body ?? '').data.task.title).toBe('Carol’s own');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(at('/bob-completed')).toHaveLength(1);
    expect(at('/carol')).toHaveLength(1);
    expect(receiver.received.filter((request) => request.body.includes('secret plan'))).toEqual([
      completed,
    ]);
  });

  it('sends nothing to an inactive hook', async () => {
    const hook = await hookOf('carol', '/carol-off', { active: false });
    await t.createTask('carol', { title: 'Unseen' });
    await hookOf('carol', '/carol-on');
    await t.createTask('carol', { title: 'Seen' });
    await arrivedAt('/carol-on', 1);
    expect(at('/carol-off')).toEqual([]);
    expect(await deliveriesOf(hook.id)).toEqual([]);
  });

  it('retries after 500s with backoff and records the success', { timeout: 60_000 }, async () => {
    const hook = await hookOf('alice', '/flaky', { events: ['task.created'] });
    receiver.answer('/flaky', [500, 500]);
    await t.createTask('alice', { title: 'Third time lucky' });
    const requests = await arrivedAt('/flaky', 3, 30_000);
    expect(requests.map((request) => request.status)).toEqual([500, 500, 200]);
    expect(new Set(requests.map((request) => request.headers['x-todo-delivery'])).size).toBe(1);
    // pg-boss's backoff: the first retry waits 1-2 s, the second 2-4 s (retryDelaySeconds 1).
    const [first = 0, second = 0, third = 0] = requests.map((request) =>
      Number(request.headers['x-todo-timestamp']),
    );
    expect(second - first).toBeGreaterThanOrEqual(1);
    expect(third - second).toBeGreaterThanOrEqual(2);
    await waitFor(async () => (await deliveriesOf(hook.id))[0]?.status === 'succeeded');
    expect(await deliveriesOf(hook.id)).toEqual([
      {
        event: 'task.created',
        status: 'succeeded',
        attempts: 3,
        response_status: 200,
        error: null,
      },
    ]);
  });

  it('fails a delivery for good after the last attempt, with the receiver’s answer', async () => {
    const hook = await hookOf('alice', '/down', { events: ['task.created'] });
    receiver.answer('/down', [500, 502, 503]);
    await t.createTask('alice', { title: 'Never lands' });
    await arrivedAt('/down', MAX_ATTEMPTS, 30_000);
    await waitFor(async () => (await deliveriesOf(hook.id))[0]?.status === 'failed');
    expect(await deliveriesOf(hook.id)).toEqual([
      {
        event: 'task.created',
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        response_status: 503,
        error: 'answered 503: answered 503',
      },
    ]);
    // No attempt after the last.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(at('/down')).toHaveLength(MAX_ATTEMPTS);
  }, 60_000);

  it('lists the log through the API, newest first', async () => {
    const hook = await hookOf('bob', '/bob-log', { events: ['task.created'] });
    await t.createTask('bob', { title: 'One' });
    await t.createTask('bob', { title: 'Two' });
    await arrivedAt('/bob-log', 2);
    await waitFor(async () =>
      (await deliveriesOf(hook.id)).every((row) => row.status === 'succeeded'),
    );
    const log = await t.as('bob', {
      method: 'GET',
      url: `/api/bob/webhooks/${hook.id}/deliveries`,
    });
    const items = log.json<{ items: { delivery_id: string; status: string; attempts: number }[] }>()
      .items;
    expect(items.map((item) => [item.status, item.attempts])).toEqual([
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
    const sent = at('/bob-log').map((request) => request.headers['x-todo-delivery']);
    expect(items.map((item) => item.delivery_id).sort()).toEqual(sent.sort());
  });
});

describe('webhook metrics', () => {
  it('count deliveries queued and attempts by outcome on GET /metrics', async () => {
    const { body } = await t.app.inject({ method: 'GET', url: '/metrics' });
    const value = (line: string) => Number(new RegExp(`^${line} (\\d+)$`, 'm').exec(body)?.[1]);
    // What the tests above sent: the flaky and the failing hook's retries, the final failure.
    expect(value('webhook_deliveries_queued_total')).toBeGreaterThanOrEqual(10);
    expect(value('webhook_attempts_total\\{outcome="succeeded"\\}')).toBeGreaterThanOrEqual(8);
    expect(value('webhook_attempts_total\\{outcome="retry"\\}')).toBe(4);
    expect(value('webhook_attempts_total\\{outcome="failed"\\}')).toBe(1);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
