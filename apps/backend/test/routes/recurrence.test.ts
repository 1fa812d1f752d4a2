import type { Task } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const USER = 'repeater';
const DAY = 24 * 60 * 60 * 1000;
const url = (id: number, suffix = '') => `/api/${USER}/tasks/${id}${suffix}`;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER);
});
afterAll(async () => t?.close());

async function toggle(id: number): Promise<Task> {
  const response = await t.as(USER, { method: 'PATCH', url: url(id, '/complete') });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Task>();
}

async function get(id: number): Promise<Task> {
  const response = await t.as(USER, { method: 'GET', url: url(id) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Task>();
}

/** Every task of the user with this title, oldest first, straight from the database. */
async function series(title: string) {
  return t.sql<
    { id: number; completed: boolean; due_at: Date | null; next_occurrence_id: number | null }[]
  >`
    select id, completed, due_at, next_occurrence_id from tasks
    where user_id = ${USER} and title = ${title} order by id`;
}

describe('completing a recurring task', () => {
  it('by toggle creates exactly one next occurrence, due one period later, with the same fields', async () => {
    const task = await t.createTask(USER, {
      title: 'Water the plants',
      description: 'All of them',
      priority: 'high',
      tags: ['home', 'garden'],
      due_at: '2031-03-10T07:00:00Z',
      recurrence: 'weekly',
    });
    const done = await toggle(task.id);
    expect(done).toMatchObject({ completed: true, completed_at: expect.any(String) });
    expect(done.next_occurrence_id).toEqual(expect.any(Number));

    const next = await get(done.next_occurrence_id ?? 0);
    expect(next).toMatchObject({
      user_id: USER,
      title: 'Water the plants',
      description: 'All of them',
      priority: 'high',
      tags: ['home', 'garden'],
      recurrence: 'weekly',
      due_at: '2031-03-17T07:00:00.000Z',
      completed: false,
      completed_at: null,
      next_occurrence_id: null,
    });
    expect(next.id).not.toBe(task.id);
    expect(await series('Water the plants')).toHaveLength(2);
  });

  it.each([
    ['daily', '2031-01-31T09:00:00Z', '2031-02-01T09:00:00.000Z'],
    ['monthly', '2031-01-31T09:00:00Z', '2031-02-28T09:00:00.000Z'],
    ['monthly', '2032-01-31T09:00:00Z', '2032-02-29T09:00:00.000Z'],
    ['yearly', '2032-02-29T09:00:00Z', '2033-02-28T09:00:00.000Z'],
  ] as const)('advances a %s task due %s to %s', async (recurrence, due, expected) => {
    const title = `rule ${recurrence} ${due}`;
    const task = await t.createTask(USER, { title, due_at: due, recurrence });
    const done = await toggle(task.id);
    expect((await get(done.next_occurrence_id ?? 0)).due_at).toBe(expected);
  });

  it('keeps a monthly series on the 31st across short months (Jan 31 → Feb 28 → Mar 31)', async () => {
    const task = await t.createTask(USER, {
      title: 'Month end',
      due_at: '2031-01-31T09:00:00Z',
      recurrence: 'monthly',
    });
    const february = await get((await toggle(task.id)).next_occurrence_id ?? 0);
    expect(february.due_at).toBe('2031-02-28T09:00:00.000Z');
    const march = await get((await toggle(february.id)).next_occurrence_id ?? 0);
    expect(march.due_at).toBe('2031-03-31T09:00:00.000Z');
  });

  it('starts a new series from a changed due date', async () => {
    const task = await t.createTask(USER, {
      title: 'Moved series',
      due_at: '2031-01-31T09:00:00Z',
      recurrence: 'monthly',
    });
    const february = await get((await toggle(task.id)).next_occurrence_id ?? 0);
    await t.as(USER, {
      method: 'PATCH',
      url: url(february.id),
      payload: { due_at: '2031-02-15T09:00:00Z' },
    });
    const march = await get((await toggle(february.id)).next_occurrence_id ?? 0);
    expect(march.due_at).toBe('2031-03-15T09:00:00.000Z');
  });

  it('by PATCH completed:true creates the next occurrence too', async () => {
    const task = await t.createTask(USER, {
      title: 'Patch series',
      due_at: '2031-05-01T12:00:00Z',
      recurrence: 'daily',
    });
    const response = await t.as(USER, {
      method: 'PATCH',
      url: url(task.id),
      payload: { completed: true },
    });
    expect(response.json()).toMatchObject({ completed: true });
    const rows = await series('Patch series');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.due_at?.toISOString()).toBe('2031-05-02T12:00:00.000Z');
    expect(rows[0]?.next_occurrence_id).toBe(rows[1]?.id);
  });

  it('by PATCH uses the due date and rule sent in the same request', async () => {
    const task = await t.createTask(USER, { title: 'Patch with changes' });
    await t.as(USER, {
      method: 'PATCH',
      url: url(task.id),
      payload: { completed: true, recurrence: 'monthly', due_at: '2031-08-31T00:00:00Z' },
    });
    const rows = await series('Patch with changes');
    expect(rows.map((row) => row.due_at?.toISOString())).toEqual([
      '2031-08-31T00:00:00.000Z',
      '2031-09-30T00:00:00.000Z',
    ]);
  });

  it('by PUT with completed:true creates the next occurrence from the new fields', async () => {
    const task = await t.createTask(USER, { title: 'Put series', recurrence: 'daily' });
    const response = await t.as(USER, {
      method: 'PUT',
      url: url(task.id),
      payload: {
        title: 'Put series',
        tags: ['Chores'],
        priority: 'low',
        recurrence: 'yearly',
        due_at: '2031-07-04T18:00:00Z',
        completed: true,
      },
    });
    expect(response.statusCode).toBe(200);
    const next = await get(response.json<Task>().next_occurrence_id ?? 0);
    expect(next).toMatchObject({
      title: 'Put series',
      tags: ['chores'],
      priority: 'low',
      recurrence: 'yearly',
      due_at: '2032-07-04T18:00:00.000Z',
      completed: false,
    });
  });

  it('un-completing and re-completing does not create another occurrence', async () => {
    const task = await t.createTask(USER, {
      title: 'Flip flop',
      due_at: '2031-01-01T00:00:00Z',
      recurrence: 'daily',
    });
    const first = await toggle(task.id);
    const undone = await toggle(task.id);
    expect(undone).toMatchObject({ completed: false, completed_at: null });
    const again = await toggle(task.id);
    expect(again.completed).toBe(true);
    await t.as(USER, { method: 'PATCH', url: url(task.id), payload: { completed: false } });
    await t.as(USER, { method: 'PATCH', url: url(task.id), payload: { completed: true } });
    await t.as(USER, {
      method: 'PUT',
      url: url(task.id),
      payload: { title: 'Flip flop', recurrence: 'daily', completed: true },
    });
    const rows = await series('Flip flop');
    expect(rows).toHaveLength(2);
    expect(again.next_occurrence_id).toBe(first.next_occurrence_id);
  });

  it('completing an already completed task (PATCH completed:true twice) creates nothing more', async () => {
    const task = await t.createTask(USER, { title: 'Twice', recurrence: 'weekly' });
    for (let i = 0; i < 2; i++)
      await t.as(USER, { method: 'PATCH', url: url(task.id), payload: { completed: true } });
    expect(await series('Twice')).toHaveLength(2);
  });

  it('completing the next occurrence continues the series', async () => {
    const task = await t.createTask(USER, {
      title: 'Chain',
      due_at: '2031-02-01T08:00:00Z',
      recurrence: 'daily',
    });
    const first = await toggle(task.id);
    const second = await toggle(first.next_occurrence_id ?? 0);
    const third = await get(second.next_occurrence_id ?? 0);
    expect(third.due_at).toBe('2031-02-03T08:00:00.000Z');
    expect(await series('Chain')).toHaveLength(3);
  });

  it('steps an overdue task to its first occurrence in the future', async () => {
    const due = new Date(Date.now() - 3.5 * DAY);
    const task = await t.createTask(USER, {
      title: 'Overdue',
      due_at: due.toISOString(),
      recurrence: 'daily',
    });
    const next = await get((await toggle(task.id)).next_occurrence_id ?? 0);
    const nextDue = Date.parse(next.due_at ?? '');
    expect(nextDue).toBe(due.getTime() + 4 * DAY);
    expect(nextDue).toBeGreaterThan(Date.now());
  });

  it('repeats a task without a due date one period from when it was completed', async () => {
    const task = await t.createTask(USER, { title: 'No due date', recurrence: 'weekly' });
    const done = await toggle(task.id);
    const next = await get(done.next_occurrence_id ?? 0);
    expect(Date.parse(next.due_at ?? '')).toBe(Date.parse(done.completed_at ?? '') + 7 * DAY);
  });

  it('ends a series whose next date would pass the year 9999, instead of failing', async () => {
    const task = await t.createTask(USER, {
      title: 'End of time',
      due_at: '9999-06-01T00:00:00Z',
      recurrence: 'yearly',
    });
    const done = await toggle(task.id);
    expect(done).toMatchObject({ completed: true, next_occurrence_id: null });
    expect(await series('End of time')).toHaveLength(1);
  });

  it('a task created already completed does not start a series', async () => {
    await t.createTask(USER, { title: 'Born done', recurrence: 'daily', completed: true });
    expect(await series('Born done')).toHaveLength(1);
  });
});

describe('completing a task that does not repeat', () => {
  it('creates nothing, by any route', async () => {
    const task = await t.createTask(USER, { title: 'Once', due_at: '2031-01-01T00:00:00Z' });
    const done = await toggle(task.id);
    expect(done).toMatchObject({ completed: true, next_occurrence_id: null });
    await toggle(task.id);
    await t.as(USER, { method: 'PATCH', url: url(task.id), payload: { completed: true } });
    await t.as(USER, {
      method: 'PUT',
      url: url(task.id),
      payload: { title: 'Once', completed: false },
    });
    await t.as(USER, {
      method: 'PUT',
      url: url(task.id),
      payload: { title: 'Once', completed: true },
    });
    expect(await series('Once')).toHaveLength(1);
  });
});

describe('concurrent completion', () => {
  it('two toggles at once leave one completion undone and exactly one next occurrence', async () => {
    const task = await t.createTask(USER, {
      title: 'Race',
      due_at: '2031-04-01T00:00:00Z',
      recurrence: 'daily',
    });
    const [a, b] = await Promise.all([toggle(task.id), toggle(task.id)]);
    expect([a.completed, b.completed].sort()).toEqual([false, true]);
    const rows = await series('Race');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.completed).toBe(false);
    expect(rows[0]?.next_occurrence_id).toBe(rows[1]?.id);
  });

  it('many toggles and completions at once create a single next occurrence', async () => {
    const task = await t.createTask(USER, {
      title: 'Stampede',
      due_at: '2031-04-01T00:00:00Z',
      recurrence: 'weekly',
    });
    const requests = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0
        ? t.as(USER, { method: 'PATCH', url: url(task.id, '/complete') })
        : t.as(USER, { method: 'PATCH', url: url(task.id), payload: { completed: true } }),
    );
    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.statusCode)).toEqual(Array(8).fill(200));
    const rows = await series('Stampede');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.due_at?.toISOString()).toBe('2031-04-08T00:00:00.000Z');
  });
});

