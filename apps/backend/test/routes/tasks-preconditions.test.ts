import type { Task } from '@todo/contract';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const taskUrl = (id: number, userId = 'alice') => `/api/${userId}/tasks/${id}`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'bob');
});
afterAll(async () => t?.close());

const etagOf = (response: LightMyRequestResponse) => response.headers.etag;

/** The row as stored, to show that a refused write changed nothing. */
async function row(id: number) {
  const [stored] = await t.sql`select * from tasks where id = ${id}`;
  return stored;
}

const write = (
  method: 'PUT' | 'PATCH' | 'DELETE',
  id: number,
  ifMatch?: string,
  payload?: object,
) =>
  t.as('alice', {
    method,
    url: taskUrl(id),
    ...(payload ? { payload } : {}),
    headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
  });

const toggle = (id: number, ifMatch?: string) =>
  t.as('alice', {
    method: 'PATCH',
    url: `${taskUrl(id)}/complete`,
    headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
  });

describe('ETag', () => {
  it('is on every single-task answer, strong, and changes with every write', async () => {
    const created = await t.as('alice', {
      method: 'POST',
      url: '/api/alice/tasks',
      payload: { title: 'Tagged' },
    });
    expect(created.statusCode).toBe(201);
    const task = created.json<Task>();
    expect(etagOf(created)).toBe('"1"');
    expect(etagOf(created)).toBe(`"${task.version}"`);

    const read = await t.as('alice', { method: 'GET', url: taskUrl(task.id) });
    expect(etagOf(read)).toBe('"1"');

    const seen = new Set([etagOf(created)]);
    for (const response of [
      await write('PATCH', task.id, undefined, { title: 'Tagged again' }),
      await write('PUT', task.id, undefined, { title: 'Replaced' }),
      await toggle(task.id),
      // The same values again is still a new version.
      await write('PATCH', task.id, undefined, { title: 'Replaced' }),
    ]) {
      expect(response.statusCode, response.body).toBe(200);
      expect(etagOf(response)).toMatch(/^"\d+"$/);
      expect(seen.has(etagOf(response))).toBe(false);
      seen.add(etagOf(response));
    }
    expect(seen.size).toBe(5);
  });
});

