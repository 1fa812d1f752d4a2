import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUnsubscribeToken } from '../../src/notifications/unsubscribe-token.js';
import { buildTestApp, expectProblem, TEST_SECRET, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const unsubscribe = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/unsubscribe', payload: payload as object });
const digestHour = async (user: string) =>
  (await t.sql`select digest_hour from notification_settings where user_id = ${user}`)[0]
    ?.digest_hour;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'bob');
  for (const user of ['alice', 'bob']) {
    const response = await t.as(user, {
      method: 'PATCH',
      url: `/api/${user}/notification-settings`,
      payload: { digest_hour: 7, email_reminders: true },
    });
    expect(response.statusCode, response.body).toBe(200);
  }
});
afterAll(async () => t?.close());

describe('POST /api/unsubscribe', () => {
  it('turns the digest of the token’s user off, with no bearer token: 204, and again 204', async () => {
    const token = signUnsubscribeToken(TEST_SECRET, 'alice');
    expect((await unsubscribe({ token })).statusCode).toBe(204);
    expect(await digestHour('alice')).toBeNull();
    expect(await digestHour('bob')).toBe(7);
    expect((await unsubscribe({ token })).statusCode).toBe(204);
    // Only the digest: reminders by email stay as they were.
    const settings = await t.as('alice', {
      method: 'GET',
      url: '/api/alice/notification-settings',
    });
    expect(settings.json()).toMatchObject({ digest_hour: null, email_reminders: true });
  });

  it('answers 204 for a user who never turned the digest on, and stores nothing', async () => {
    await t.createUsers('carol');
    expect(
      (await unsubscribe({ token: signUnsubscribeToken(TEST_SECRET, 'carol') })).statusCode,
    ).toBe(204);
    expect(await t.sql`select 1 from notification_settings where user_id = 'carol'`).toEqual([]);
  });

  it.each([
    [
      'signed with another secret',
      signUnsubscribeToken('another-secret-also-32-characters-long', 'bob'),
    ],
    [
      'for another user with bob’s signature',
      `${Buffer.from('bob').toString('base64url')}.${signUnsubscribeToken(TEST_SECRET, 'alice').split('.')[1]}`,
    ],
    ['cut short', signUnsubscribeToken(TEST_SECRET, 'bob').slice(0, -3)],
    ['without its signature', Buffer.from('bob').toString('base64url')],
    ['with an extra part', `${signUnsubscribeToken(TEST_SECRET, 'bob')}.x`],
    ['garbage', 'not-a-token'],
  ])('refuses a token %s with a 400 problem, and changes nothing', async (_, token) => {
    const problem = expectProblem(await unsubscribe({ token }), 400);
    expect(problem.detail).toMatch(/not a valid unsubscribe link/);
    expect(await digestHour('bob')).toBe(7);
  });

  it.each([
    ['no token', {}],
    ['an empty token', { token: '' }],
    ['a token over 500 characters', { token: 'x'.repeat(501) }],
    ['an unknown field', { token: 'x', user_id: 'bob' }],
  ])('refuses %s with 422', async (_, payload) => {
    expectProblem(await unsubscribe(payload), 422);
    expect(await digestHour('bob')).toBe(7);
  });
});
