import type { Task } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let existing: Task;
const USER = 'picky';
const tasksUrl = `/api/${USER}/tasks`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER);
  existing = await t.createTask(USER, { title: 'Untouched', tags: ['keep'] });
});
afterAll(async () => t?.close());

const post = (payload: unknown) =>
  t.as(USER, { method: 'POST', url: tasksUrl, payload: payload as Record<string, unknown> });

/** Paths of the validation errors of a 422 answer. */
async function invalidPaths(response: Awaited<ReturnType<typeof post>>): Promise<string[]> {
  const problem = expectProblem(response, 422);
  expect(problem.title).toBe('Unprocessable Entity');
  expect(problem.errors?.length).toBeGreaterThan(0);
  for (const error of problem.errors ?? []) expect(error.message).toEqual(expect.any(String));
  return (problem.errors ?? []).map((error) => error.path);
}

describe('malformed requests', () => {
  it('answers 400 to malformed JSON', async () => {
    const response = await t.as(USER, {
      method: 'POST',
      url: tasksUrl,
      headers: { 'content-type': 'application/json' },
      payload: '{"title": "unterminated',
    });
    expect(expectProblem(response, 400)).toMatchObject({
      title: 'Bad Request',
      detail: 'The body is not valid JSON',
    });
  });

  it('answers 400 to an empty JSON body', async () => {
    const response = await t.as(USER, {
      method: 'POST',
      url: tasksUrl,
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expectProblem(response, 400);
  });

  it('answers 400 to a body with __proto__', async () => {
    const response = await t.as(USER, {
      method: 'POST',
      url: tasksUrl,
      headers: { 'content-type': 'application/json' },
      payload: '{"title":"x","__proto__":{"admin":true}}',
    });
    expectProblem(response, 400);
  });

  it('answers 413 to a body over 64 KiB, before validating it', async () => {
    const response = await post({ title: 'big', description: 'x'.repeat(65 * 1024) });
    expect(expectProblem(response, 413).title).toBe('Payload Too Large');
  });

  it('accepts a body just under 64 KiB up to validation', async () => {
    const response = await post({ title: 'big', description: 'x'.repeat(60 * 1024) });
    expect(await invalidPaths(response)).toContain('body/description');
  });

  it.each([
    'application/x-www-form-urlencoded',
    'application/xml',
    'multipart/form-data; boundary=x',
  ])('answers 415 to a %s body', async (contentType) => {
    const response = await t.as(USER, {
      method: 'POST',
      url: tasksUrl,
      headers: { 'content-type': contentType },
      payload: 'title=x',
    });
    expect(expectProblem(response, 415).title).toBe('Unsupported Media Type');
  });

  it('accepts JSON with a charset', async () => {
    const response = await t.as(USER, {
      method: 'POST',
      url: tasksUrl,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: '{"title":"charset"}',
    });
    expect(response.statusCode).toBe(201);
  });

  it('answers 422 to a POST without a body', async () => {
    const response = await t.as(USER, { method: 'POST', url: tasksUrl });
    expect(await invalidPaths(response)).toEqual(['body']);
  });

  it('answers 422 to a JSON body that is not an object', async () => {
    for (const payload of ['[]', '"title"', '42', 'null']) {
      const response = await t.as(USER, {
        method: 'POST',
        url: tasksUrl,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(422);
    }
  });
});

describe('422 for well-formed input that fails validation', () => {
  it.each([
    ['a number as title', { title: 5 }, ['body/title']],
    ['a string as tags', { title: 'x', tags: 'work' }, ['body/tags']],
    ['a string as completed', { title: 'x', completed: 'true' }, ['body/completed']],
    ['a number in tags', { title: 'x', tags: [1] }, ['body/tags/0']],
    ['an unknown field', { title: 'x', owner: 'bob' }, ['body/owner']],
    ['user_id in the body', { title: 'x', user_id: 'bob' }, ['body/user_id']],
    ['a missing title', { priority: 'low' }, ['body/title']],
    ['an empty title', { title: '' }, ['body/title']],
    ['a title of only spaces', { title: '   \t ' }, ['body/title']],
    ['a 201-character title', { title: 'x'.repeat(201) }, ['body/title']],
    [
      'a 1001-character description',
      { title: 'x', description: 'd'.repeat(1001) },
      ['body/description'],
    ],
    ['11 tags', { title: 'x', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, ['body/tags']],
    ['a 33-character tag', { title: 'x', tags: ['t'.repeat(33)] }, ['body/tags/0']],
    ['an empty tag', { title: 'x', tags: ['ok', ''] }, ['body/tags/1']],
    ['a blank tag', { title: 'x', tags: ['  '] }, ['body/tags/0']],
    ['a bad priority', { title: 'x', priority: 'urgent' }, ['body/priority']],
    ['a bad recurrence', { title: 'x', recurrence: 'hourly' }, ['body/recurrence']],
    ['a date without time', { title: 'x', due_at: '2030-01-01' }, ['body/due_at']],
    ['a date without time zone', { title: 'x', due_at: '2030-01-01T10:00:00' }, ['body/due_at']],
    ['February 30', { title: 'x', due_at: '2030-02-30T10:00:00Z' }, ['body/due_at']],
    ['hour 24', { title: 'x', due_at: '2030-01-01T24:00:00Z' }, ['body/due_at']],
    ['a leap second', { title: 'x', due_at: '2030-06-30T23:59:60Z' }, ['body/due_at']],
    ['the year 0000', { title: 'x', due_at: '0000-06-01T00:00:00Z' }, ['body/due_at']],
    [
      'a date before year 1 in UTC',
      { title: 'x', due_at: '0001-01-01T00:30:00+01:00' },
      ['body/due_at'],
    ],
    [
      'a date past 9999 in UTC',
      { title: 'x', due_at: '9999-12-31T23:30:00-01:00' },
      ['body/due_at'],
    ],
    ['a time stamp number', { title: 'x', due_at: 1_900_000_000_000 }, ['body/due_at']],
    ['free text as a date', { title: 'x', due_at: 'tomorrow' }, ['body/due_at']],
    ['a NUL in the title', { title: 'a\u0000b' }, ['body/title']],
    ['a NUL in the description', { title: 'x', description: 'a\u0000b' }, ['body/description']],
    ['a NUL in a tag', { title: 'x', tags: ['a\u0000b'] }, ['body/tags/0']],
  ])('%s', async (_name, payload, paths) => {
    const found = await invalidPaths(await post(payload));
    for (const path of paths) expect(found).toContain(path);
    expect(found.every((path) => paths.some((wanted) => path === wanted))).toBe(true);
  });

  it('reports every problem at once', async () => {
    const found = await invalidPaths(
      await post({ title: '', priority: 'urgent', tags: 'x', extra: true }),
    );
    expect(found).toEqual(
      expect.arrayContaining(['body/title', 'body/priority', 'body/tags', 'body/extra']),
    );
  });

  it('names a missing and an unknown field in words', async () => {
    const problem = expectProblem(await post({ titel: 'typo' }), 422);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: 'body/title', message: 'is required' },
        { path: 'body/titel', message: 'is not a known field' },
      ]),
    );
  });

  it('refuses a lone UTF-16 surrogate, which could not be stored as sent', async () => {
    const response = await t.as(USER, {
      method: 'POST',
      url: tasksUrl,
      headers: { 'content-type': 'application/json' },
      payload: '{"title":"broken \\ud800 pair"}',
    });
    expect(await invalidPaths(response)).toEqual(['body/title']);
  });

  it('validates PUT and PATCH bodies the same way', async () => {
    const url = `${tasksUrl}/${existing.id}`;
    const put = await t.as(USER, {
      method: 'PUT',
      url,
      payload: { title: 'x', tags: ['t'.repeat(33)] },
    });
    expect(await invalidPaths(put)).toEqual(['body/tags/0']);
    const patch = await t.as(USER, { method: 'PATCH', url, payload: { title: ' ', done: true } });
    expect(await invalidPaths(patch)).toEqual(expect.arrayContaining(['body/title', 'body/done']));
    const nulTitle = await t.as(USER, { method: 'PATCH', url, payload: { title: null } });
    expect(await invalidPaths(nulTitle)).toEqual(['body/title']);
  });

  it.each([
    ['abc', 'params/id'],
    ['0', 'params/id'],
    ['-1', 'params/id'],
    ['1.5', 'params/id'],
    ['2147483648', 'params/id'],
  ])('refuses the task id %s', async (id, path) => {
    for (const [method, suffix] of [
      ['GET', ''],
      ['PUT', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['PATCH', '/complete'],
    ] as const) {
      const response = await t.as(USER, {
        method,
        url: `${tasksUrl}/${id}${suffix}`,
        payload: { title: 'x' },
      });
      expect(await invalidPaths(response)).toContain(path);
    }
  });

  it.each([
    ['status=done', 'querystring/status'],
    ['priority=urgent', 'querystring/priority/0'],
    ['sort=random', 'querystring/sort'],
    ['order=up', 'querystring/order'],
    ['overdue=maybe', 'querystring/overdue'],
    ['has_due=2', 'querystring/has_due'],
    ['due_before=yesterday', 'querystring/due_before'],
    ['due_after=2030-06-30T23:59:60Z', 'querystring/due_after'],
    ['due_before=0000-01-01T00:00:00Z', 'querystring/due_before'],
    [`tag=${'t'.repeat(33)}`, 'querystring/tag/0'],
    [`q=${'q'.repeat(201)}`, 'querystring/q'],
    ['q=a%00b', 'querystring/q'],
    ['page=2', 'querystring/page'],
  ])('refuses the list query %s', async (query, path) => {
    const response = await t.as(USER, { method: 'GET', url: `${tasksUrl}?${query}` });
    expect(await invalidPaths(response)).toContain(path);
  });

  it('leaves the stored tasks alone after all of that', async () => {
    const response = await t.as(USER, { method: 'GET', url: `${tasksUrl}/${existing.id}` });
    expect(response.json()).toEqual(existing);
  });
});

describe('text is stored exactly as sent', () => {
  it('keeps unicode, emoji, combining marks, RTL and inner whitespace', async () => {
    const title = '  Café ☕ — naïve 👩🏽‍💻 שלום\tdone  ';
    const description =
      'Line 1\nLine 2\r\n\u200b zero-width, e\u0301 combining, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, "quotes" \\ back';
    const created = await t.createTask(USER, { title, description, tags: ['Ünïcödé', '🏷️ Emoji'] });
    expect(created.title).toBe(title);
    expect(created.description).toBe(description);
    expect(created.tags).toEqual(['ünïcödé', '🏷️ emoji']);
    const response = await t.as(USER, { method: 'GET', url: `${tasksUrl}/${created.id}` });
    expect(response.json()).toMatchObject({ title, description });
    const [row] = await t.sql`select title, description from tasks where id = ${created.id}`;
    expect(row).toEqual({ title, description });
  });

  it('counts characters, not UTF-16 units: 200 emoji are a valid title, 201 are not', async () => {
    const created = await t.createTask(USER, { title: '😀'.repeat(200) });
    expect([...created.title]).toHaveLength(200);
    expect(await invalidPaths(await post({ title: '😀'.repeat(201) }))).toEqual(['body/title']);
  });

  it('accepts exactly 200, 1000, 10 and 32 at the limits', async () => {
    const created = await t.createTask(USER, {
      title: 't'.repeat(200),
      description: 'd'.repeat(1000),
      tags: Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(32, 'x')),
    });
    expect(created.tags).toHaveLength(10);
    expect(created.description).toHaveLength(1000);
  });

  it('finds emoji and accented text with q', async () => {
    await t.createTask(USER, { title: 'Grüße 🎉 party' });
    const response = await t.as(USER, {
      method: 'GET',
      url: `${tasksUrl}?q=${encodeURIComponent('GRÜSSE'.slice(0, 3))}`,
    });
    expect(response.json<{ items: Task[] }>().items.map((task) => task.title)).toContain(
      'Grüße 🎉 party',
    );
    const emoji = await t.as(USER, {
      method: 'GET',
      url: `${tasksUrl}?q=${encodeURIComponent('🎉')}`,
    });
    expect(emoji.json<{ total: number }>().total).toBe(1);
  });
});

describe('one error shape everywhere', () => {
  it.each([
    ['GET', '/no/such/route'],
    ['GET', '/api'],
    ['POST', '/health'],
    ['GET', `/api/${USER}/nothing-here`],
    ['DELETE', `/api/${USER}/tasks`],
  ] as const)('answers 404 problem+json to %s %s', async (method, url) => {
    const response = await t.app.inject({ method, url });
    const problem = expectProblem(response, 404);
    expect(problem).toMatchObject({ title: 'Not Found', instance: url });
  });

  it('keeps the query string out of instance', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/no/such?token=secret' });
    expect(expectProblem(response, 404).instance).toBe('/no/such');
    expect(response.body).not.toContain('secret');
  });

  it('answers a path segment over the router’s limit with problem+json', async () => {
    const long = 'u'.repeat(250);
    const response = await t.as(long, { method: 'GET', url: `/api/${long}/tasks` });
    expectProblem(response, 414);
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers a malformed %-escape in the path with a 400 problem', async () => {
    const response = await t.as(USER, { method: 'GET', url: `/api/${USER}/tasks/%E0%A4%A` });
    expectProblem(response, 400);
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('refuses a user_id over 128 characters with 422', async () => {
    const long = 'u'.repeat(129);
    const response = await t.as(long, { method: 'GET', url: `/api/${long}/tasks` });
    expect(await invalidPaths(response)).toEqual(['params/user_id']);
  });

  it('answers a valid token for a user that no longer exists with 401, not 500', async () => {
    const response = await t.as('deleted-user', {
      method: 'POST',
      url: '/api/deleted-user/tasks',
      payload: { title: 'orphan' },
    });
    expect(expectProblem(response, 401).detail).toBe("The token's user does not exist");
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });
});
