import type { CreateTaskBody, Task } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const USER = 'reminded';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const url = (id: number, suffix = '') => `/api/${USER}/tasks/${id}${suffix}`;
/** A whole minute some days from now, as the API writes it. */
const inDays = (days: number) =>
  new Date(Math.floor((Date.now() + days * DAY) / MINUTE) * MINUTE).toISOString();
const shift = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER, 'defaulted');
});
afterAll(async () => t?.close());

async function send(method: 'PUT' | 'PATCH' | 'GET', path: string, payload?: object) {
  const response = await t.as(USER, { method, url: path, ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Task>();
}

/** Every job ever queued for these reminder ids, oldest first. */
async function jobsFor(reminderIds: number[]) {
  return t.sql<{ id: string; reminder_id: number; state: string; start_after: Date }[]>`
    select id, (data->>'reminderId')::int as reminder_id, state, start_after from pgboss.job
    where name = 'reminder' and (data->>'reminderId')::int = any(${reminderIds})
    order by created_on, start_after`;
}

/** A task due at `due` with one reminder at its due time. */
const withDueReminder = (title: string, due: string, fields: Partial<CreateTaskBody> = {}) =>
  t.createTask(USER, { title, due_at: due, reminders: [{ kind: 'due' }], ...fields });

const taskCount = async () =>
  (await t.sql<{ count: number }[]>`select count(*)::int as count from tasks`)[0]?.count ?? 0;

async function reminderRow(id: number) {
  const [row] = await t.sql<{ fire_at: Date | null; job_id: string | null }[]>`
    select fire_at, job_id from reminders where id = ${id}`;
  return row;
}

describe('reminders written with a task', () => {
  it('answers each reminder with its fire time and queues one job for it in pg-boss', async () => {
    const due = inDays(3);
    const at = inDays(2);
    const task = await t.createTask(USER, {
      title: 'Dentist',
      due_at: due,
      reminders: [{ kind: 'due' }, { kind: 'before', minutes_before: 30 }, { kind: 'at', at }],
    });
    expect(task.reminders.map((r) => [r.kind, r.fire_at])).toEqual([
      ['at', at],
      ['before', shift(due, -30 * MINUTE)],
      ['due', due],
    ]);
    const jobs = await jobsFor(task.reminders.map((r) => r.id));
    expect(jobs).toHaveLength(3);
    for (const reminder of task.reminders) {
      const job = jobs.find((j) => j.reminder_id === reminder.id);
      expect(job?.state).toBe('created');
      expect(job?.start_after.toISOString()).toBe(reminder.fire_at);
      expect((await reminderRow(reminder.id))?.job_id).toBe(job?.id);
    }
  });

  it('replaces the set on PUT and PATCH, keeps it when PUT leaves reminders out', async () => {
    const due = inDays(4);
    const task = await withDueReminder('Replace', due);
    const [first] = task.reminders;
    const patched = await send('PATCH', url(task.id), {
      reminders: [{ kind: 'before', minutes_before: 60 }],
    });
    expect(patched.reminders.map((r) => [r.kind, r.fire_at])).toEqual([
      ['before', shift(due, -60 * MINUTE)],
    ]);
    // The replaced reminder's job is cancelled in the same transaction.
    expect((await jobsFor([first?.id ?? 0])).map((j) => j.state)).toEqual(['cancelled']);
    const kept = await send('PUT', url(task.id), { title: 'Replace', due_at: due });
    expect(kept.reminders).toEqual(patched.reminders);
    const cleared = await send('PUT', url(task.id), {
      title: 'Replace',
      due_at: due,
      reminders: [],
    });
    expect(cleared.reminders).toEqual([]);
    expect((await jobsFor(patched.reminders.map((r) => r.id))).map((j) => j.state)).toEqual([
      'cancelled',
    ]);
  });

  it('refuses due and before reminders on a task without a due time, and writes nothing', async () => {
    const before = await taskCount();
    for (const reminder of [{ kind: 'due' }, { kind: 'before', minutes_before: 10 }]) {
      const response = await t.as(USER, {
        method: 'POST',
        url: `/api/${USER}/tasks`,
        payload: { title: 'No due time', reminders: [reminder] },
      });
      expect(expectProblem(response, 422).detail).toMatch(/reminders/);
    }
    const task = await t.createTask(USER, { title: 'Undated', due_at: inDays(1) });
    const response = await t.as(USER, {
      method: 'PATCH',
      url: url(task.id),
      payload: { due_at: null, reminders: [{ kind: 'due' }] },
    });
    expect(expectProblem(response, 422).detail).toMatch(/reminders/);
    expect((await send('GET', url(task.id))).due_at).not.toBeNull();
    const after = await taskCount();
    expect(after).toBe(before + 1);
  });

  it('gives a new task with a due time the user’s default reminder, and none otherwise', async () => {
    const due = inDays(2);
    const none = await t.createTask(USER, { title: 'No settings row', due_at: due });
    expect(none.reminders).toEqual([]);
    await t.sql`insert into notification_settings (user_id, default_reminder_kind, default_minutes_before)
      values ('defaulted', 'before', 15)`;
    const response = await t.as('defaulted', {
      method: 'POST',
      url: '/api/defaulted/tasks',
      payload: { title: 'Defaulted', due_at: due },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Task>().reminders).toMatchObject([
      { kind: 'before', minutes_before: 15, fire_at: shift(due, -15 * MINUTE) },
    ]);
    const undated = await t.as('defaulted', {
      method: 'POST',
      url: '/api/defaulted/tasks',
      payload: { title: 'Undated' },
    });
    expect(undated.json<Task>().reminders).toEqual([]);
    const explicit = await t.as('defaulted', {
      method: 'POST',
      url: '/api/defaulted/tasks',
      payload: { title: 'Explicitly none', due_at: due, reminders: [] },
    });
    expect(explicit.json<Task>().reminders).toEqual([]);
  });

  it('does not fire a time more than a minute past, and fires one just past', async () => {
    const task = await t.createTask(USER, {
      title: 'Past',
      reminders: [
        { kind: 'at', at: new Date(Date.now() - 10 * MINUTE).toISOString() },
        { kind: 'at', at: new Date(Date.now() - 20_000).toISOString() },
      ],
    });
    const [soon, past] = task.reminders;
    expect(past?.fire_at).toBeNull();
    expect(soon?.fire_at).not.toBeNull();
    expect(await jobsFor([past?.id ?? 0])).toEqual([]);
    expect(await jobsFor([soon?.id ?? 0])).toHaveLength(1);
  });
});

describe('reminders follow their task', () => {
  it('moves with the due time: the old job is cancelled and a new one queued', async () => {
    const due = inDays(5);
    const task = await withDueReminder('Move me', due);
    const later = inDays(6);
    const moved = await send('PATCH', url(task.id), { due_at: later });
    const id = moved.reminders[0]?.id ?? 0;
    expect(moved.reminders[0]?.fire_at).toBe(later);
    const jobs = await jobsFor([id]);
    expect(jobs.map((j) => [j.state, j.start_after.toISOString()])).toEqual([
      ['cancelled', due],
      ['created', later],
    ]);
    // A write that does not change the time leaves the job alone.
    await send('PATCH', url(task.id), { title: 'Moved' });
    expect(await jobsFor([id])).toHaveLength(2);
  });

  it('completing cancels, un-completing queues again', async () => {
    const due = inDays(2);
    const task = await withDueReminder('Toggle', due);
    const id = task.reminders[0]?.id ?? 0;
    const done = await send('PATCH', url(task.id, '/complete'));
    expect(done.completed).toBe(true);
    expect(done.reminders[0]?.fire_at).toBeNull();
    expect((await jobsFor([id])).map((j) => j.state)).toEqual(['cancelled']);
    const undone = await send('PATCH', url(task.id, '/complete'));
    expect(undone.reminders[0]?.fire_at).toBe(due);
    expect((await jobsFor([id])).map((j) => j.state)).toEqual(['cancelled', 'created']);
  });

  it('completing with ?subtasks=complete cancels the subtasks’ reminders too', async () => {
    const due = inDays(2);
    const parent = await t.createTask(USER, { title: 'Parent', due_at: due });
    const child = await withDueReminder('Child', due, { parent_id: parent.id });
    await send('PATCH', `${url(parent.id, '/complete')}?subtasks=complete`);
    const id = child.reminders[0]?.id ?? 0;
    expect((await reminderRow(id))?.fire_at).toBeNull();
    expect((await jobsFor([id])).map((j) => j.state)).toEqual(['cancelled']);
  });

  it('deleting a task cancels its and its subtasks’ jobs', async () => {
    const due = inDays(2);
    const parent = await withDueReminder('Doomed', due);
    const child = await withDueReminder('Doomed child', due, { parent_id: parent.id });
    const ids = [parent.reminders[0]?.id ?? 0, child.reminders[0]?.id ?? 0];
    const deleted = await t.as(USER, { method: 'DELETE', url: url(parent.id) });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await jobsFor(ids)).map((j) => j.state)).toEqual(['cancelled', 'cancelled']);
  });

  it('deleting a project cancels the jobs of its tasks', async () => {
    const created = await t.as(USER, {
      method: 'POST',
      url: `/api/${USER}/projects`,
      payload: { name: 'Short-lived' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json<{ id: number }>();
    const task = await t.createTask(USER, {
      title: 'In the project',
      project_id: project.id,
      due_at: inDays(2),
      reminders: [{ kind: 'due' }],
    });
    const response = await t.as(USER, {
      method: 'DELETE',
      url: `/api/${USER}/projects/${project.id}`,
    });
    expect(response.statusCode, response.body).toBe(204);
    expect((await jobsFor([task.reminders[0]?.id ?? 0])).map((j) => j.state)).toEqual([
      'cancelled',
    ]);
  });

  it('a repeating task’s next occurrence gets copies, absolute ones shifted with the due date', async () => {
    const due = inDays(1);
    const at = shift(due, -2 * 60 * MINUTE);
    const task = await t.createTask(USER, {
      title: 'Weekly review',
      due_at: due,
      recurrence: 'weekly',
      reminders: [
        { kind: 'before', minutes_before: 10 },
        { kind: 'at', at },
      ],
    });
    const done = await send('PATCH', url(task.id, '/complete'));
    const next = await send('GET', url(done.next_occurrence_id ?? 0));
    const week = 7 * DAY;
    expect(next.due_at).toBe(shift(due, week));
    expect(next.reminders.map((r) => [r.kind, r.minutes_before, r.at, r.fire_at])).toEqual([
      ['at', null, shift(at, week), shift(at, week)],
      ['before', 10, null, shift(due, week - 10 * MINUTE)],
    ]);
    const jobs = await jobsFor(next.reminders.map((r) => r.id));
    expect(jobs.map((j) => j.state)).toEqual(['created', 'created']);
    expect(done.reminders.every((r) => r.fire_at === null)).toBe(true);
  });
});
