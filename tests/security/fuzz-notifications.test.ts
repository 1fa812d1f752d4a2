import { type PushDevice, REMINDER_LIMITS, signAccessToken, type Task } from '@todo/contract';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundUrlProblem } from '../../apps/backend/src/lib/outbound-url.js';
import {
  buildTestApp,
  TEST_SECRET,
  type TestApp,
} from '../../apps/backend/test/helpers/test-app.js';
import { expectWellFormed } from './support/answers.js';
import {
  dateTimeish,
  fieldName,
  jsonValue,
  nastyString,
  pollutingJson,
  wrongType,
} from './support/arbitraries.js';

// The notification routes (issue 11) under the same hostile input as the task routes in
// fuzz.test.ts: settings, push subscriptions (an endpoint is a URL the backend will POST to),
// snooze and the unauthenticated unsubscribe.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const runs = (count: number) => ({ seed: SEED, numRuns: count, endOnFailure: false });
// As production is configured: https only, no private hosts; hostile endpoints meet the guard.
const POLICY = { httpsOnly: true, allowPrivate: false };

let t: TestApp;
let sql: postgres.Sql;
let aliceToken: string;
let aliceTask: Task;
let bobSettings: unknown;

const withExtras = <T extends object>(body: fc.Arbitrary<T>) =>
  body.chain((value) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(value as object) },
      fc.dictionary(fieldName, jsonValue, { maxKeys: 2 }).map((extra) => ({ ...extra, ...value })),
    ),
  );

const minutes = fc.oneof(
  fc.integer({ min: -10, max: 20_000 }),
  fc.constantFrom(5, 10_080, 4, 10_081, 0.5, Number.MAX_SAFE_INTEGER),
  wrongType,
);
const reminder = fc.oneof(
  fc.constant({ kind: 'due' }),
  fc.record({ kind: fc.constant('before'), minutes_before: minutes }),
  fc.record({ kind: fc.constant('at'), at: dateTimeish }),
  fc.record({ kind: nastyString }),
  fc.constant(null),
  wrongType,
);
const settingsBody = withExtras(
  fc.record(
    {
      push_reminders: fc.oneof(fc.boolean(), wrongType),
      email_reminders: fc.oneof(fc.boolean(), wrongType),
      default_reminder: reminder,
      digest_hour: fc.oneof(fc.integer({ min: -2, max: 25 }), fc.constant(null), wrongType),
      time_zone: fc.oneof(
        fc.constantFrom('Europe/Berlin', 'utc', 'Etc/GMT+14', 'Mars/Base', '../../etc/passwd'),
        nastyString,
        wrongType,
      ),
    },
    { requiredKeys: [] },
  ),
);

const hostileEndpoint = fc.oneof(
  fc.constantFrom(
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://2130706433/',
    'https://0x7f000001/',
    'https://0177.0.0.1/',
    'https://127.1/',
    'https://10.0.0.1/',
    'https://100.64.0.1/',
    'https://[fd00::1]/',
    'https://[fe80::1%25eth0]/',
    'https://localhost/',
    'https://user:pass@203.0.113.5/',
    'http://203.0.113.5/',
    'file:///etc/passwd',
    'gopher://127.0.0.1:25/',
    'javascript:alert(1)',
    'https://203.0.113.5/ok',
  ),
  nastyString,
  wrongType,
);
const pushBody = withExtras(
  fc.record(
    {
      endpoint: hostileEndpoint,
      keys: fc.oneof(
        fc.record({
          p256dh: fc.oneof(nastyString, wrongType),
          auth: fc.oneof(nastyString, wrongType),
        }),
        wrongType,
      ),
      label: fc.oneof(nastyString, wrongType),
      expirationTime: fc.oneof(fc.constant(null), wrongType),
    },
    { requiredKeys: [] },
  ),
);
const snoozeBody = withExtras(
  fc.oneof(
    fc.record({
      preset: fc.oneof(fc.constantFrom('10m', '1h', 'tomorrow'), nastyString, wrongType),
    }),
    fc.record({ until: fc.oneof(dateTimeish, wrongType) }),
    fc.record({ preset: fc.constant('10m'), until: dateTimeish }),
  ),
);
const unsubscribeBody = withExtras(
  fc.record(
    {
      token: fc.oneof(
        nastyString,
        wrongType,
        fc.string({ maxLength: 600 }),
        fc.constantFrom('.', '..', 'YWxpY2U.', 'YWxpY2U.AAAA', 'YWxpY2U.AAAA.BBBB'),
      ),
    },
    { requiredKeys: [] },
  ),
);

