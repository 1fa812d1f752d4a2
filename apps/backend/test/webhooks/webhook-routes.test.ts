import {
  WEBHOOK_EVENTS,
  WEBHOOK_LIMITS,
  type Webhook,
  type WebhookDelivery,
  type WebhookTestResult,
  type WebhookWithSecret,
} from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../../tests/support/webhook-receiver.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

// The routes on a real database; the app allows private hosts (the local receiver) unless said.
let t: TestApp;
let strict: TestApp;
let receiver: WebhookReceiver;
const url = (user: string, rest = '') => `/api/${user}/webhooks${rest}`;
const create = (user: string, payload: object, app = t) =>
  app.as(user, { method: 'POST', url: url(user), payload });

async function hookOf(user: string, body: object = {}): Promise<WebhookWithSecret> {
  const response = await create(user, { url: `${receiver.origin}/hooks/${user}`, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<WebhookWithSecret>();
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await buildTestApp();
  await t.createUsers('alice', 'bob', 'many');
  // As production without OUTBOUND_ALLOW_PRIVATE: https only, no internal hosts.
  strict = await buildTestApp({
    databaseUrl: t.database.url,
    outbound: { httpsOnly: true, allowPrivate: false },
  });
});
afterAll(async () => {
  await strict?.close();
  await t?.close();
  await receiver?.close();
});

describe('creating a webhook', () => {
  it('answers 201 with a whsec_ secret once; the list never shows it', async () => {
    const hook = await hookOf('alice', { events: ['task.completed'] });
    expect(hook).toEqual({
      id: expect.any(Number),
      url: `${receiver.origin}/hooks/alice`,
      events: ['task.completed'],
      active: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    });
    const list = await t.as('alice', { method: 'GET', url: url('alice') });
    const { secret: _secret, ...shown } = hook;
    expect(list.json<{ items: Webhook[] }>().items).toEqual([shown]);
    expect(list.body).not.toContain(hook.secret);
  });

  it('subscribes to every task event when the body names none', async () => {
    expect((await hookOf('bob')).events).toEqual([...WEBHOOK_EVENTS]);
  });

  it('refuses a bad body with 422 and keeps nothing', async () => {
    const before = await t.sql`select count(*)::int as n from webhooks`;
    for (const payload of [
      {},
      { url: '' },
      { url: `${receiver.origin}/x`, events: [] },
      { url: `${receiver.origin}/x`, events: ['task.exploded'] },
      { url: `${receiver.origin}/x`, events: ['task.created', 'task.created'] },
      { url: `${receiver.origin}/x`, secret: 'mine' },
      { url: `${receiver.origin}/${'x'.repeat(WEBHOOK_LIMITS.urlMax)}` },
    ]) {
      expectProblem(await create('alice', payload), 422);
    }
    expect(await t.sql`select count(*)::int as n from webhooks`).toEqual(before);
  });

  it('refuses private, loopback and link-local targets without the operator’s allowance', async () => {
    for (const target of [
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://localhost/hook',
    ]) {
      const problem = expectProblem(await create('alice', { url: target }, strict), 422);
      expect(problem.detail, target).toMatch(/^url: host .* (private|could not be resolved)/);
    }
    expectProblem(await create('alice', { url: 'http://93.184.215.14/hook' }, strict), 422);
    expectProblem(await create('alice', { url: 'ftp://93.184.215.14/hook' }, strict), 422);
    const problem = expectProblem(
      await create('alice', { url: 'https://user:pw@93.184.215.14/hook' }, strict),
      422,
    );
    expect(problem.detail).toBe('url: must not hold a user name or password');
  });

  it(`keeps at most ${WEBHOOK_LIMITS.perUser} per user: 409 beyond, even when asked at once`, async () => {
    const answers = await Promise.all(
      Array.from({ length: WEBHOOK_LIMITS.perUser + 3 }, () =>
        create('many', { url: `${receiver.origin}/many` }),
      ),
    );
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes.filter((code) => code === 201)).toHaveLength(WEBHOOK_LIMITS.perUser);
    expect(codes.filter((code) => code === 409)).toHaveLength(3);
  });
});