describe('undoing the deletion of the next occurrence', () => {
  /** What the frontend's Undo sends: a new task from the deleted one's snapshot (restoreTaskAction). */
  async function deleteAndUndo(id: number): Promise<Task> {
    const deleted = await get(id);
    const response = await t.as(USER, { method: 'DELETE', url: url(id) });
    expect(response.statusCode).toBe(204);
    const { title, description, priority, tags, due_at, repeat, time_zone, project_id } = deleted;
    return t.createTask(USER, {
      title,
      description,
      priority,
      tags,
      due_at,
      ...(repeat ? { repeat: { rrule: repeat.rrule, from: repeat.from } } : {}),
      time_zone,
      project_id,
      completed: deleted.completed,
    });
  }
  const pending = async (title: string) => (await series(title)).filter((row) => !row.completed);

  it.each([
    ['with a due date', '2031-03-10T07:00:00Z'],
    ['without a due date', undefined],
  ])('%s: delete B, undo, toggle A off and on → exactly one pending occurrence', async (_, due) => {
    const title = `Undo series ${due ?? 'undated'}`;
    const a = await t.createTask(USER, { title, due_at: due, recurrence: 'weekly' });
    const b = (await toggle(a.id)).next_occurrence_id ?? 0;
    const restored = await deleteAndUndo(b);
    expect((await toggle(a.id)).completed).toBe(false);
    const again = await toggle(a.id);

    expect(again.next_occurrence_id).toBe(restored.id);
    expect((await pending(title)).map((row) => row.id)).toEqual([restored.id]);
  });

  it('the restored occurrence continues the series from its first date (Jan 31 → Feb 28 → Mar 31)', async () => {
    const a = await t.createTask(USER, {
      title: 'Undo month end',
      due_at: '2031-01-31T09:00:00Z',
      recurrence: 'monthly',
    });
    const restored = await deleteAndUndo((await toggle(a.id)).next_occurrence_id ?? 0);
    expect(restored.due_at).toBe('2031-02-28T09:00:00.000Z');
    await toggle(a.id);
    await toggle(a.id);
    const march = await get((await toggle(restored.id)).next_occurrence_id ?? 0);
    expect(march.due_at).toBe('2031-03-31T09:00:00.000Z');
  });

  it('without the undo, completing A again creates its next occurrence anew', async () => {
    const a = await t.createTask(USER, {
      title: 'Deleted for good',
      due_at: '2031-03-10T07:00:00Z',
      recurrence: 'daily',
    });
    const b = (await toggle(a.id)).next_occurrence_id ?? 0;
    await t.as(USER, { method: 'DELETE', url: url(b) });
    await toggle(a.id);
    const again = await toggle(a.id);
    expect(again.next_occurrence_id).not.toBe(b);
    expect((await pending('Deleted for good')).map((row) => row.id)).toEqual([
      again.next_occurrence_id,
    ]);
  });

  it('another task of the same title and rule, due at another time, is not taken for it', async () => {
    const morning = await t.createTask(USER, {
      title: 'Pills',
      due_at: '2031-03-10T08:00:00Z',
      recurrence: 'daily',
    });
    const evening = await t.createTask(USER, {
      title: 'Pills',
      due_at: '2031-03-10T20:00:00Z',
      recurrence: 'daily',
    });
    const next = await get((await toggle(morning.id)).next_occurrence_id ?? 0);
    expect(next.id).not.toBe(evening.id);
    expect(next.due_at).toBe('2031-03-11T08:00:00.000Z');
  });
});
