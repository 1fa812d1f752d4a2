import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import {
  deriveAccessTokenKey,
  signAccessToken,
  type Task,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from '@todo/contract';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  TEST_SECRET,
  type TestApp,
} from '../../apps/backend/test/helpers/test-app.js';
import { expectWellFormed } from './support/answers.js';

// Attack tokens are built by hand with node:crypto, not with the library under test.
const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
type Claims = Record<string, unknown>;
const claims = (change: Claims = {}): Claims => {
  const base: Claims = {
    sub: 'alice',
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    iat: now(),
    exp: now() + 300,
  };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
};

function hmacToken(key: string | Buffer, payload: Claims, header: Claims = {}, bits = 256) {
  const signingInput = `${b64({ alg: `HS${bits}`, typ: 'JWT', ...header })}.${b64(payload)}`;
  const signature = createHmac(`sha${bits}`, key).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaPublicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
function rsaToken(payload: Claims, header: Claims = {}) {
  const signingInput = `${b64({ alg: 'RS256', typ: 'JWT', ...header })}.${b64(payload)}`;
  return `${signingInput}.${sign('sha256', Buffer.from(signingInput), rsa.privateKey).toString('base64url')}`;
}
function ecToken(payload: Claims) {
  const signingInput = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64(payload)}`;
  const signature = sign('sha256', Buffer.from(signingInput), {
    key: ec.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${signingInput}.${signature.toString('base64url')}`;
}
const unsigned = (alg: string, payload: Claims, signature = '') =>
  `${b64({ alg, typ: 'JWT' })}.${b64(payload)}.${signature}`;

// The genuine key: derived from the secret (HKDF), never the secret itself.
const TOKEN_KEY = Buffer.from(await deriveAccessTokenKey(TEST_SECRET));
const good = (payload: Claims) => hmacToken(TOKEN_KEY, payload);
const OTHER_SECRET = 'an-attackers-secret-that-is-also-32-chars-long';

/** How a request carries (or fails to carry) a token. */
type Carrier = { headers?: Record<string, string>; query?: string };
const bearer = (token: string): Carrier => ({ headers: { authorization: `Bearer ${token}` } });

