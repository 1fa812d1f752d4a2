import { type PushDevice, REMINDER_LIMITS } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const url = (user: string, rest = '') => `/api/${user}/push-subscriptions${rest}`;
const list = async (user: string) =>
  (await t.as(user, { method: 'GET', url: url(user) })).json<{ items: PushDevice[] }>().items;
const subscribe = (user: string, payload: object) =>
  t.as(user, { method: 'POST', url: url(user), payload });

let endpoints = 0;
/** A subscription as a browser's toJSON() gives it, on the local push service's address. */
function subscription(overrides: object = {}) {
  endpoints += 1;
  return {
    endpoint: `http://127.0.0.1:9/push/${endpoints}`,
    expirationTime: null,
    keys: { p256dh: `p256dh-${endpoints}`, auth: `auth-${endpoints}` },
    ...overrides,
  };
}

const stored = (endpoint: string) =>
  t.sql`select user_id, p256dh, auth, label from push_subscriptions where endpoint = ${endpoint}`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'bob', 'many');
});
afterAll(async () => t?.close());

describe('POST /api/:user_id/push-subscriptions', () => {
  it('stores a new subscription: 201 with the device, listed after', async () => {
    const body = subscription({ label: 'Chrome on Linux' });
    const response = await subscribe('alice', body);
    expect(response.statusCode, response.body).toBe(201);
    const device = response.json<PushDevice>();
    expect(device).toEqual({
      id: expect.any(Number),
      label: 'Chrome on Linux',
      created_at: expect.any(String),
      last_success_at: null,
    });
    expect(await list('alice')).toEqual([device]);
    expect(await stored(body.endpoint)).toEqual([
      {
        user_id: 'alice',
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
        label: 'Chrome on Linux',
      },
    ]);
  });

  it('names a device sent without a label "Browser"', async () => {
    const response = await subscribe('alice', subscription());
    expect(response.json()).toMatchObject({ label: 'Browser' });
  });

  it('the same browser again updates its keys (200, same id), keeping its label', async () => {
    const body = subscription({ label: 'Firefox' });
    const first = (await subscribe('alice', body)).json<PushDevice>();
    const again = await subscribe('alice', {
      ...body,
      label: undefined,
      keys: { p256dh: 'new', auth: 'new' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, label: 'Firefox' });
    expect(await stored(body.endpoint)).toEqual([
      { user_id: 'alice', p256dh: 'new', auth: 'new', label: 'Firefox' },
    ]);
  });

  it('the same browser signed in as someone else moves to them', async () => {
    const body = subscription();
    const first = (await subscribe('alice', body)).json<PushDevice>();
    const moved = await subscribe('bob', body);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ id: first.id });
    expect((await list('alice')).map((device) => device.id)).not.toContain(first.id);
    expect((await list('bob')).map((device) => device.id)).toContain(first.id);
  });

  it(`allows ${REMINDER_LIMITS.devicesMax} devices, answers 409 beyond, and still updates one of them`, async () => {
    const bodies = Array.from({ length: REMINDER_LIMITS.devicesMax }, () => subscription());
    // At once: the limit holds under concurrent subscribes too.
    const answers = await Promise.all([
      ...bodies.map((body) => subscribe('many', body)),
      subscribe('many', subscription()),
      subscribe('many', subscription()),
    ]);
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes.filter((code) => code === 201)).toHaveLength(REMINDER_LIMITS.devicesMax);
    expect(codes.filter((code) => code === 409)).toHaveLength(2);
    for (const answer of answers.filter((a) => a.statusCode === 409)) {
      expect(expectProblem(answer, 409).detail).toMatch(/remove one/);
    }
    expect(await list('many')).toHaveLength(REMINDER_LIMITS.devicesMax);
    const [kept] = await t.sql<{ endpoint: string }[]>`
      select endpoint from push_subscriptions where user_id = 'many' limit 1`;
    if (!kept) throw new Error('nothing stored');
    const again = await subscribe('many', {
      endpoint: kept.endpoint,
      keys: { p256dh: 'x', auth: 'y' },
    });
    expect(again.statusCode).toBe(200);
  });

  it.each([
    ['no endpoint', { keys: { p256dh: 'a', auth: 'b' } }],
    ['no keys', { endpoint: 'https://push.example.com/1' }],
    ['an empty key', { endpoint: 'https://push.example.com/1', keys: { p256dh: '', auth: 'b' } }],
    [
      'an endpoint over 1000 characters',
      { endpoint: `https://p.example.com/${'x'.repeat(1000)}`, keys: { p256dh: 'a', auth: 'b' } },
    ],
    ['a label over 100 characters', { ...subscription(), label: 'x'.repeat(101) }],
    ['an empty label', { ...subscription(), label: '' }],
    ['an endpoint that is not a URL', { endpoint: 'push me', keys: { p256dh: 'a', auth: 'b' } }],
    ['a file URL', { endpoint: 'file:///etc/passwd', keys: { p256dh: 'a', auth: 'b' } }],
  ])('refuses %s with 422 and stores nothing', async (_, payload) => {
    const before = await t.sql`select count(*)::int as n from push_subscriptions`;
    expectProblem(await subscribe('bob', payload), 422);
    expect(await t.sql`select count(*)::int as n from push_subscriptions`).toEqual(before);
  });
});

