import {
  deriveAccessTokenKey,
  signAccessToken,
  type Task,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from '@todo/contract';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, TEST_SECRET, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const key = await deriveAccessTokenKey(TEST_SECRET);
const now = () => Math.floor(Date.now() / 1000);

/** A token like the frontend's, with some claims or the header changed. */
function token(
  change: { iss?: string; aud?: string; sub?: string; nbf?: number; exp?: number } = {},
  secret: Uint8Array = key,
) {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(change.sub ?? 'alice')
    .setIssuer(change.iss ?? TOKEN_ISSUER)
    .setAudience(change.aud ?? TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(change.exp ?? now() + 300);
  if (change.nbf !== undefined) jwt.setNotBefore(change.nbf);
  return jwt.sign(secret);
}

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'bob');
});
afterAll(async () => t?.close());

describe('401 without a valid token', () => {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['no Authorization header', async () => undefined, 'Bearer'],
    ['a Basic header', async () => 'Basic YWxpY2U6cGFzc3dvcmQ=', 'Bearer'],
    ['a Bearer without token', async () => 'Bearer ', 'Bearer'],
    ['a token that is not a JWT', async () => 'Bearer garbage', 'Bearer'],
    [
      'a JWT with a garbage payload',
      async () => `Bearer ${b64({ alg: 'HS256' })}.not-json.c2ln`,
      'Bearer error="invalid_token"',
    ],
    [
      'an expired token',
      async () =>
        `Bearer ${await signAccessToken(TEST_SECRET, 'alice', { issuedAt: now() - 3600 })}`,
      'Bearer error="invalid_token"',
    ],
    [
      'a token signed with another key',
      async () =>
        `Bearer ${await signAccessToken('another-secret-also-32-characters-long', 'alice')}`,
      'Bearer error="invalid_token"',
    ],
    [
      'a token signed with BETTER_AUTH_SECRET itself instead of the key derived from it',
      async () => `Bearer ${await token({}, new TextEncoder().encode(TEST_SECRET))}`,
      'Bearer error="invalid_token"',
    ],
    [
      'an unsigned token (alg none)',
      async () =>
        `Bearer ${new UnsecuredJWT({})
          .setSubject('alice')
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setExpirationTime('5m')
          .encode()}`,
      'Bearer error="invalid_token"',
    ],
    [
      'a token with alg none but a copied signature',
      async () => {
        const [, payload, signature] = (await token()).split('.');
        return `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`;
      },
      'Bearer error="invalid_token"',
    ],
    [
      'a token from another issuer',
      async () => `Bearer ${await token({ iss: 'someone-else' })}`,
      'Bearer error="invalid_token"',
    ],
    [
      'a token for another audience',
      async () => `Bearer ${await token({ aud: 'another-api' })}`,
      'Bearer error="invalid_token"',
    ],
    [
      'a token that is not valid yet (nbf)',
      async () => `Bearer ${await token({ nbf: now() + 3600, exp: now() + 7200 })}`,
      'Bearer error="invalid_token"',
    ],
    [
      'a token with an empty subject',
      async () => `Bearer ${await token({ sub: '' })}`,
      'Bearer error="invalid_token"',
    ],
  ])('%s', async (_name, header, challenge) => {
    const authorization = await header();
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/alice/tasks',
      headers: authorization === undefined ? {} : { authorization },
    });
    const problem = expectProblem(response, 401);
    expect(problem).toMatchObject({ title: 'Unauthorized', instance: '/api/alice/tasks' });
    expect(problem.detail).toEqual(expect.any(String));
    expect(response.headers['www-authenticate']).toBe(challenge);
  });

  it('says why an expired token is refused, without echoing it', async () => {
    const expired = await signAccessToken(TEST_SECRET, 'alice', { issuedAt: now() - 3600 });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/alice/tasks',
      headers: { authorization: `Bearer ${expired}` },
    });
    expect(expectProblem(response, 401).detail).toBe('The token has expired');
    expect(response.body).not.toContain(expired);
  });

  it('lets a read-scoped token read but not write (403), whatever the method', async () => {
    const read = await signAccessToken(TEST_SECRET, 'alice', {
      scope: 'read',
      credentialId: 'pat:1',
    });
    const headers = { authorization: `Bearer ${read}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/alice/tasks', headers });
    expect(list.statusCode).toBe(200);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await t.app.inject({
        method,
        url: method === 'POST' ? '/api/alice/tasks' : '/api/alice/tasks/1',
        headers,
        payload: { title: 'not written' },
      });
      expect(expectProblem(response, 403).detail).toBe(
        'This token can only read: it was given the read scope',
      );
    }
    const after = await t.app.inject({ method: 'GET', url: '/api/alice/tasks', headers });
    expect(after.json().items.map((task: { title: string }) => task.title)).not.toContain(
      'not written',
    );
  });

  it('accepts the scheme name in any case (RFC 9110)', async () => {
    for (const scheme of ['bearer', 'BEARER']) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/alice/tasks',
        headers: { authorization: `${scheme} ${await token()}` },
      });
      expect(response.statusCode).toBe(200);
    }
  });

  it('tolerates a few seconds of clock skew on expiry', async () => {
    // Expired 2 s ago: within the 5 s the verifier tolerates.
    const skewed = await signAccessToken(TEST_SECRET, 'alice', {
      issuedAt: now() - 300 - 2,
      ttlSeconds: 300,
    });
    const ok = await t.app.inject({
      method: 'GET',
      url: '/api/alice/tasks',
      headers: { authorization: `Bearer ${skewed}` },
    });
    expect(ok.statusCode).toBe(200);
  });

  it.each([
    ['GET', '/api/alice/tasks'],
    ['POST', '/api/alice/tasks'],
    ['GET', '/api/alice/tasks/1'],
    ['PUT', '/api/alice/tasks/1'],
    ['PATCH', '/api/alice/tasks/1'],
    ['DELETE', '/api/alice/tasks/1'],
    ['PATCH', '/api/alice/tasks/1/complete'],
    ['GET', '/api/alice/tags'],
  ] as const)('guards %s %s, before reading the body', async (method, url) => {
    const response = await t.app.inject({ method, url, payload: '{not json' });
    expectProblem(response, 401);
  });
});

describe('403 when the path is not the token’s user', () => {
  it.each([
    ['GET', '/api/bob/tasks'],
    ['POST', '/api/bob/tasks'],
    ['GET', '/api/bob/tasks/1'],
    ['PUT', '/api/bob/tasks/1'],
    ['PATCH', '/api/bob/tasks/1'],
    ['DELETE', '/api/bob/tasks/1'],
    ['PATCH', '/api/bob/tasks/1/complete'],
    ['GET', '/api/bob/tags'],
  ] as const)('%s %s with alice’s token', async (method, url) => {
    const response = await t.as('alice', { method, url, payload: { title: 'sneaky' } });
    expect(expectProblem(response, 403).title).toBe('Forbidden');
  });

  it('compares the user id exactly (no case folding)', async () => {
    expectProblem(await t.as('alice', { method: 'GET', url: '/api/Alice/tasks' }), 403);
  });

  it('creates nothing for bob', async () => {
    const rows = await t.sql`select id from tasks where user_id = 'bob' and title = 'sneaky'`;
    expect(rows).toHaveLength(0);
  });
});

describe('404 for another user’s task', () => {
  let bobs: Task;

  beforeAll(async () => {
    bobs = await t.createTask('bob', {
      title: 'Bob private',
      description: 'secret plans',
      tags: ['bob-only'],
      recurrence: 'daily',
    });
  });

  it.each([
    ['GET', ''],
    ['PUT', ''],
    ['PATCH', ''],
    ['DELETE', ''],
    ['PATCH', '/complete'],
  ] as const)('%s …/tasks/:id%s answers as if it did not exist', async (method, suffix) => {
    const response = await t.as('alice', {
      method,
      url: `/api/alice/tasks/${bobs.id}${suffix}`,
      ...(method === 'PUT' || (method === 'PATCH' && suffix === '')
        ? { payload: { title: 'hijacked', completed: true } }
        : {}),
    });
    const problem = expectProblem(response, 404);
    expect(problem.detail).toBe('No such task');
    expect(response.body).not.toContain('Bob private');
  });

  it('leaves bob’s task exactly as it was', async () => {
    const response = await t.as('bob', { method: 'GET', url: `/api/bob/tasks/${bobs.id}` });
    expect(response.json()).toEqual(bobs);
    const [count] = await t.sql`select count(*)::int as n from tasks where user_id = 'bob'`;
    expect(count?.n).toBe(1);
    const aliceRows = await t.sql`select id from tasks where user_id = 'alice'`;
    expect(aliceRows).toHaveLength(0);
  });
});

describe('two users never see each other’s tasks', () => {
  it('in lists, searches and tags', async () => {
    const a = await t.createTask('alice', { title: 'Shared word', tags: ['common', 'alice-tag'] });
    const b = await t.createTask('bob', { title: 'Shared word', tags: ['common', 'bob-tag'] });

    for (const [user, own, other] of [
      ['alice', a, b],
      ['bob', b, a],
    ] as const) {
      for (const query of ['', '?q=shared', '?tag=common', '?status=all&limit=100']) {
        const response = await t.as(user, { method: 'GET', url: `/api/${user}/tasks${query}` });
        const ids = response.json<{ items: Task[] }>().items.map((task) => task.id);
        expect(ids).toContain(own.id);
        expect(ids).not.toContain(other.id);
        expect(
          response.json<{ items: Task[] }>().items.every((task) => task.user_id === user),
        ).toBe(true);
      }
      const tags = await t.as(user, { method: 'GET', url: `/api/${user}/tags` });
      const names = tags.json<{ items: { tag: string; count: number }[] }>();
      expect(names.items).toContainEqual({ tag: 'common', count: 1 });
      expect(names.items.map((item) => item.tag)).not.toContain(
        user === 'alice' ? 'bob-tag' : 'alice-tag',
      );
    }
  });

  it('a user unknown to the database sees an empty list, not someone else’s', async () => {
    const response = await t.as('mallory', { method: 'GET', url: '/api/mallory/tasks' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ items: [], total: 0 });
  });
});
