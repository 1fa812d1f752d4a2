import { Agent } from 'node:https';
import type { PushDevice, PushPayload } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PushService, startPushService } from '../../../../tests/support/push-service.js';
import { NO_CHANNELS } from '../../src/notifications/channel-status.js';
import { createPushChannel } from '../../src/notifications/push-channel.js';
import { deriveVapidKeys } from '../../src/notifications/vapid-keys.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

// POST /api/:user_id/push-subscriptions/:id/test against the local push service, which checks
// the VAPID signature and decrypts what arrives with the subscription's keys.

let t: TestApp;
let service: PushService;
let agent: Agent;
const keys = deriveVapidKeys('test-push-secret-of-at-least-32-characters');

const url = (user: string, rest = '') => `/api/${user}/push-subscriptions${rest}`;
const testPush = (user: string, id: number) =>
  t.as(user, { method: 'POST', url: url(user, `/${id}/test`) });

async function subscribe(user: string): Promise<{ device: PushDevice; endpoint: string }> {
  const subscription = service.subscription();
  const response = await t.as(user, { method: 'POST', url: url(user), payload: subscription });
  expect(response.statusCode, response.body).toBe(201);
  return { device: response.json<PushDevice>(), endpoint: subscription.endpoint };
}

beforeAll(async () => {
  service = await startPushService();
  agent = new Agent({ ca: service.ca });
  const push = createPushChannel(
    { ...keys, subject: 'mailto:ops@example.test', keysDerived: true },
    { agent },
  );
  t = await buildTestApp({ channels: { ...NO_CHANNELS, push } });
  await t.createUsers('alice', 'bob');
});
afterAll(async () => {
  await t?.close();
  agent?.destroy();
  await service?.close();
});

describe('POST /api/:user_id/push-subscriptions/:id/test', () => {
  it('sends a test push now: 202, decrypted by the push service, recorded, last success set', async () => {
    const { device, endpoint } = await subscribe('alice');
    const response = await testPush('alice', device.id);
    expect(response.statusCode, response.body).toBe(202);
    const [push] = service.messages<PushPayload>().filter((p) => p.endpoint === endpoint);
    expect(push?.payload).toMatchObject({ type: 'test', task_id: null, tag: `test-${device.id}` });
    const deliveries = await t.sql`
      select kind, channel, target, status from deliveries where user_id = 'alice'`;
    expect(deliveries).toEqual([
      { kind: 'test', channel: 'push', target: String(device.id), status: 'sent' },
    ]);
    const [listed] = (await t.as('alice', { method: 'GET', url: url('alice') })).json<{
      items: PushDevice[];
    }>().items;
    expect(listed?.last_success_at).not.toBeNull();
    // A second press sends a second push (each press is its own delivery).
    expect((await testPush('alice', device.id)).statusCode).toBe(202);
    expect(service.received.filter((p) => p.endpoint === endpoint)).toHaveLength(2);
  });

  it('a subscription the push service calls gone (410) is removed: 404', async () => {
    const { device, endpoint } = await subscribe('alice');
    service.answer(410, endpoint);
    const response = await testPush('alice', device.id);
    expect(expectProblem(response, 404).detail).toMatch(/no longer has this subscription/);
    expect(await t.sql`select id from push_subscriptions where id = ${device.id}`).toEqual([]);
  });

  it('a push service that refuses (500) is a 502 problem, and the device stays', async () => {
    const { device, endpoint } = await subscribe('alice');
    service.answer(500, endpoint);
    expectProblem(await testPush('alice', device.id), 502);
    expect(await t.sql`select id from push_subscriptions where id = ${device.id}`).toHaveLength(1);
  });

  it('another user’s device is a 404, and nothing is sent to it', async () => {
    const { device, endpoint } = await subscribe('bob');
    expectProblem(await testPush('alice', device.id), 404);
    expect(service.received.filter((p) => p.endpoint === endpoint)).toEqual([]);
    expectProblem(
      await t.as('alice', { method: 'POST', url: url('bob', `/${device.id}/test`) }),
      403,
    );
    const anonymous = await t.app.inject({ method: 'POST', url: url('bob', `/${device.id}/test`) });
    expectProblem(anonymous, 401);
  });

  it('checks the endpoint again at send time: a host now refused gets nothing (422)', async () => {
    const { device, endpoint } = await subscribe('bob');
    const guarded = await buildTestApp({
      databaseUrl: t.database.url,
      outbound: { httpsOnly: true, allowPrivate: false },
      channels: {
        ...NO_CHANNELS,
        push: createPushChannel(
          { ...keys, subject: 'mailto:o@example.test', keysDerived: true },
          { agent },
        ),
      },
    });
    try {
      const response = await guarded.as('bob', {
        method: 'POST',
        url: url('bob', `/${device.id}/test`),
      });
      expect(expectProblem(response, 422).detail).toMatch(/internal address; remove this device$/);
      expect(service.received.filter((p) => p.endpoint === endpoint)).toEqual([]);
    } finally {
      await guarded.close();
    }
  });

  it('a server without push answers 409', async () => {
    const bare = await buildTestApp({ databaseUrl: t.database.url });
    try {
      const { device } = await subscribe('bob');
      const response = await bare.as('bob', {
        method: 'POST',
        url: url('bob', `/${device.id}/test`),
      });
      expect(expectProblem(response, 409).detail).toMatch(/not set up/);
    } finally {
      await bare.close();
    }
  });
});