describe('If-Match', () => {
  it('lets a write through when the ETag is current, and answers the new one', async () => {
    const task = await t.createTask('alice', { title: 'Current' });
    const response = await write('PATCH', task.id, '"1"', { title: 'Changed' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Task>()).toMatchObject({ title: 'Changed', version: 2 });
    expect(etagOf(response)).toBe('"2"');
  });

  it.each([
    ['PATCH', { title: 'Lost update' }],
    ['PUT', { title: 'Lost update', priority: 'high' }],
  ] as const)('refuses a stale %s with 412 and changes nothing', async (method, payload) => {
    const task = await t.createTask('alice', { title: 'Shared', description: 'first' });
    // Another tab saves first.
    expect((await write('PATCH', task.id, '"1"', { description: 'second' })).statusCode).toBe(200);
    const before = await row(task.id);

    const problem = expectProblem(await write(method, task.id, '"1"', payload), 412);
    expect(problem.detail).toMatch(/changed since/);
    expect(problem.instance).toBe(taskUrl(task.id));
    expect(await row(task.id)).toEqual(before);
    expect(before).toMatchObject({ title: 'Shared', description: 'second', version: 2 });
  });

  it('refuses a stale toggle, and creates no next occurrence of a recurring task', async () => {
    const plain = await t.createTask('alice', { title: 'Plain' });
    await write('PATCH', plain.id, undefined, { title: 'Plain, renamed' });
    expectProblem(await toggle(plain.id, '"1"'), 412);
    expect(await row(plain.id)).toMatchObject({ completed: false, version: 2 });

    const recurring = await t.createTask('alice', {
      title: 'Weekly',
      recurrence: 'weekly',
      due_at: '2030-01-07T09:00:00Z',
    });
    await write('PATCH', recurring.id, undefined, { title: 'Weekly, renamed' });
    expectProblem(await toggle(recurring.id, '"1"'), 412);
    expect(await row(recurring.id)).toMatchObject({ completed: false, next_occurrence_id: null });
    const [count] = await t.sql`select count(*)::int as n from tasks where title like 'Weekly%'`;
    expect(count?.n).toBe(1);

    const done = await toggle(recurring.id, '"2"');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Task>()).toMatchObject({
      completed: true,
      next_occurrence_id: expect.any(Number),
    });
    expect(etagOf(done)).toBe('"3"');
  });

  it('refuses a stale delete, keeping the task, and deletes with the current ETag', async () => {
    const task = await t.createTask('alice', { title: 'Keep me' });
    await write('PATCH', task.id, undefined, { title: 'Keep me, edited' });
    expectProblem(await write('DELETE', task.id, '"1"'), 412);
    expect(await row(task.id)).toMatchObject({ title: 'Keep me, edited' });

    const deleted = await write('DELETE', task.id, '"2"');
    expect(deleted.statusCode).toBe(204);
    expect(await row(task.id)).toBeUndefined();
  });

  it('lets exactly one of two writes with the same ETag through', async () => {
    const task = await t.createTask('alice', { title: 'Race' });
    const answers = await Promise.all([
      write('PATCH', task.id, '"1"', { title: 'Tab one' }),
      write('PATCH', task.id, '"1"', { title: 'Tab two' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 412]);
    const winner = answers.find((answer) => answer.statusCode === 200)?.json<Task>();
    expect(await row(task.id)).toMatchObject({ title: winner?.title, version: 2 });
  });

  it('matches any tag of a list, compares strongly, and ignores tags it never issued', async () => {
    const task = await t.createTask('alice', { title: 'Lists' });
    expectProblem(await write('PATCH', task.id, 'W/"1"', { title: 'weak' }), 412);
    expectProblem(await write('PATCH', task.id, '"abc", "0", "99999999999"', { title: 'x' }), 412);
    const listed = await write('PATCH', task.id, '"7", "x,y", "1"', { title: 'listed' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(await row(task.id)).toMatchObject({ title: 'listed', version: 2 });
  });

  it('treats * as "the task exists" (RFC 9110): a write to an existing task goes through', async () => {
    const task = await t.createTask('alice', { title: 'Star' });
    await write('PATCH', task.id, undefined, { title: 'Star, edited' });
    const response = await write('PATCH', task.id, '*', { title: 'Star, again' });
    expect(response.statusCode, response.body).toBe(200);
    expect((await toggle(task.id, '*')).statusCode).toBe(200);
    expect((await write('DELETE', task.id, '*')).statusCode).toBe(204);
  });

  it('answers 404, not 412, for a missing task or another user’s, whatever the If-Match', async () => {
    const bobs = await t.createTask('bob', { title: 'Private' });
    for (const id of [bobs.id, 999_999]) {
      for (const ifMatch of ['"1"', '"2"', '*']) {
        expectProblem(await write('PATCH', id, ifMatch, { title: 'x' }), 404);
        expectProblem(await write('DELETE', id, ifMatch), 404);
        expectProblem(await toggle(id, ifMatch), 404);
      }
    }
    expect(await row(bobs.id)).toMatchObject({ title: 'Private', version: 1 });
  });

  it('answers 400 problem for an If-Match that is not a list of quoted tags', async () => {
    const task = await t.createTask('alice', { title: 'Syntax' });
    for (const ifMatch of ['1', '"1', 'W/1', '"1" "2"', '**']) {
      const problem = expectProblem(await write('PATCH', task.id, ifMatch, { title: 'x' }), 400);
      expect(problem.detail).toMatch(/If-Match/);
    }
    expect(await row(task.id)).toMatchObject({ title: 'Syntax', version: 1 });
  });

  it('reads a long hostile header in linear time', async () => {
    const task = await t.createTask('alice', { title: 'Hostile' });
    const started = performance.now();
    const response = await write('PATCH', task.id, `${'"1",'.repeat(3000)} "`, { title: 'x' });
    expect(performance.now() - started).toBeLessThan(1000);
    expectProblem(response, 400);
  });

  it('leaves a write without If-Match unconditional, as before', async () => {
    const task = await t.createTask('alice', { title: 'Old client' });
    await write('PATCH', task.id, undefined, { title: 'Tab one' });
    const response = await write('PATCH', task.id, undefined, { title: 'Tab two' });
    expect(response.statusCode).toBe(200);
    expect(await row(task.id)).toMatchObject({ title: 'Tab two', version: 3 });
  });
});
