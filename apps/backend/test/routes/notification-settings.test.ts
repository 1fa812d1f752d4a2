import { type NotificationSettings, signAccessToken } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channels } from '../../src/notifications/channel.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const url = (user: string) => `/api/${user}/notification-settings`;
const read = (user: string) => t.as(user, { method: 'GET', url: url(user) });
const patch = (user: string, payload: unknown) =>
  t.as(user, { method: 'PATCH', url: url(user), payload: payload as object });

const sent = { status: 'sent' } as const;
/** A server with push keys and no SMTP, as rem-channels' channels will say. */
const channels: Channels = {
  push: { available: true, publicKey: 'BPublicKeyBase64url', send: async () => sent },
  email: { available: false, send: async () => sent },
};

beforeAll(async () => {
  t = await buildTestApp({ channels });
  await t.createUsers('alice', 'bob', 'carol');
});
afterAll(async () => t?.close());

describe('GET /api/:user_id/notification-settings', () => {
  it('answers the defaults for a user who changed nothing, and stores no row', async () => {
    const response = await read('alice');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<NotificationSettings>()).toEqual({
      push_available: true,
      email_available: false,
      vapid_public_key: 'BPublicKeyBase64url',
      email: 'alice@example.test',
      push_reminders: true,
      email_reminders: false,
      default_reminder: null,
      digest_hour: null,
      time_zone: 'UTC',
    });
    expect(await t.sql`select user_id from notification_settings`).toEqual([]);
  });

  it('says push is off and names no key when the server has no push channel', async () => {
    const bare = await buildTestApp({ databaseUrl: t.database.url });
    try {
      const response = await bare.as('alice', { method: 'GET', url: url('alice') });
      expect(response.json()).toMatchObject({
        push_available: false,
        email_available: false,
        vapid_public_key: null,
      });
    } finally {
      await bare.close();
    }
  });

  it('answers 401 for a token whose user does not exist', async () => {
    expect(expectProblem(await read('ghost'), 401).detail).toBe("The token's user does not exist");
    const response = await patch('ghost', { digest_hour: 7 });
    expectProblem(response, 401);
    expect(await t.sql`select user_id from notification_settings`).toEqual([]);
  });
});

describe('PATCH /api/:user_id/notification-settings', () => {
  it('changes only the fields sent, and keeps them', async () => {
    const first = await patch('bob', { digest_hour: 7, time_zone: 'europe/berlin' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      digest_hour: 7,
      time_zone: 'Europe/Berlin',
      push_reminders: true,
      email_reminders: false,
    });
    const second = await patch('bob', {
      email_reminders: true,
      push_reminders: false,
      default_reminder: { kind: 'before', minutes_before: 30 },
    });
    expect(second.json()).toMatchObject({
      digest_hour: 7,
      time_zone: 'Europe/Berlin',
      push_reminders: false,
      email_reminders: true,
      default_reminder: { kind: 'before', minutes_before: 30 },
    });
    expect((await read('bob')).json()).toEqual(second.json());
  });

  it('sets the default reminder to the due time, and to none', async () => {
    expect((await patch('carol', { default_reminder: { kind: 'due' } })).json()).toMatchObject({
      default_reminder: { kind: 'due' },
    });
    expect((await patch('carol', { default_reminder: null })).json()).toMatchObject({
      default_reminder: null,
    });
    expect((await patch('carol', { digest_hour: null })).json()).toMatchObject({
      digest_hour: null,
    });
  });

  it.each([
    ['an unknown zone', { time_zone: 'Mars/Olympus_Mons' }, 'time_zone'],
    ['an hour of 24', { digest_hour: 24 }, 'digest_hour'],
    ['a negative hour', { digest_hour: -1 }, 'digest_hour'],
    ['a fractional hour', { digest_hour: 7.5 }, 'digest_hour'],
    ['a default under 5 minutes', { default_reminder: { kind: 'before', minutes_before: 4 } }, ''],
    ['a default over a week', { default_reminder: { kind: 'before', minutes_before: 10_081 } }, ''],
    ['an absolute default', { default_reminder: { kind: 'at', at: '2030-01-01T00:00:00Z' } }, ''],
    ['an unknown field', { sound: 'loud' }, 'sound'],
    ['nothing', {}, ''],
    ['a string for a boolean', { push_reminders: 'yes' }, 'push_reminders'],
  ])('refuses %s and changes nothing', async (_, payload, field) => {
    const before = (await read('carol')).json();
    const problem = expectProblem(await patch('carol', payload), 422);
    expect(JSON.stringify(problem)).toContain(field);
    expect((await read('carol')).json()).toEqual(before);
  });
});

describe('the auth matrix', () => {
  it.each(['GET', 'PATCH'] as const)('%s without a token is 401', async (method) => {
    const response = await t.app.inject({ method, url: url('alice'), payload: { digest_hour: 1 } });
    expectProblem(response, 401);
  });

  it.each(['GET', 'PATCH'] as const)('%s of another user’s settings is 403', async (method) => {
    const response = await t.as('alice', { method, url: url('bob'), payload: { digest_hour: 1 } });
    expectProblem(response, 403);
    expect((await read('bob')).json()).toMatchObject({ digest_hour: 7 });
  });

  it('a token signed by another key is 401', async () => {
    const forged = await signAccessToken('another-secret-also-32-characters-long', 'alice');
    const response = await t.app.inject({
      method: 'GET',
      url: url('alice'),
      headers: { authorization: `Bearer ${forged}` },
    });
    expectProblem(response, 401);
  });
});
