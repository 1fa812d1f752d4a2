import type { Task } from '@todo/contract';
import { schema } from '@todo/db/client';
import { drizzle } from 'drizzle-orm/postgres-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickAddBody } from '../../src/repositories/quick-add-body.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

// POST /api/:user_id/tasks with `text`: the line read by the quick-add parser (@todo/schedule,
// whose phrase table lives in packages/schedule/test/quick-add), stored through the same path
// as any other task.

let t: TestApp;
const USER = 'quick';
let home: number;
let sideProject: number;

const post = (payload: object) =>
  t.as(USER, { method: 'POST', url: `/api/${USER}/tasks`, payload });

async function quickAdd(payload: object): Promise<Task> {
  const response = await post(payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Task>();
}

/** The wall-clock date and time of an instant in a zone, as "YYYY-MM-DD HH:mm". */
function wallClock(iso: string | null, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso ?? 0))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Tomorrow's date on the zone's wall clock. */
function tomorrowIn(timeZone: string): string {
  return wallClock(new Date(Date.now() + 86_400_000).toISOString(), timeZone).slice(0, 10);
}

const storedTitles = async (title: string) =>
  t.sql`select id from tasks where user_id = ${USER} and title = ${title}`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER, 'stranger');
  const rows = await t.sql<{ id: number; name: string }[]>`
    insert into projects (user_id, name, position)
    values (${USER}, 'Home', 1), (${USER}, 'Side project', 2), ('stranger', 'Hidden', 1)
    returning id, name`;
  home = rows.find((row) => row.name === 'Home')?.id ?? 0;
  sideProject = rows.find((row) => row.name === 'Side project')?.id ?? 0;
});
afterAll(async () => t?.close());

describe('POST /api/:user_id/tasks with text', () => {
  it('reads title, due date, repeat, priority, project and tags in the body’s time zone', async () => {
    const task = await quickAdd({
      text: 'Pay rent tomorrow 9am every month p1 #Home @bills',
      time_zone: 'Europe/Berlin',
    });
    expect(task).toMatchObject({
      title: 'Pay rent',
      priority: 'high',
      tags: ['bills'],
      project_id: home,
      time_zone: 'Europe/Berlin',
      recurrence: 'monthly',
      repeat: { rrule: 'FREQ=MONTHLY', summary: 'Every month' },
    });
    expect(wallClock(task.due_at, 'Europe/Berlin')).toBe(`${tomorrowIn('Europe/Berlin')} 09:00`);
  });

  it('reads dates in UTC when the body names no zone', async () => {
    const task = await quickAdd({ text: 'Stand-up tomorrow 9am' });
    expect(task.time_zone).toBe('UTC');
    expect(wallClock(task.due_at, 'UTC')).toBe(`${tomorrowIn('UTC')} 09:00`);
  });

  it('reads a date far east on that zone’s calendar (Kiritimati, UTC+14)', async () => {
    const task = await quickAdd({
      text: 'Call home tomorrow 8am',
      time_zone: 'Pacific/Kiritimati',
    });
    expect(wallClock(task.due_at, 'Pacific/Kiritimati')).toBe(
      `${tomorrowIn('Pacific/Kiritimati')} 08:00`,
    );
  });

  it('finds the project ignoring case, spaces included', async () => {
    expect((await quickAdd({ text: 'Fix the tap #home' })).project_id).toBe(home);
    const task = await quickAdd({ text: 'Write the README #side project' });
    expect(task).toMatchObject({ title: 'Write the README', project_id: sideProject });
  });

  it('puts a line without a project in the Inbox', async () => {
    const task = await quickAdd({ text: 'Just a thought' });
    expect(task.project_id).toBe(await t.inboxId(USER));
  });

  it('answers 422 naming an unknown project, and creates nothing', async () => {
    const answer = await post({ text: 'Plant roses #Garden' });
    expect(expectProblem(answer, 422).detail).toMatch(/no project named “Garden”/);
    expect(await storedTitles('Plant roses')).toHaveLength(0);
  });

  it('does not find another user’s project', async () => {
    const answer = await post({ text: 'Peek #Hidden' });
    expect(expectProblem(answer, 422).detail).toMatch(/no project named “Hidden”/);
  });

  it('answers 422 with a clear message when no title is left, and creates nothing', async () => {
    const before = await t.sql`select id from tasks where user_id = ${USER}`;
    const answer = await post({ text: 'tomorrow 9am p1 #Home @bills' });
    expect(expectProblem(answer, 422).detail).toMatch(/^text: no title is left/);
    expect(await t.sql`select id from tasks where user_id = ${USER}`).toHaveLength(before.length);
  });

  it('keeps a quoted word as text', async () => {
    const task = await quickAdd({ text: 'Read "tomorrow" by Smith' });
    expect(task).toMatchObject({ title: 'Read tomorrow by Smith', due_at: null });
  });

  it('lets fields sent beside the text win over what it says', async () => {
    const task = await quickAdd({
      text: 'Call mom tomorrow p1 @family #Home every day',
      priority: 'low',
      tags: ['Phone'],
      project_id: sideProject,
      due_at: '2031-05-01T10:00:00Z',
      repeat: null,
      description: 'Ask about the trip',
    });
    expect(task).toMatchObject({
      title: 'Call mom',
      priority: 'low',
      tags: ['phone'],
      project_id: sideProject,
      due_at: '2031-05-01T10:00:00.000Z',
      repeat: null,
      description: 'Ask about the trip',
    });
  });

  it('a legacy recurrence beside the text wins over the repeat it says', async () => {
    const task = await quickAdd({ text: 'Water plants every 2 weeks', recurrence: 'weekly' });
    expect(task).toMatchObject({ recurrence: 'weekly', repeat: { rrule: 'FREQ=WEEKLY' } });
  });

  it('an explicit project_id wins over an unknown #project', async () => {
    const task = await quickAdd({ text: 'Prune #Garden', project_id: home });
    expect(task).toMatchObject({ title: 'Prune', project_id: home });
  });

  it('makes a subtask with parent_id, in the parent’s project', async () => {
    const parent = await quickAdd({ text: 'Move house #Home' });
    const step = await quickAdd({ text: 'Book the van friday', parent_id: parent.id });
    expect(step).toMatchObject({ title: 'Book the van', parent_id: parent.id, project_id: home });
  });

  it('a repeat’s due date is the rule’s first occurrence', async () => {
    const task = await quickAdd({ text: 'Team sync every mon 10am', time_zone: 'Europe/Berlin' });
    const due = new Date(task.due_at ?? 0);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', weekday: 'short' }).format(due),
    ).toBe('Mon');
    expect(wallClock(task.due_at, 'Europe/Berlin').slice(11)).toBe('10:00');
  });

  it.each([
    ['both title and text', { title: 'x', text: 'y' }, /title or text/],
    ['an unknown time zone', { text: 'x tomorrow', time_zone: 'Mars/Olympus' }, /time_zone/],
  ])('answers 422 to %s', async (_, payload, detail) => {
    expect(expectProblem(await post(payload), 422).detail).toMatch(detail);
  });

  it.each([
    ['an empty text', { text: '' }],
    ['only spaces', { text: '   ' }],
    ['over 500 characters', { text: 'x'.repeat(501) }],
    ['a number', { text: 5 }],
    ['a NUL character', { text: 'a\u0000b' }],
  ])('answers 422 naming body/text for %s', async (_, payload) => {
    const problem = expectProblem(await post(payload), 422);
    expect(problem.errors?.map((error) => error.path)).toContain('body/text');
  });

  it('answers 422 when the title it leaves is over 200 characters', async () => {
    const answer = await post({ text: `${'word '.repeat(45)}tomorrow` });
    expect(expectProblem(answer, 422).detail).toMatch(/over 200 characters/);
  });
});