/** The catalogue: each is refused with 401 on every endpoint. */
const ATTACKS: [string, () => Carrier][] = [
  ['alg "none", no signature', () => bearer(unsigned('none', claims()))],
  ['alg "None"', () => bearer(unsigned('None', claims()))],
  ['alg "NONE"', () => bearer(unsigned('NONE', claims()))],
  [
    'alg "none" carrying a genuine HS256 signature',
    () => {
      const genuine = good(claims()).split('.')[2] ?? '';
      return bearer(unsigned('none', claims(), genuine));
    },
  ],
  ['HS256 signed with another key', () => bearer(hmacToken(OTHER_SECRET, claims()))],
  [
    'HS256 signed with BETTER_AUTH_SECRET itself, not the key derived from it',
    () => bearer(hmacToken(TEST_SECRET, claims())),
  ],
  ['HS256 signed with an empty key', () => bearer(hmacToken('', claims()))],
  [
    'HS384 signed with the right secret (algorithm pinned to HS256)',
    () => bearer(hmacToken(TOKEN_KEY, claims(), {}, 384)),
  ],
  [
    'HS512 signed with the right secret (algorithm pinned to HS256)',
    () => bearer(hmacToken(TOKEN_KEY, claims(), {}, 512)),
  ],
  ['RS256 signed with an attacker’s RSA key', () => bearer(rsaToken(claims()))],
  ['ES256 signed with an attacker’s EC key', () => bearer(ecToken(claims()))],
  [
    'key confusion: HS256 whose HMAC key is a PEM public key',
    () => bearer(hmacToken(rsaPublicPem, claims())),
  ],
  [
    'key confusion: alg RS256 header, HMAC signature with the secret',
    () => bearer(hmacToken(TOKEN_KEY, claims(), { alg: 'RS256' })),
  ],
  [
    'an attacker key embedded in the header (jwk)',
    () => bearer(rsaToken(claims(), { jwk: rsa.publicKey.export({ format: 'jwk' }) })),
  ],
  [
    'a key URL in the header (jku, x5u)',
    () =>
      bearer(
        rsaToken(claims(), {
          jku: 'https://evil.example/jwks.json',
          x5u: 'https://evil.example/cert.pem',
        }),
      ),
  ],
  [
    'kid path traversal with an empty key',
    () => bearer(hmacToken('', claims(), { kid: '../../../../../dev/null' })),
  ],
  [
    'kid SQL injection',
    () => bearer(hmacToken(OTHER_SECRET, claims(), { kid: "x' UNION SELECT 'key' --" })),
  ],
  [
    'an unknown critical header',
    () => bearer(hmacToken(TOKEN_KEY, claims(), { crit: ['x-evil'], 'x-evil': true })),
  ],
  ['expired a minute ago', () => bearer(good(claims({ iat: now() - 400, exp: now() - 60 })))],
  ['expired just beyond the clock tolerance', () => bearer(good(claims({ exp: now() - 10 })))],
  ['not yet valid (nbf in the future)', () => bearer(good(claims({ nbf: now() + 120 })))],
  ['no exp', () => bearer(good(claims({ exp: undefined })))],
  ['exp as a string', () => bearer(good(claims({ exp: String(now() + 300) })))],
  ['wrong iss', () => bearer(good(claims({ iss: 'someone-else' })))],
  ['no iss', () => bearer(good(claims({ iss: undefined })))],
  ['wrong aud', () => bearer(good(claims({ aud: 'another-api' })))],
  ['aud list without ours', () => bearer(good(claims({ aud: ['another-api', 'todo-backend-2'] })))],
  ['no aud', () => bearer(good(claims({ aud: undefined })))],
  ['no sub', () => bearer(good(claims({ sub: undefined })))],
  ['empty sub', () => bearer(good(claims({ sub: '' })))],
  ['numeric sub', () => bearer(good(claims({ sub: 42 })))],
  [
    'payload swapped under a genuine signature',
    () => {
      const [header, , signature] = good(claims({ sub: 'bob' })).split('.');
      return bearer(`${header}.${b64(claims())}.${signature}`);
    },
  ],
  ['signature stripped', () => bearer(`${good(claims()).split('.').slice(0, 2).join('.')}.`)],
  ['garbage', () => bearer('garbage')],
  ['garbage in three parts', () => bearer('a.b.c')],
  ['empty parts', () => bearer('..')],
  ['header that is not JSON', () => bearer(`${b64('not json')}.${b64(claims())}.c2ln`)],
  ['payload that is a JSON array', () => bearer(hmacToken(TOKEN_KEY, [] as unknown as Claims))],
  ['a 10 000-character token', () => bearer(`${'A'.repeat(5_000)}.${'B'.repeat(5_000)}.`)],
  ['a valid token with a fourth part', () => bearer(`${good(claims())}.extra`)],
  [
    'a valid token in the query string (access_token)',
    () => ({ query: `access_token=${good(claims())}` }),
  ],
  ['a valid token in the query string (token)', () => ({ query: `token=${good(claims())}` })],
  [
    'a valid token in a cookie',
    () => ({
      headers: {
        cookie: `token=${good(claims())}; access_token=${good(claims())}; authorization=Bearer%20${good(claims())}`,
      },
    }),
  ],
  [
    'a valid token in another header (x-access-token)',
    () => ({ headers: { 'x-access-token': good(claims()) } }),
  ],
  [
    'a valid token under the Basic scheme',
    () => ({ headers: { authorization: `Basic ${good(claims())}` } }),
  ],
  [
    'a valid token under the Token scheme',
    () => ({ headers: { authorization: `Token ${good(claims())}` } }),
  ],
];

let t: TestApp;
let sql: postgres.Sql;
let aliceTask: Task;
let bobTask: Task;

const snapshot = async () => sql`select * from tasks order by id`;
const endpoints = (user: string, id: number): InjectOptions[] => [
  { method: 'GET', url: `/api/${user}/tasks` },
  { method: 'POST', url: `/api/${user}/tasks`, payload: { title: 'created by an attacker' } },
  { method: 'GET', url: `/api/${user}/tasks/${id}` },
  { method: 'PUT', url: `/api/${user}/tasks/${id}`, payload: { title: 'replaced by an attacker' } },
  {
    method: 'PATCH',
    url: `/api/${user}/tasks/${id}`,
    payload: { title: 'changed by an attacker' },
  },
  { method: 'PATCH', url: `/api/${user}/tasks/${id}/complete` },
  { method: 'DELETE', url: `/api/${user}/tasks/${id}` },
  { method: 'GET', url: `/api/${user}/tags` },
];
const withCarrier = (request: InjectOptions, carrier: Carrier): InjectOptions => ({
  ...request,
  url: carrier.query ? `${request.url}?${carrier.query}` : request.url,
  headers: { ...(request.headers as Record<string, string>), ...carrier.headers },
});
const expectProblem = (response: LightMyRequestResponse, status: number, method: string) => {
  expect(response.statusCode, `${method} ${response.body}`).toBe(status);
  expectWellFormed(response, method);
};

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'bob');
  sql = postgres(t.database.url, { max: 2, onnotice: () => {} });
  const create = async (user: string, title: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/${user}/tasks`,
      headers: { authorization: `Bearer ${await signAccessToken(TEST_SECRET, user)}` },
      payload: { title, description: `${user}'s private note`, tags: [`${user}-only`] },
    });
    expect(response.statusCode).toBe(201);
    return response.json<Task>();
  };
  aliceTask = await create('alice', "alice's task");
  bobTask = await create('bob', "bob's secret task");
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await t?.close();
});

