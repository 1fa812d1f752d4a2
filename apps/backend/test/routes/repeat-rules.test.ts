import type { Task } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

// Repeat rules through the API and the database: what is stored, what is answered, and what
// completing does, decided by the planner (@todo/schedule) and written by the repository.

let t: TestApp;
const USER = 'rules';
const url = (suffix = '') => `/api/${USER}/tasks${suffix}`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER, 'other');
});
afterAll(async () => t?.close());

const send = (method: 'POST' | 'PUT' | 'PATCH', path: string, payload?: object) =>
  t.as(USER, { method, url: url(path), ...(payload ? { payload } : {}) });

async function get(id: number): Promise<Task> {
  const response = await t.as(USER, { method: 'GET', url: url(`/${id}`) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Task>();
}

async function complete(id: number): Promise<Task> {
  const response = await send('PATCH', `/${id}/complete`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Task>();
}

/** Completes the task and answers its next occurrence (fails when none was created). */
async function completeToNext(id: number): Promise<Task> {
  const done = await complete(id);
  expect(done.next_occurrence_id, 'a next occurrence').toEqual(expect.any(Number));
  return get(done.next_occurrence_id ?? 0);
}

describe('repeat in and out', () => {
  it('takes the structured fields and answers the canonical RRULE, the fields and a summary', async () => {
    const task = await t.createTask(USER, {
      title: 'Gym',
      due_at: '2031-03-10T17:00:00Z',
      repeat: { frequency: 'weekly', interval: 2, weekdays: ['th', 'mo'] },
    });
    expect(task.repeat).toEqual({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      frequency: 'weekly',
      interval: 2,
      weekdays: ['mo', 'th'],
      month_day: null,
      count: null,
      until: null,
      from: 'due',
      summary: 'Every 2 weeks on Mon, Thu',
    });
    expect(task.recurrence).toBe('custom');
    const [row] = await t.sql`select rrule, repeat_from from tasks where id = ${task.id}`;
    expect(row).toEqual({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', repeat_from: 'due' });
  });

  it('takes an RRULE string in any case and stores it canonical', async () => {
    const task = await t.createTask(USER, {
      title: 'Rent',
      repeat: { rrule: 'rrule:bymonthday=-1;freq=monthly', from: 'completion' },
    });
    expect(task.repeat).toMatchObject({
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1',
      month_day: -1,
      from: 'completion',
      summary: 'Every month on the last day after completion',
    });
  });

  it('answers the legacy recurrence for a rule that is one, either way it came in', async () => {
    const legacy = await t.createTask(USER, { title: 'Daily legacy', recurrence: 'daily' });
    expect(legacy).toMatchObject({
      recurrence: 'daily',
      repeat: { rrule: 'FREQ=DAILY', summary: 'Every day' },
    });
    const structured = await t.createTask(USER, {
      title: 'Daily structured',
      repeat: { frequency: 'daily' },
    });
    expect(structured.recurrence).toBe('daily');
    const none = await t.createTask(USER, { title: 'No repeat' });
    expect(none).toMatchObject({ recurrence: 'none', repeat: null });
  });

  it('PATCH repeat null or recurrence none clears the rule; PUT without either clears it too', async () => {
    const task = await t.createTask(USER, { title: 'Clear me', repeat: { frequency: 'yearly' } });
    const cleared = await send('PATCH', `/${task.id}`, { repeat: null });
    expect(cleared.json<Task>()).toMatchObject({ repeat: null, recurrence: 'none' });
    await send('PATCH', `/${task.id}`, { recurrence: 'monthly' });
    const none = await send('PATCH', `/${task.id}`, { recurrence: 'none' });
    expect(none.json<Task>().repeat).toBeNull();
    await send('PATCH', `/${task.id}`, { recurrence: 'monthly' });
    const replaced = await send('PUT', `/${task.id}`, { title: 'Replaced' });
    expect(replaced.json<Task>().repeat).toBeNull();
  });

  it('PATCH of another field keeps the rule', async () => {
    const task = await t.createTask(USER, {
      title: 'Keep rule',
      repeat: { rrule: 'FREQ=DAILY;INTERVAL=3' },
    });
    const renamed = await send('PATCH', `/${task.id}`, { title: 'Kept rule' });
    expect(renamed.json<Task>().repeat?.rrule).toBe('FREQ=DAILY;INTERVAL=3');
  });

  it.each([
    [
      'both repeat and recurrence',
      { repeat: { frequency: 'daily' }, recurrence: 'daily' },
      /not both/,
    ],
    [
      'an unsupported frequency',
      { repeat: { rrule: 'FREQ=HOURLY' } },
      /^repeat: FREQ=HOURLY is not supported/,
    ],
    [
      'weekdays on a monthly rule',
      { repeat: { frequency: 'monthly', weekdays: ['mo'] } },
      /^repeat: /,
    ],
    [
      'count and until together',
      { repeat: { rrule: 'FREQ=DAILY;COUNT=5;UNTIL=20301231T235959Z' } },
      /COUNT and UNTIL/,
    ],
    ['BYDAY with a position', { repeat: { rrule: 'FREQ=MONTHLY;BYDAY=1MO' } }, /^repeat: /],
  ])('answers 422 with the reason to %s, storing nothing', async (_, fields, detail) => {
    const answer = await send('POST', '', { title: 'Refused rule', ...fields });
    expect(expectProblem(answer, 422).detail).toMatch(detail);
    expect(await t.sql`select 1 from tasks where title = 'Refused rule'`).toHaveLength(0);
  });

  it.each([
    ['an interval of 0', { frequency: 'daily', interval: 0 }, 'body/repeat'],
    ['an unknown frequency', { frequency: 'hourly' }, 'body/repeat'],
    ['an unknown field', { frequency: 'daily', every: 2 }, 'body/repeat'],
    ['an empty rrule', { rrule: '' }, 'body/repeat'],
  ])('answers 422 naming the field for %s', async (_, repeat, path) => {
    const problem = expectProblem(await send('POST', '', { title: 'x', repeat }), 422);
    expect(problem.errors?.map((error) => error.path).join(' ')).toContain(path);
  });
});

describe('time_zone', () => {
  it('is UTC when left out, stored canonical when given, and kept by PATCH of other fields', async () => {
    expect((await t.createTask(USER, { title: 'Zone default' })).time_zone).toBe('UTC');
    const task = await t.createTask(USER, { title: 'Zoned', time_zone: 'europe/berlin' });
    expect(task.time_zone).toBe('Europe/Berlin');
    const patched = await send('PATCH', `/${task.id}`, { title: 'Still zoned' });
    expect(patched.json<Task>().time_zone).toBe('Europe/Berlin');
    const moved = await send('PATCH', `/${task.id}`, { time_zone: 'Asia/Tokyo' });
    expect(moved.json<Task>().time_zone).toBe('Asia/Tokyo');
  });

  it.each(['Mars/Olympus', 'Europe/Berlinn', '+05:00', 'Z'])(
    'answers 422 to %s, naming it',
    async (zone) => {
      const answer = await send('POST', '', { title: 'Bad zone', time_zone: zone });
      expect(expectProblem(answer, 422).detail).toBe(
        `time_zone: "${zone}" is not an IANA time zone`,
      );
    },
  );

  it.each([
    ['empty', ''],
    ['longer than 64 characters', 'A'.repeat(65)],
    ['not a string', 5],
  ])('answers 422 naming body/time_zone when %s', async (_, zone) => {
    const problem = expectProblem(await send('POST', '', { title: 'x', time_zone: zone }), 422);
    expect(problem.errors?.map((error) => error.path)).toContain('body/time_zone');
  });
});

describe('completing a repeating task (the planner, through the database)', () => {
  it('keeps 09:00 in Berlin across the change to summer time', async () => {
    const task = await t.createTask(USER, {
      title: 'Berlin 9am',
      due_at: '2031-03-29T08:00:00Z', // Saturday 09:00 CET
      time_zone: 'Europe/Berlin',
      repeat: { frequency: 'daily' },
    });
    const next = await completeToNext(task.id);
    expect(next.due_at).toBe('2031-03-30T07:00:00.000Z'); // Sunday 09:00 CEST
    expect(next.time_zone).toBe('Europe/Berlin');
  });

  it('goes to the last day of each month, and back to the 31st (Jan 31 → Feb 28 → Mar 31)', async () => {
    const task = await t.createTask(USER, {
      title: 'Month end',
      due_at: '2031-01-31T09:00:00Z',
      repeat: { frequency: 'monthly' },
    });
    const february = await completeToNext(task.id);
    expect(february.due_at).toBe('2031-02-28T09:00:00.000Z');
    const march = await completeToNext(february.id);
    expect(march.due_at).toBe('2031-03-31T09:00:00.000Z');
  });

  it('counts weekdays in the task’s zone far east (Kiritimati, UTC+14)', async () => {
    const task = await t.createTask(USER, {
      title: 'Kiritimati',
      due_at: '2031-03-09T18:00:00Z', // Monday 10 March 08:00 local, Sunday in UTC
      time_zone: 'Pacific/Kiritimati',
      repeat: { frequency: 'weekly', weekdays: ['mo', 'th'] },
    });
    const thursday = await completeToNext(task.id);
    expect(thursday.due_at).toBe('2031-03-12T18:00:00.000Z'); // Thursday 08:00 local
    const monday = await completeToNext(thursday.id);
    expect(monday.due_at).toBe('2031-03-16T18:00:00.000Z');
  });

  it('ends a series after COUNT occurrences', async () => {
    const task = await t.createTask(USER, {
      title: 'Twice',
      due_at: '2031-03-10T07:00:00Z',
      repeat: { frequency: 'daily', count: 2 },
    });
    const second = await completeToNext(task.id);
    expect(second.due_at).toBe('2031-03-11T07:00:00.000Z');
    const last = await complete(second.id);
    expect(last).toMatchObject({ completed: true, next_occurrence_id: null });
    expect(await t.sql`select 1 from tasks where title = 'Twice'`).toHaveLength(2);
  });

  it('ends a series at UNTIL', async () => {
    const task = await t.createTask(USER, {
      title: 'Until',
      due_at: '2031-03-10T07:00:00Z',
      repeat: { rrule: 'FREQ=DAILY;UNTIL=20310311T070000Z' },
    });
    const kept = await completeToNext(task.id); // exactly at UNTIL: kept
    expect(kept.due_at).toBe('2031-03-11T07:00:00.000Z');
    expect((await complete(kept.id)).next_occurrence_id).toBeNull();
  });

  it('completed early, goes to the date after the due one', async () => {
    const task = await t.createTask(USER, {
      title: 'Early',
      due_at: '2031-03-10T07:00:00Z',
      repeat: { frequency: 'weekly' },
    });
    expect((await completeToNext(task.id)).due_at).toBe('2031-03-17T07:00:00.000Z');
  });

  it('completed late, goes to the first date of the schedule after now, not an overdue one', async () => {
    const task = await t.createTask(USER, {
      title: 'Late',
      due_at: '2020-01-06T07:00:00Z', // a Monday
      repeat: { frequency: 'weekly' },
    });
    const before = Date.now();
    const next = await completeToNext(task.id);
    const due = Date.parse(next.due_at ?? '');
    expect(due).toBeGreaterThan(before);
    expect(due - before).toBeLessThanOrEqual(7 * 86_400_000);
    expect(new Date(due).getUTCDay()).toBe(1);
    expect(next.due_at?.slice(11)).toBe('07:00:00.000Z');
  });

  it('from completion, counts from the day it was completed at the due time of day', async () => {
    const task = await t.createTask(USER, {
      title: 'From completion',
      due_at: '2020-01-06T07:30:00Z',
      repeat: { frequency: 'daily', interval: 3, from: 'completion' },
    });
    const today = new Date().toISOString().slice(0, 10);
    const next = await completeToNext(task.id);
    const expected = new Date(`${today}T07:30:00Z`);
    expected.setUTCDate(expected.getUTCDate() + 3);
    expect(next.due_at).toBe(expected.toISOString());
  });

  it('un-completing and completing again creates no twin', async () => {
    const task = await t.createTask(USER, {
      title: 'No twin',
      due_at: '2031-03-10T07:00:00Z',
      repeat: { rrule: 'FREQ=WEEKLY;BYDAY=MO,FR' },
    });
    const first = await complete(task.id);
    await complete(task.id);
    const again = await complete(task.id);
    expect(again.next_occurrence_id).toBe(first.next_occurrence_id);
    expect(await t.sql`select 1 from tasks where title = 'No twin'`).toHaveLength(2);
  });

  it('the next occurrence copies the rule, zone, project and parent', async () => {
    const parent = await t.createTask(USER, { title: 'Copy parent' });
    const task = await t.createTask(USER, {
      title: 'Copy step',
      parent_id: parent.id,
      due_at: '2031-03-10T07:00:00Z',
      time_zone: 'America/New_York',
      repeat: { frequency: 'weekly', interval: 2, from: 'due' },
    });
    const next = await completeToNext(task.id);
    expect(next).toMatchObject({
      parent_id: parent.id,
      project_id: task.project_id,
      time_zone: 'America/New_York',
      repeat: task.repeat,
      due_at: '2031-03-24T07:00:00.000Z', // 03:00 in New York both times (DST began 9 March)
    });
  });
});