describe('POST /api/:user_id/tasks with reminders in the text', () => {
  it('stores the reminders the line names, with their fire times', async () => {
    const task = await quickAdd({
      text: 'Dentist tomorrow 10am !30m remind me at due',
      time_zone: 'Europe/Berlin',
    });
    expect(task.title).toBe('Dentist');
    const due = Date.parse(task.due_at ?? '');
    expect(
      task.reminders.map(({ kind, minutes_before, fire_at }) => ({
        kind,
        minutes_before,
        fire_at,
      })),
    ).toEqual([
      { kind: 'before', minutes_before: 30, fire_at: new Date(due - 30 * 60_000).toISOString() },
      { kind: 'due', minutes_before: null, fire_at: new Date(due).toISOString() },
    ]);
  });
});

describe('quickAddBody', () => {
  const db = () => drizzle(t.sql, { schema, casing: 'snake_case' });

  it('passes the reminders the line names into the body, which the task write stores', async () => {
    const body = await quickAddBody(db(), USER, {
      text: 'Dentist tomorrow 10am !30m remind me at due',
      time_zone: 'Europe/Berlin',
    });
    expect(body).toMatchObject({
      title: 'Dentist',
      reminders: [{ kind: 'before', minutes_before: 30 }, { kind: 'due' }],
    });
  });

  it('lets reminders sent beside the text win, [] included', async () => {
    const body = await quickAddBody(db(), USER, { text: 'Dentist tomorrow !30m', reminders: [] });
    expect(body.reminders).toEqual([]);
  });

  it('names no reminders when the line has none, so the user’s default applies', async () => {
    const body = await quickAddBody(db(), USER, { text: 'Dentist tomorrow' });
    expect(body).not.toHaveProperty('reminders');
  });
});