describe('token attacks: 401 problem+json on every endpoint, nothing read or changed', () => {
  it('control: the genuine token is accepted on every endpoint (so the 401s below mean refusal)', async () => {
    // The hand-built token too: the attacks below, built the same way, fail for what they change.
    for (const token of [await signAccessToken(TEST_SECRET, 'alice'), good(claims())]) {
      const scratch = await t.app.inject({
        method: 'POST',
        url: '/api/alice/tasks',
        headers: { authorization: `Bearer ${token}` },
        payload: { title: 'scratch' },
      });
      for (const request of endpoints('alice', scratch.json<Task>().id)) {
        const response = await t.app.inject(withCarrier(request, bearer(token)));
        expect(
          response.statusCode,
          `${request.method} ${request.url} ${response.body}`,
        ).toBeLessThan(300);
      }
    }
  });

  it.each(ATTACKS)('%s → 401', async (_name, carry) => {
    const before = await snapshot();
    for (const request of endpoints('alice', aliceTask.id)) {
      const response = await t.app.inject(withCarrier(request, carry()));
      expectProblem(response, 401, String(request.method));
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.body).not.toContain("alice's");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('one user against another', () => {
  let aliceToken: string;
  beforeAll(async () => {
    aliceToken = await signAccessToken(TEST_SECRET, 'alice');
  });

  it("alice's valid token on bob's paths → 403 on every endpoint, bob's task unchanged", async () => {
    const before = await snapshot();
    for (const request of endpoints('bob', bobTask.id)) {
      const response = await t.app.inject(withCarrier(request, bearer(aliceToken)));
      expectProblem(response, 403, String(request.method));
      expect(response.body).not.toContain('secret');
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['another case', 'Alice'],
    ['a trailing space', 'alice%20'],
    ['a NUL byte', 'alice%00'],
    ['an encoded slash walking to bob', 'alice%2F..%2Fbob'],
    ['bob behind an encoded slash', 'bob%2F..%2Falice'],
  ])("path user ids that only look like alice's (%s) → 403", async (_name, user) => {
    const before = await snapshot();
    for (const request of endpoints(user, bobTask.id)) {
      const response = await t.app.inject(withCarrier(request, bearer(aliceToken)));
      expect(response.statusCode, `${request.method} ${request.url}`).toBeOneOf([403, 404]);
      expectWellFormed(response, String(request.method));
    }
    expect(await snapshot()).toEqual(before);
  });

  it("bob's task id under alice's own path → 404, the same answer as a task that doesn't exist; bob's task unchanged", async () => {
    const before = await snapshot();
    const missing = 2_147_483_647;
    const requests = endpoints('alice', bobTask.id).filter((request) =>
      String(request.url).includes(`/${bobTask.id}`),
    );
    expect(requests).toHaveLength(5);
    for (const request of requests) {
      const response = await t.app.inject(withCarrier(request, bearer(aliceToken)));
      expectProblem(response, 404, String(request.method));
      expect(response.body).not.toContain('secret');
      const absent = await t.app.inject(
        withCarrier(
          { ...request, url: String(request.url).replace(`/${bobTask.id}`, `/${missing}`) },
          bearer(aliceToken),
        ),
      );
      const { instance: _i1, ...problem } = response.json<Record<string, unknown>>();
      const { instance: _i2, ...absentProblem } = absent.json<Record<string, unknown>>();
      expect(problem).toEqual(absentProblem);
    }
    expect(await snapshot()).toEqual(before);
    const [row] =
      await sql`select title, description, completed, updated_at from tasks where id = ${bobTask.id}`;
    expect(row).toEqual({
      title: bobTask.title,
      description: bobTask.description,
      completed: false,
      updated_at: new Date(bobTask.updated_at),
    });
  });

  it("alice's lists, searches and tags never show bob's task", async () => {
    for (const url of [
      '/api/alice/tasks?limit=100',
      `/api/alice/tasks?q=${encodeURIComponent('secret')}`,
      '/api/alice/tasks?tag=bob-only',
      '/api/alice/tasks?status=pending&sort=title',
      '/api/alice/tags',
    ]) {
      const response = await t.app.inject(withCarrier({ method: 'GET', url }, bearer(aliceToken)));
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain('secret');
      expect(response.body, url).not.toContain('bob');
    }
  });

  it('a valid token for a user the database does not know reads nothing and creates nothing', async () => {
    const before = await snapshot();
    const token = await signAccessToken(TEST_SECRET, 'mallory');
    const list = await t.app.inject(
      withCarrier({ method: 'GET', url: '/api/mallory/tasks' }, bearer(token)),
    );
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Task[] }>().items).toEqual([]);
    for (const request of endpoints('mallory', bobTask.id).slice(1)) {
      const response = await t.app.inject(withCarrier(request, bearer(token)));
      expect(response.statusCode, `${request.method} ${request.url}`).toBeGreaterThanOrEqual(200);
      expectWellFormed(response, String(request.method));
      if (request.method !== 'GET' || String(request.url).includes(`/${bobTask.id}`)) {
        expect(response.statusCode, `${request.method} ${request.url}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
