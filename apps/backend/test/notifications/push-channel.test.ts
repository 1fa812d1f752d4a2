import { Agent } from 'node:https';
import type { PushPayload } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PushService, startPushService } from '../../../../tests/support/push-service.js';
import type { PushTarget } from '../../src/notifications/channel.js';
import { createPushChannel } from '../../src/notifications/push-channel.js';
import { deriveVapidKeys } from '../../src/notifications/vapid-keys.js';

const keys = deriveVapidKeys('push-channel-test-secret-of-32-characters-or-more');
const config = { ...keys, subject: 'mailto:ops@example.test', keysDerived: true };

const payload: PushPayload = {
  type: 'reminder',
  tag: 'reminder-7-2026-12-01T09:00:00.000Z',
  title: 'Water the plants',
  body: 'Due 10:00',
  task_id: 7,
  due_at: '2026-12-01T09:00:00.000Z',
  late: false,
  url: '/tasks/7',
};
const options = { topic: 'reminder-7', ttlSeconds: 3600, urgency: 'high' as const };

let service: PushService;
let agent: Agent;

function target(): PushTarget {
  const subscription = service.subscription();
  return { id: 1, endpoint: subscription.endpoint, ...subscription.keys };
}

beforeAll(async () => {
  service = await startPushService();
  agent = new Agent({ ca: service.ca });
});
afterAll(async () => {
  agent.destroy();
  await service.close();
});

describe('push channel', () => {
  it('delivers an encrypted, VAPID-signed push that the service decrypts', async () => {
    const channel = createPushChannel(config, { agent });
    expect(channel.available).toBe(true);
    expect(channel.publicKey).toBe(keys.publicKey);
    const to = target();
    expect(await channel.send(to, payload, options)).toEqual({ status: 'sent' });
    const [push] = service.messages<PushPayload>().filter((p) => p.endpoint === to.endpoint);
    expect(push).toMatchObject({ payload, topic: 'reminder-7', ttl: 3600, urgency: 'high' });
  });

  it('checks the SSRF guard before every send: an endpoint that now resolves inside is not sent to', async () => {
    const to = target();
    const guarded = createPushChannel(config, {
      agent,
      outbound: { httpsOnly: true, allowPrivate: false },
    });
    const outcome = await guarded.send(to, payload, options);
    expect(outcome).toMatchObject({ status: 'failed', retry: false });
    expect(outcome.status === 'failed' && outcome.error).toMatch(/^push endpoint host .* internal/);
    expect(service.received.filter((p) => p.endpoint === to.endpoint)).toEqual([]);
    // The same endpoint, allowed by the operator (OUTBOUND_ALLOW_PRIVATE), is sent to.
    const allowed = createPushChannel(config, {
      agent,
      outbound: { httpsOnly: true, allowPrivate: true },
    });
    expect(await allowed.send(to, payload, options)).toEqual({ status: 'sent' });
  });

  it('hashes a topic that RFC 8030 would not accept into one it does', async () => {
    const to = target();
    const outcome = await createPushChannel(config, { agent }).send(to, payload, {
      ...options,
      topic: 'reminder:7 at 2026-12-01T09:00:00.000Z',
    });
    expect(outcome).toEqual({ status: 'sent' });
    const push = service.received.find((p) => p.endpoint === to.endpoint);
    expect(push?.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it.each([
    [404, { status: 'gone' }],
    [410, { status: 'gone' }],
    [500, { status: 'failed', retry: true }],
    [503, { status: 'failed', retry: true }],
    [429, { status: 'failed', retry: true }],
    [400, { status: 'failed', retry: false }],
    [413, { status: 'failed', retry: false }],
  ])('reads a %i answer as %o', async (status, expected) => {
    const to = target();
    service.answer(status, to.endpoint);
    const outcome = await createPushChannel(config, { agent }).send(to, payload, options);
    expect(outcome).toMatchObject(expected);
  });

  it('is refused by the service when signed with a key other than the one it names', async () => {
    const other = deriveVapidKeys('another-secret-that-is-32-characters-long!');
    const channel = createPushChannel({ ...config, publicKey: other.publicKey }, { agent });
    const to = target();
    const outcome = await channel.send(to, payload, options);
    expect(outcome).toMatchObject({ status: 'failed', retry: false });
    expect(service.refused.find((r) => r.endpoint === to.endpoint)).toMatchObject({
      status: 403,
      reason: 'the signature does not verify with k',
    });
    expect(service.received.some((p) => p.endpoint === to.endpoint)).toBe(false);
  });

  it('gives up on a push service that does not answer, to retry later', async () => {
    const to = target();
    const held = service.hold();
    const started = Date.now();
    const sending = createPushChannel(config, { agent, timeoutMs: 500 }).send(to, payload, options);
    await held.arrived;
    const outcome = await sending;
    held.release();
    expect(outcome).toMatchObject({ status: 'failed', retry: true });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('retries when the push service cannot be reached', async () => {
    const closed = await startPushService();
    const to = closed.subscription();
    await closed.close();
    const outcome = await createPushChannel(config, { agent }).send(
      { id: 1, endpoint: to.endpoint, ...to.keys },
      payload,
      options,
    );
    expect(outcome).toMatchObject({ status: 'failed', retry: true });
  });

  it('does not retry a subscription whose keys are not P-256 keys', async () => {
    const outcome = await createPushChannel(config, { agent }).send(
      { ...target(), p256dh: 'AAAA' },
      payload,
      options,
    );
    expect(outcome).toMatchObject({ status: 'failed', retry: false });
  });
});
