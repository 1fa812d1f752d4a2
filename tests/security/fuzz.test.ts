import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signAccessToken, type Task } from '@todo/contract';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  TEST_SECRET,
  type TestApp,
} from '../../apps/backend/test/helpers/test-app.js';
import { expectUnpolluted, expectWellFormed } from './support/answers.js';
import {
  dateTimeish,
  encodeSegment,
  jsonValue,
  METHODS,
  nastyString,
  pathSegment,
  pollutingJson,
  queryString,
  taskBody,
  textHeavyBody,
} from './support/arbitraries.js';

/** Fixed so a failure replays; FUZZ_SEED=<n> explores elsewhere. fast-check prints seed and path. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const runs = (count: number) => ({ seed: SEED, numRuns: count, endOnFailure: false });

/** Tags are stored trimmed, lower-case and de-duplicated: the one documented change to text. */
const normalizedTags = (tags: string[]) => [
  ...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean)),
];

let t: TestApp;
let sql: postgres.Sql;
let aliceToken: string;
let bobToken: string;
let aliceTaskIds: number[];
let bobTask: Record<string, unknown>;

const readBobTask = async () => {
  const [row] = await sql`select * from tasks where user_id = 'bob'`;
  return row as Record<string, unknown>;
};

const countTasks = async (user?: string) => {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from tasks where ${user === undefined ? sql`true` : sql`user_id = ${user}`}`;
  return row?.count ?? 0;
};

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'bob');
  sql = postgres(t.database.url, { max: 2, onnotice: () => {} });
  aliceToken = await signAccessToken(TEST_SECRET, 'alice', { ttlSeconds: 3600 });
  bobToken = await signAccessToken(TEST_SECRET, 'bob', { ttlSeconds: 3600 });
  aliceTaskIds = [];
  for (const title of ['first', 'second', 'third']) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/alice/tasks',
      headers: { authorization: `Bearer ${aliceToken}` },
      payload: { title, tags: ['seed'] },
    });
    aliceTaskIds.push(created.json<Task>().id);
  }
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/bob/tasks',
    headers: { authorization: `Bearer ${bobToken}` },
    payload: { title: "bob's secret", description: 'only bob may see this', tags: ['private'] },
  });
  expect(created.statusCode).toBe(201);
  bobTask = await readBobTask();
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await t?.close();
});

describe(`fuzzing every endpoint through app.inject (fast-check seed ${SEED})`, () => {
  const authorization = () =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(`Bearer ${aliceToken}`) },
      fc.constant(`Bearer ${bobToken}`),
      fc.constant(`bearer ${aliceToken}`),
      fc.constant(`Bearer ${aliceToken}x`),
      fc.constant(`Bearer ${aliceToken.split('.').slice(0, 2).join('.')}.`),
      fc.constantFrom('Bearer', 'Bearer ', 'Basic YWxpY2U6YWxpY2U=', 'Bearer a.b.c', 'Bearer ...'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((value) => `Bearer ${value}`),
    );
  // Header values a real HTTP parser would let through: tab, visible ASCII and Latin-1.
  const headerText = fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .map((code) => String.fromCharCode(code === 0x7f ? 0x09 : code)),
    maxLength: 60,
  });
  const headers = () =>
    fc.record(
      {
        authorization: authorization(),
        'content-type': fc.oneof(
          fc.constantFrom(
            'application/json',
            'application/json; charset=utf-8',
            'application/json; charset=utf-16',
            'application/json; charset=latin1',
            'APPLICATION/JSON',
            'application/json;;;',
            'application/problem+json',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=xyz',
            'text/plain',
            'text/html',
            '*/*',
            '',
          ),
          headerText,
        ),
        accept: fc.constantFrom('*/*', 'text/html', 'application/xml', 'application/json;q=0'),
        'x-request-id': fc.oneof(
          headerText,
          fc.constantFrom('../../etc', 'id\twith tab', 'ok-id.1:2'),
        ),
        origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:3000'),
        cookie: fc.constantFrom(`token=${aliceToken}`, 'session=abc; __proto__=x'),
        'accept-version': headerText,
        'accept-encoding': fc.constantFrom('gzip', 'br', 'identity', '*;q=0'),
        'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'x-unknown'),
        'x-http-method-override': fc.constantFrom('DELETE', 'PUT'),
        'x-forwarded-for': headerText,
        'x-forwarded-host': fc.constantFrom('evil.example', 'localhost'),
      },
      { requiredKeys: [] },
    );
  const body = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: taskBody.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: jsonValue.map((value) => JSON.stringify(value)) },
    pollutingJson,
    nastyString,
    fc.constantFrom(
      '{',
      '{"title":',
      '[1,2',
      '{"title":"x",}',
      "{'title':'x'}",
      'null',
      '""',
      '0',
      'NaN',
      '\ufeff{"title":"x"}',
    ),
  );
  const userSegment = fc.oneof(
    { weight: 6, arbitrary: fc.constant('alice') },
    fc.constant('bob'),
    pathSegment,
  );
  const taskId = () =>
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...aliceTaskIds).map(String) }, pathSegment);
  const path = () =>
    fc.oneof(
      { weight: 6, arbitrary: userSegment.map((user) => `/api/${user}/tasks`) },
      {
        weight: 6,
        arbitrary: fc.tuple(userSegment, taskId()).map(([user, id]) => `/api/${user}/tasks/${id}`),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(userSegment, taskId(), fc.constantFrom('', '?subtasks=complete', '?subtasks=x'))
          .map(([user, id, query]) => `/api/${user}/tasks/${id}/complete${query}`),
      },
      { weight: 2, arbitrary: userSegment.map((user) => `/api/${user}/tags`) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            userSegment,
            fc.constantFrom(
              'notification-settings',
              'push-subscriptions',
              'push-subscriptions/',
              'calendar-feeds',
              'calendar-feeds/',
            ),
            fc.oneof(fc.constant(''), pathSegment),
          )
          .map(([user, resource, rest]) => `/api/${user}/${resource}${rest}`),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(userSegment, taskId())
          .map(([user, id]) => `/api/${user}/tasks/${id}/snooze`),
      },
      fc.constantFrom('/api/unsubscribe', '/api/unsubscribe/'),
      pathSegment.map((file) => `/calendar/${file}`),
      fc.constantFrom(
        '/health',
        '/ready',
        '/docs',
        '/docs/',
        '/docs/json',
        '/docs/yaml',
        '/docs/static/index.html',
        '/',
        '/api',
        '/api/',
        '//api//alice//tasks',
      ),
      fc
        .array(pathSegment, { minLength: 1, maxLength: 6 })
        .map((segments) => `/${segments.join('/')}`),
      fc
        .array(pathSegment, { maxLength: 3 })
        .map((segments) => `/docs/static/${segments.join('/')}`),
    );

  it('hostile task bodies on create, replace and change: 4xx problem or stored as sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'PATCH'),
        fc.constantFrom(...aliceTaskIds),
        taskBody,
        async (method, id, sent) => {
          const url = method === 'POST' ? '/api/alice/tasks' : `/api/alice/tasks/${id}`;
          const response = await t.app.inject({
            method,
            url,
            headers: { authorization: `Bearer ${aliceToken}` },
            payload: sent,
          });
          expectWellFormed(response, method);
          if (response.statusCode >= 300) {
            expect(response.statusCode).toBeOneOf([400, 413, 422]);
            return;
          }
          const task = response.json<Task>();
          const fields = sent as Record<string, unknown>;
          if (typeof fields.title === 'string') expect(task.title).toBe(fields.title);
          if (fields.description !== undefined) expect(task.description).toBe(fields.description);
          if (Array.isArray(fields.tags))
            expect(task.tags).toEqual(normalizedTags(fields.tags as string[]));
          const [row] = await sql`select title, description, tags from tasks where id = ${task.id}`;
          expect(row).toEqual({
            title: task.title,
            description: task.description,
            tags: task.tags,
          });
        },
      ),
      runs(1500),
    );
  });

  it('text fields (Unicode, control characters, lone surrogates, SQL, markup) read back exactly as sent, or the request is refused and nothing is stored', async () => {
    await fc.assert(
      fc.asyncProperty(textHeavyBody, async (sent) => {
        const before = await countTasks();
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/alice/tasks',
          headers: { authorization: `Bearer ${aliceToken}` },
          payload: sent,
        });
        expectWellFormed(response, 'POST');
        const after = await countTasks();
        if (response.statusCode !== 201) {
          expect(response.statusCode).toBe(422);
          expect(after).toBe(before);
          return;
        }
        expect(after).toBe(before + 1);
        const created = response.json<Task>();
        const expected = {
          title: sent.title,
          description: sent.description ?? null,
          tags: normalizedTags(sent.tags ?? []),
        };
        expect({
          title: created.title,
          description: created.description,
          tags: created.tags,
        }).toEqual(expected);
        const read = await t.app.inject({
          method: 'GET',
          url: `/api/alice/tasks/${created.id}`,
          headers: { authorization: `Bearer ${aliceToken}` },
        });
        const task = read.json<Task>();
        expect({ title: task.title, description: task.description, tags: task.tags }).toEqual(
          expected,
        );
        const [row] =
          await sql`select title, description, tags from tasks where id = ${created.id}`;
        expect(row).toEqual(expected);
        // Searching for the exact title finds it: LIKE wildcards in it are taken literally. (An
        // accepted title is also a valid search: same length limit, same storable characters.)
        const search = await t.app.inject({
          method: 'GET',
          url: `/api/alice/tasks?q=${encodeSegment(sent.title)}&limit=100`,
          headers: { authorization: `Bearer ${aliceToken}` },
        });
        expectWellFormed(search, 'GET');
        expect(search.json<{ items: Task[] }>().items.map((item) => item.title)).toContain(
          sent.title,
        );
      }),
      runs(800),
    );
  });

  it('list filters from hostile query strings: no 5xx, and only the caller’s own tasks come back', async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/alice/tasks?${query}`,
          headers: { authorization: `Bearer ${aliceToken}` },
        });
        expectWellFormed(response, 'GET');
        if (response.statusCode === 200) {
          const owners = new Set(
            response.json<{ items: Task[] }>().items.map((task) => task.user_id),
          );
          expect([...owners].filter((owner) => owner !== 'alice')).toEqual([]);
        } else {
          expect(response.statusCode).toBe(422);
        }
      }),
      runs(1500),
    );
  });

  it('due dates: every RFC 3339 near miss is stored or refused with 422, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(dateTimeish, fc.constantFrom('POST', 'PATCH', 'LIST'), async (due, how) => {
        const response =
          how === 'LIST'
            ? await t.app.inject({
                method: 'GET',
                url: `/api/alice/tasks?due_before=${encodeSegment(due)}&due_after=${encodeSegment(due)}`,
                headers: { authorization: `Bearer ${aliceToken}` },
              })
            : await t.app.inject({
                method: how,
                url: how === 'POST' ? '/api/alice/tasks' : `/api/alice/tasks/${aliceTaskIds[0]}`,
                headers: { authorization: `Bearer ${aliceToken}` },
                payload: { ...(how === 'POST' ? { title: 'due' } : {}), due_at: due },
              });
        expectWellFormed(response, how === 'LIST' ? 'GET' : how);
        if (response.statusCode >= 400) expect(response.statusCode).toBe(422);
        else if (how !== 'LIST')
          expect(Date.parse(response.json<Task>().due_at ?? '')).toBe(Date.parse(due));
      }),
      runs(800),
    );
  });

  it('prototype-pollution payloads in bodies and queries are refused and pollute nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        pollutingJson,
        fc.constantFrom('POST', 'PUT', 'PATCH'),
        fc.constantFrom(
          '__proto__[polluted]=yes',
          'constructor[prototype][polluted]=yes',
          '__proto__.polluted=yes',
          'tag=x&__proto__=y',
        ),
        async (json, method, query) => {
          const url =
            method === 'POST' ? '/api/alice/tasks' : `/api/alice/tasks/${aliceTaskIds[1]}`;
          const response = await t.app.inject({
            method,
            url,
            headers: { authorization: `Bearer ${aliceToken}`, 'content-type': 'application/json' },
            payload: json,
          });
          expectWellFormed(response, method);
          expect(response.statusCode).toBeOneOf([400, 422]);
          const list = await t.app.inject({
            method: 'GET',
            url: `/api/alice/tasks?${query}`,
            headers: { authorization: `Bearer ${aliceToken}` },
          });
          expectWellFormed(list, 'GET');
          expect(list.statusCode).toBe(422);
        },
      ),
      runs(300),
    );
  });

  it('huge and deeply nested bodies: 413 or another 4xx problem, the process unharmed', async () => {
    const deep = (depth: number, kind: 'array' | 'object') =>
      kind === 'array'
        ? `${'['.repeat(depth)}${']'.repeat(depth)}`
        : `${'{"title":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .tuple(fc.integer({ min: 1_000, max: 60_000 }), fc.constantFrom('array' as const))
            .map(([depth, kind]) => deep(depth, kind)),
          fc
            .tuple(fc.integer({ min: 100, max: 7_000 }), fc.constantFrom('object' as const))
            .map(([depth, kind]) => deep(depth, kind)),
          fc
            .integer({ min: 60 * 1024, max: 300 * 1024 })
            .map((size) => JSON.stringify({ title: 'x'.repeat(size) })),
          fc
            .integer({ min: 1_000, max: 20_000 })
            .map((count) => JSON.stringify({ title: 'x', tags: Array(count).fill('t') })),
        ),
        fc.constantFrom('POST', 'PUT', 'PATCH'),
        async (json, method) => {
          const url =
            method === 'POST' ? '/api/alice/tasks' : `/api/alice/tasks/${aliceTaskIds[2]}`;
          const response = await t.app.inject({
            method,
            url,
            headers: { authorization: `Bearer ${aliceToken}`, 'content-type': 'application/json' },
            payload: json,
          });
          expectWellFormed(response, method);
          expect(response.statusCode).toBeOneOf([400, 413, 422]);
          if (json.length > 64 * 1024) expect(response.statusCode).toBe(413);
        },
      ),
      runs(150),
    );
  });

  it('raw request targets over a real socket (no URL normalisation): traversal never escapes, no 5xx', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const get = (target: string) =>
      new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
        const request = http.request(
          // A connection per request: a reused one may be closed under it, which proves nothing.
          {
            host: '127.0.0.1',
            port,
            path: target,
            agent: false,
            headers: { authorization: `Bearer ${aliceToken}`, connection: 'close' },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                contentType: String(response.headers['content-type']),
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
        );
        request.on('error', reject);
        request.end();
      });
    const traversal = fc.constantFrom(
      '..',
      '%2e%2e',
      '.%2e',
      '%2e.',
      '..%2f..',
      '..%5c..',
      '%252e%252e',
      '....//',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/docs/static/', '/docs/', '/api/alice/tasks/', '/'),
        fc.array(fc.oneof(traversal, pathSegment), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(
          'etc/passwd',
          'package.json',
          'apps/backend/package.json',
          'proc/self/environ',
          'index.html',
        ),
        async (prefix, segments, target) => {
          // Kept under Node's 16 KiB header limit: beyond it the HTTP parser, not the app, answers.
          const answer = await get(`${prefix}${segments.join('/')}/${target}`.slice(0, 8_000));
          expect(answer.status, answer.body.slice(0, 200)).toBeLessThan(500);
          if (answer.status >= 400) {
            expect(answer.contentType, `${answer.status} ${answer.body}`).toMatch(
              /^application\/problem\+json/,
            );
            expect(JSON.parse(answer.body).status).toBe(answer.status);
          }
          expect(answer.body).not.toMatch(
            /root:x?:0:0|todo-on-kubernetes|@todo\/backend|BETTER_AUTH_SECRET|DATABASE_URL/,
          );
        },
      ),
      runs(500),
    );
  });

  // Last but one: with alice's token it may delete the tasks the properties above work on.
  it('any method, path, query, headers and body: no 5xx, every 4xx a problem+json with its status, no prototype pollution', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        path(),
        fc.option(queryString, { nil: undefined }),
        headers(),
        body,
        async (method, url, query, requestHeaders, payload) => {
          const options: InjectOptions = {
            method,
            url: query === undefined ? url : `${url}?${query}`,
            headers: requestHeaders,
          };
          if (payload !== undefined && method !== 'GET' && method !== 'HEAD')
            options.payload = payload;
          const response = await t.app.inject(options);
          expectWellFormed(response, method);
        },
      ),
      runs(4000),
    );
  });

  it('afterwards the app still answers, bob’s task is untouched, and nothing was polluted', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    expect(await readBobTask()).toEqual(bobTask);
    expect(await countTasks('bob')).toBe(1);
    expectUnpolluted();
  });
});
