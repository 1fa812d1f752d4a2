import type { Task } from '@todo/contract';
import { toDateTimeLocal } from '@todo/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let task: Task;
const url = (user: string, id: number) => `/api/${user}/tasks/${id}/snooze`;
const snooze = (payload: unknown, headers: Record<string, string> = {}, id = task.id) =>
  t.as('alice', { method: 'POST', url: url('alice', id), payload: payload as object, headers });
const storedReminders = async () =>
  t.sql`select kind, at from reminders where task_id = ${task.id} order by id`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'bob');
  task = await t.createTask('alice', {
    title: 'Call the dentist',
    due_at: '2031-05-01T10:00:00Z',
    time_zone: 'Europe/Berlin',
  });
});
afterAll(async () => t?.close());

describe('POST /api/:user_id/tasks/:id/snooze: refusals that change nothing', () => {
  it.each([
    ['an until in the past', { until: '2020-01-01T00:00:00Z' }, /until: must be in the future/],
    ['an unknown preset', { preset: '2h' }, /preset/],
    ['preset and until at once', { preset: '10m', until: '2031-01-01T00:00:00Z' }, /./],
    ['an until that is not a date-time', { until: 'tomorrow' }, /until/],
    ['an empty body', {}, /./],
  ])('refuses %s with 422', async (_, payload, detail) => {
    const before = await storedReminders();
    const problem = expectProblem(await snooze(payload), 422);
    expect(JSON.stringify(problem)).toMatch(detail);
    expect(await storedReminders()).toEqual(before);
  });

  it('answers 404 for another user’s task and a missing one', async () => {
    const bobs = await t.createTask('bob', { title: 'Bob’s' });
    expectProblem(await snooze({ preset: '10m' }, {}, bobs.id), 404);
    expectProblem(await snooze({ preset: '10m' }, {}, 2_000_000_000), 404);
    expect(await t.sql`select id from reminders where task_id = ${bobs.id}`).toEqual([]);
  });

  it('answers 412 for a stale If-Match and 400 for a malformed one', async () => {
    const before = await storedReminders();
    const stale = await snooze({ preset: '10m' }, { 'if-match': `"${task.version + 50}"` });
    expectProblem(stale, 412);
    expectProblem(await snooze({ preset: '10m' }, { 'if-match': 'nonsense' }), 400);
    expect(await storedReminders()).toEqual(before);
  });

  it('answers 401 without a token and 403 on another user’s path', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: url('alice', task.id),
      payload: { preset: '10m' },
    });
    expectProblem(anonymous, 401);
    const other = await t.as('bob', {
      method: 'POST',
      url: url('alice', task.id),
      payload: { preset: '10m' },
    });
    expectProblem(other, 403);
  });
});

describe('POST /api/:user_id/tasks/:id/snooze: the reminder it adds', () => {
  it('10m: an `at` reminder 10 minutes from now, stored and firing then, with a new ETag', async () => {
    const started = Date.now();
    const response = await snooze({ preset: '10m' });
    expect(response.statusCode, response.body).toBe(200);
    const snoozed = response.json<Task>();
    expect(response.headers.etag).toBe(`"${snoozed.version}"`);
    expect(snoozed.version).toBeGreaterThan(task.version);
    const [added] = snoozed.reminders.filter((reminder) => reminder.kind === 'at');
    const at = Date.parse(added?.at ?? '');
    expect(at).toBeGreaterThanOrEqual(started + 10 * 60_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
    expect(added?.fire_at).toBe(added?.at);
    expect(await storedReminders()).toHaveLength(1);
    task = snoozed;
  });

  it('tomorrow: 09:00 tomorrow in the task’s zone; the reminders it had stay', async () => {
    const response = await snooze({ preset: 'tomorrow' }, { 'if-match': `"${task.version}"` });
    expect(response.statusCode, response.body).toBe(200);
    const snoozed = response.json<Task>();
    const times = snoozed.reminders
      .filter((reminder) => reminder.kind === 'at')
      .map((reminder) => toDateTimeLocal(reminder.at ?? '', 'Europe/Berlin').slice(11));
    expect(times).toContain('09:00');
    expect(snoozed.reminders).toHaveLength(2);
    task = snoozed;
  });

  it('until: the time given; a task without a due time can be snoozed too', async () => {
    const plain = await t.createTask('alice', { title: 'No due time' });
    const response = await snooze({ until: '2031-02-03T04:05:00Z' }, {}, plain.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Task>().reminders).toMatchObject([
      { kind: 'at', at: '2031-02-03T04:05:00.000Z', fire_at: '2031-02-03T04:05:00.000Z' },
    ]);
  });
});