describe('one webhook', () => {
  it('updates URL, events and active; 404 for another user’s hook, which stays as it was', async () => {
    const hook = await hookOf('alice');
    const patch = await t.as('alice', {
      method: 'PATCH',
      url: url('alice', `/${hook.id}`),
      payload: { active: false, events: ['task.deleted'] },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({ id: hook.id, active: false, events: ['task.deleted'] });
    expectProblem(
      await t.as('alice', { method: 'PATCH', url: url('alice', `/${hook.id}`), payload: {} }),
      422,
    );
    for (const [method, rest, payload] of [
      ['PATCH', '', { active: true }],
      ['DELETE', '', undefined],
      ['POST', '/rotate-secret', undefined],
      ['GET', '/deliveries', undefined],
      ['POST', '/test', undefined],
    ] as const) {
      const answer = await t.as('bob', {
        method,
        url: url('bob', `/${hook.id}${rest}`),
        ...(payload ? { payload } : {}),
      });
      expect(expectProblem(answer, 404).detail, `${method} ${rest}`).toBe('No such webhook');
    }
    // Nor through alice's path with bob's token.
    expectProblem(await t.as('bob', { method: 'DELETE', url: url('alice', `/${hook.id}`) }), 403);
    const [row] =
      await t.sql`select active, events::text[] as events from webhooks where id = ${hook.id}`;
    expect(row).toEqual({ active: false, events: ['task.deleted'] });
  });

  it('refuses a new private URL on update without the allowance', async () => {
    const hook = await hookOf('alice');
    const answer = await strict.as('alice', {
      method: 'PATCH',
      url: url('alice', `/${hook.id}`),
      payload: { url: 'https://10.0.0.1/x' },
    });
    expectProblem(answer, 422);
    const [row] = await t.sql`select url from webhooks where id = ${hook.id}`;
    expect(row?.url).toBe(hook.url);
  });

  it('rotates the secret: a new one, answered once', async () => {
    const hook = await hookOf('alice');
    const answer = await t.as('alice', {
      method: 'POST',
      url: url('alice', `/${hook.id}/rotate-secret`),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const rotated = answer.json<WebhookWithSecret>();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    const [row] = await t.sql`select secret from webhooks where id = ${hook.id}`;
    expect(row?.secret).toBe(rotated.secret);
  });

  it('deletes it with its delivery log', async () => {
    const hook = await hookOf('alice');
    const deleted = await t.as('alice', { method: 'DELETE', url: url('alice', `/${hook.id}`) });
    expect(deleted.statusCode).toBe(204);
    expectProblem(await t.as('alice', { method: 'DELETE', url: url('alice', `/${hook.id}`) }), 404);
    expectProblem(
      await t.as('alice', { method: 'GET', url: url('alice', `/${hook.id}/deliveries`) }),
      404,
    );
  });

  it('sends a signed ping on test and answers how the receiver took it', async () => {
    const hook = await hookOf('alice');
    receiver.answer(`/hooks/alice`, [503]);
    const failed = await t.as('alice', { method: 'POST', url: url('alice', `/${hook.id}/test`) });
    expect(failed.json<WebhookTestResult>()).toEqual({
      delivered: false,
      response_status: 503,
      error: 'answered 503: answered 503',
    });
    const ok = await t.as('alice', { method: 'POST', url: url('alice', `/${hook.id}/test`) });
    expect(ok.json<WebhookTestResult>()).toEqual({
      delivered: true,
      response_status: 200,
      error: null,
    });
    const ping = receiver.received.at(-1);
    expect(ping?.headers['x-todo-event']).toBe('ping');
    expect(JSON.parse(ping?.body ?? '')).toMatchObject({
      event: 'ping',
      data: { webhook: { id: hook.id } },
    });
    // A test is not a delivery: the log stays empty.
    const log = await t.as('alice', { method: 'GET', url: url('alice', `/${hook.id}/deliveries`) });
    expect(log.json<{ items: WebhookDelivery[] }>().items).toEqual([]);
  });
});