const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${aliceToken}`, 'content-type': 'application/json' },
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });

beforeAll(async () => {
  t = await buildTestApp({ outbound: POLICY });
  await t.createUsers('alice', 'bob');
  sql = postgres(t.database.url, { max: 2, onnotice: () => {} });
  aliceToken = await signAccessToken(TEST_SECRET, 'alice', { ttlSeconds: 3600 });
  aliceTask = await t.createTask('alice', { title: 'snooze me', due_at: '2031-01-01T10:00:00Z' });
  const bob = await t.as('bob', {
    method: 'PATCH',
    url: '/api/bob/notification-settings',
    payload: { digest_hour: 6 },
  });
  bobSettings = bob.json();
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await t?.close();
});

describe(`fuzzing the notification routes (fast-check seed ${SEED})`, () => {
  it('settings: hostile bodies are a 4xx problem or a 200; another user’s settings stay as they were', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 5, arbitrary: settingsBody }, pollutingJson),
        async (body) => {
          const response = await as('PATCH', '/api/alice/notification-settings', body);
          expectWellFormed(response, 'PATCH');
          if (response.statusCode >= 400) expect(response.statusCode).toBeOneOf([400, 422]);
          const bob = await t.as('bob', { method: 'GET', url: '/api/bob/notification-settings' });
          expect(bob.json()).toEqual(bobSettings);
        },
      ),
      runs(500),
    );
  });

  it('push subscriptions: only an endpoint the SSRF guard accepts is ever stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 5, arbitrary: pushBody }, pollutingJson),
        async (body) => {
          const response = await as('POST', '/api/alice/push-subscriptions', body);
          expectWellFormed(response, 'POST');
          if (response.statusCode >= 400) {
            expect(response.statusCode).toBeOneOf([400, 409, 422]);
            return;
          }
          const device = response.json<PushDevice>();
          const [row] = await sql<{ endpoint: string }[]>`
          select endpoint from push_subscriptions where id = ${device.id}`;
          expect(await outboundUrlProblem(row?.endpoint ?? '', POLICY)).toBeNull();
          await as('GET', '/api/alice/push-subscriptions');
        },
      ),
      runs(400),
    );
    const [count] = await sql<{ n: number }[]>`select count(*)::int as n from push_subscriptions`;
    expect(count?.n ?? 0).toBeLessThanOrEqual(REMINDER_LIMITS.devicesMax);
  });

  it('snooze: hostile bodies are a 4xx problem or a 200 with the task, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 5, arbitrary: snoozeBody }, pollutingJson),
        async (body) => {
          const response = await as('POST', `/api/alice/tasks/${aliceTask.id}/snooze`, body);
          expectWellFormed(response, 'POST');
          if (response.statusCode >= 400) {
            expect(response.statusCode).toBeOneOf([400, 409, 422]);
            return;
          }
          expect(response.statusCode).toBe(200);
        },
      ),
      runs(300),
    );
  });

  it('unsubscribe without a bearer token: hostile tokens are a 400/422 problem and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 5, arbitrary: unsubscribeBody }, pollutingJson),
        async (body) => {
          const response = await t.app.inject({
            method: 'POST',
            url: '/api/unsubscribe',
            headers: { 'content-type': 'application/json' },
            payload: typeof body === 'string' ? body : JSON.stringify(body),
          });
          expectWellFormed(response, 'POST');
          expect(response.statusCode).toBeOneOf([400, 422]);
        },
      ),
      runs(400),
    );
    const bob = await t.as('bob', { method: 'GET', url: '/api/bob/notification-settings' });
    expect(bob.json()).toEqual(bobSettings);
  });
});