/** Subscribes on an app configured as production is by default: https only, no private hosts. */
async function subscribeGuarded(endpoint: string) {
  const guarded = await buildTestApp({
    databaseUrl: t.database.url,
    outbound: { httpsOnly: true, allowPrivate: false },
  });
  try {
    return await guarded.as('bob', {
      method: 'POST',
      url: url('bob'),
      payload: { endpoint, keys: { p256dh: 'a', auth: 'b' } },
    });
  } finally {
    await guarded.close();
  }
}

describe('the SSRF guard at subscribe time', () => {
  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/push',
    'https://[::ffff:127.0.0.1]/push',
    'https://10.0.0.1/push',
    'https://2130706433/push',
    'https://0177.0.0.1/push',
    'https://localhost/push',
  ])('refuses %s when private hosts are not allowed (production)', async (endpoint) => {
    const response = await subscribeGuarded(endpoint);
    expect(expectProblem(response, 422).detail).toMatch(/^endpoint: host .* internal address$/);
    expect(await stored(endpoint)).toEqual([]);
  });

  it('refuses plain http to a public host in production', async () => {
    const response = await subscribeGuarded('http://203.0.113.9/push');
    expect(expectProblem(response, 422).detail).toBe('endpoint: must be an https URL');
  });
});

describe('DELETE /api/:user_id/push-subscriptions/:id', () => {
  it('removes the device: 204, then 404', async () => {
    const device = (await subscribe('bob', subscription())).json<PushDevice>();
    const first = await t.as('bob', { method: 'DELETE', url: url('bob', `/${device.id}`) });
    expect(first.statusCode).toBe(204);
    expect((await list('bob')).map((d) => d.id)).not.toContain(device.id);
    expectProblem(await t.as('bob', { method: 'DELETE', url: url('bob', `/${device.id}`) }), 404);
  });

  it('answers 404 for another user’s device, and keeps it', async () => {
    const device = (await subscribe('alice', subscription())).json<PushDevice>();
    const response = await t.as('bob', { method: 'DELETE', url: url('bob', `/${device.id}`) });
    expect(expectProblem(response, 404).detail).toBe('No such device');
    expect((await list('alice')).map((d) => d.id)).toContain(device.id);
  });

  it.each(['0', 'abc', '99999999999'])('refuses the id %s with 422', async (id) => {
    expectProblem(await t.as('bob', { method: 'DELETE', url: url('bob', `/${id}`) }), 422);
  });
});

describe('the auth matrix', () => {
  it.each([
    ['GET', ''],
    ['POST', ''],
    ['DELETE', '/1'],
  ] as const)('%s …%s without a token is 401', async (method, rest) => {
    const response = await t.app.inject({
      method,
      url: url('alice', rest),
      payload: subscription(),
    });
    expectProblem(response, 401);
  });

  it.each([
    ['GET', ''],
    ['POST', ''],
    ['DELETE', '/1'],
  ] as const)('%s …%s on another user’s path is 403', async (method, rest) => {
    const response = await t.as('alice', {
      method,
      url: url('bob', rest),
      payload: subscription(),
    });
    expectProblem(response, 403);
  });

  it('answers 401 for a token whose user does not exist, and stores nothing', async () => {
    const body = subscription();
    expectProblem(await subscribe('ghost', body), 401);
    expect(await stored(body.endpoint)).toEqual([]);
  });
});
