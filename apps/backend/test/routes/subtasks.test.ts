import type { Task, TaskList } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const ADA = 'ada';
const BOB = 'bob';
let home: number;
let work: number;

async function insertProject(userId: string, name: string): Promise<number> {
  const [row] = await t.sql<{ id: number }[]>`
    insert into projects (user_id, name, position) values (${userId}, ${name}, 1) returning id`;
  if (!row) throw new Error('The project was not inserted');
  return row.id;
}

const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.as(ADA, { method, url: `/api/${ADA}/tasks${url}`, ...(payload ? { payload } : {}) });

async function get(id: number): Promise<Task> {
  const response = await t.as(ADA, { method: 'GET', url: `/api/${ADA}/tasks/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Task>();
}

async function list(query: string): Promise<Task[]> {
  const response = await t.as(ADA, { method: 'GET', url: `/api/${ADA}/tasks?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TaskList>().items;
}

/** A parent with `open` open and `done` completed subtasks. */
async function family(title: string, open: number, done = 0, projectId = home) {
  const parent = await t.createTask(ADA, { title, project_id: projectId });
  const subtasks: Task[] = [];
  for (let i = 0; i < open + done; i++) {
    subtasks.push(
      await t.createTask(ADA, {
        title: `${title}: step ${i + 1}`,
        parent_id: parent.id,
        completed: i >= open,
      }),
    );
  }
  return { parent, subtasks };
}

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(ADA, BOB);
  home = await insertProject(ADA, 'Home');
  work = await insertProject(ADA, 'Work');
});
afterAll(async () => t?.close());

describe('creating a subtask', () => {
  it('with only parent_id takes the parent’s project', async () => {
    const parent = await t.createTask(ADA, { title: 'Paint the shed', project_id: work });
    const step = await t.createTask(ADA, { title: 'Buy paint', parent_id: parent.id });
    expect(step).toMatchObject({ parent_id: parent.id, project_id: work });
  });

  it('with the parent’s own project is accepted', async () => {
    const parent = await t.createTask(ADA, { title: 'Plan trip', project_id: home });
    const step = await t.createTask(ADA, {
      title: 'Book train',
      parent_id: parent.id,
      project_id: home,
    });
    expect(step.project_id).toBe(home);
  });

  it('with a conflicting project_id answers 422 and stores nothing', async () => {
    const parent = await t.createTask(ADA, { title: 'Conflict parent', project_id: home });
    const answer = await send('POST', '', {
      title: 'Conflicting step',
      parent_id: parent.id,
      project_id: work,
    });
    expect(expectProblem(answer, 422).detail).toMatch(/^project_id: .*parent’s project/);
    expect(await t.sql`select 1 from tasks where title = 'Conflicting step'`).toHaveLength(0);
  });

  it.each([
    ['another user’s task', async () => (await t.createTask(BOB, { title: 'Bob’s' })).id],
    ['a task that does not exist', async () => 2_000_000_000],
  ])('under %s answers 422 "parent_id: no such task"', async (_, parentId) => {
    const answer = await send('POST', '', { title: 'Orphan', parent_id: await parentId() });
    expect(expectProblem(answer, 422).detail).toBe('parent_id: no such task');
    expect(await t.sql`select 1 from tasks where title = 'Orphan'`).toHaveLength(0);
  });

  it('under a subtask answers 422: one level only', async () => {
    const { subtasks } = await family('Two levels', 1);
    const answer = await send('POST', '', { title: 'Too deep', parent_id: subtasks[0]?.id });
    expect(expectProblem(answer, 422).detail).toMatch(/one level/);
  });

  it.each([
    ['zero', 0],
    ['text', 'one'],
    ['a fraction', 2.5],
  ])('answers 422 naming body/parent_id for %s', async (_, value) => {
    const problem = expectProblem(await send('POST', '', { title: 'x', parent_id: value }), 422);
    expect(problem.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining(['body/parent_id']),
    );
  });
});

describe('changing a task’s parent', () => {
  it('PATCH parent_id makes a task a subtask, moving it into the parent’s project', async () => {
    const parent = await t.createTask(ADA, { title: 'Adopting parent', project_id: work });
    const task = await t.createTask(ADA, { title: 'Adopted', project_id: home });
    const answer = await send('PATCH', `/${task.id}`, { parent_id: parent.id });
    expect(answer.json<Task>()).toMatchObject({ parent_id: parent.id, project_id: work });
    expect((await get(parent.id)).subtask_count).toBe(1);
  });

  it('PATCH parent_id null makes a subtask top level again, in the same project', async () => {
    const { subtasks } = await family('Let go', 1, 0, work);
    const answer = await send('PATCH', `/${subtasks[0]?.id}`, { parent_id: null });
    expect(answer.json<Task>()).toMatchObject({ parent_id: null, project_id: work });
  });

  it('a task with subtasks cannot become a subtask', async () => {
    const { parent } = await family('Has steps', 1);
    const other = await t.createTask(ADA, { title: 'Would-be parent', project_id: home });
    const answer = await send('PATCH', `/${parent.id}`, { parent_id: other.id });
    expect(expectProblem(answer, 422).detail).toMatch(/has subtasks/);
    expect((await get(parent.id)).parent_id).toBeNull();
  });

  it('a task cannot be its own parent', async () => {
    const task = await t.createTask(ADA, { title: 'Narcissus' });
    const answer = await send('PATCH', `/${task.id}`, { parent_id: task.id });
    expect(expectProblem(answer, 422).detail).toMatch(/its own parent/);
  });

  it('a subtask cannot move to another project alone', async () => {
    const { subtasks } = await family('Stay together', 1, 0, home);
    const answer = await send('PATCH', `/${subtasks[0]?.id}`, { project_id: work });
    expect(expectProblem(answer, 422).detail).toMatch(/stays in its parent’s project/);
  });

  it('PUT without parent_id makes a subtask top level: PUT replaces the task', async () => {
    const { subtasks } = await family('Put parent', 1, 0, work);
    const answer = await send('PUT', `/${subtasks[0]?.id}`, { title: 'Replaced step' });
    expect(answer.json<Task>()).toMatchObject({ parent_id: null });
    const kept = await family('Put parent kept', 1, 0, work);
    const again = await send('PUT', `/${kept.subtasks[0]?.id}`, {
      title: 'Replaced, kept',
      parent_id: kept.parent.id,
    });
    expect(again.json<Task>()).toMatchObject({ parent_id: kept.parent.id, project_id: work });
  });
});

describe('moving a parent to another project', () => {
  it('moves its subtasks with it, in the same write', async () => {
    const { parent, subtasks } = await family('Moving house', 2, 1, home);
    const answer = await send('PATCH', `/${parent.id}`, { project_id: work });
    expect(answer.json<Task>().project_id).toBe(work);
    const rows = await t.sql<{ project_id: number; version: number }[]>`
      select project_id, version from tasks where parent_id = ${parent.id}`;
    expect(rows).toHaveLength(subtasks.length);
    for (const row of rows) expect(row).toEqual({ project_id: work, version: 2 });
  });

  it('with an unknown project moves neither it nor its subtasks', async () => {
    const { parent } = await family('Not moving', 2, 0, home);
    const answer = await send('PATCH', `/${parent.id}`, { project_id: 2_000_000_000 });
    expectProblem(answer, 422);
    const rows = await t.sql<{ project_id: number }[]>`
      select distinct project_id from tasks where id = ${parent.id} or parent_id = ${parent.id}`;
    expect(rows).toEqual([{ project_id: home }]);
  });
});

describe('subtask counts', () => {
  it('are in every answer: list, get, create, write and toggle', async () => {
    const { parent, subtasks } = await family('Counted', 3, 2);
    const counts = { subtask_count: 5, completed_subtask_count: 2 };
    expect(await get(parent.id)).toMatchObject(counts);
    const [listed] = await list(`q=Counted&top_level=true`);
    expect(listed).toMatchObject({ id: parent.id, ...counts });
    const patched = await send('PATCH', `/${parent.id}`, { title: 'Counted!' });
    expect(patched.json<Task>()).toMatchObject(counts);
    const toggled = await send('PATCH', `/${subtasks[0]?.id}/complete`);
    expect(toggled.json<Task>()).toMatchObject({ subtask_count: 0, completed_subtask_count: 0 });
    expect(await get(parent.id)).toMatchObject({ subtask_count: 5, completed_subtask_count: 3 });
  });

  it('are 0 for a task without subtasks', async () => {
    const task = await t.createTask(ADA, { title: 'Alone' });
    expect(task).toMatchObject({ subtask_count: 0, completed_subtask_count: 0 });
  });
});

describe('deleting a parent', () => {
  it('deletes its subtasks with it', async () => {
    const { parent, subtasks } = await family('Doomed', 2, 1);
    const answer = await send('DELETE', `/${parent.id}`);
    expect(answer.statusCode).toBe(204);
    const ids = [parent.id, ...subtasks.map((task) => task.id)];
    expect(await t.sql`select id from tasks where id in ${t.sql(ids)}`).toHaveLength(0);
  });

  it('deleting a subtask leaves its parent', async () => {
    const { parent, subtasks } = await family('Survivor', 2);
    expect((await send('DELETE', `/${subtasks[0]?.id}`)).statusCode).toBe(204);
    expect(await get(parent.id)).toMatchObject({ subtask_count: 1 });
  });
});

describe('PATCH /api/:user_id/tasks/:id/complete with subtasks', () => {
  it('?subtasks=complete completes the open subtasks in the same transaction', async () => {
    const { parent, subtasks } = await family('All done', 2, 1);
    const answer = await send('PATCH', `/${parent.id}/complete?subtasks=complete`);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json<Task>()).toMatchObject({
      completed: true,
      subtask_count: 3,
      completed_subtask_count: 3,
    });
    const rows = await t.sql<{ id: number; completed: boolean; version: number }[]>`
      select id, completed, version from tasks where parent_id = ${parent.id} order by id`;
    expect(rows.map((row) => row.completed)).toEqual([true, true, true]);
    // The one completed before is left as it was.
    expect(rows.map((row) => row.version)).toEqual([2, 2, 1]);
    expect(subtasks).toHaveLength(3);
  });

  it('without it completes only the parent', async () => {
    const { parent } = await family('Only me', 2);
    const answer = await send('PATCH', `/${parent.id}/complete`);
    expect(answer.json<Task>()).toMatchObject({ completed: true, completed_subtask_count: 0 });
  });

  it('un-completing a parent with ?subtasks=complete leaves its subtasks completed', async () => {
    const { parent } = await family('Reopen', 2);
    await send('PATCH', `/${parent.id}/complete?subtasks=complete`);
    const reopened = await send('PATCH', `/${parent.id}/complete?subtasks=complete`);
    expect(reopened.json<Task>()).toMatchObject({ completed: false, completed_subtask_count: 2 });
  });

  it('completes a repeating subtask through the planner: its next occurrence is created', async () => {
    const parent = await t.createTask(ADA, { title: 'Weekly chores' });
    const step = await t.createTask(ADA, {
      title: 'Water plants',
      parent_id: parent.id,
      due_at: '2031-03-10T07:00:00Z',
      recurrence: 'weekly',
    });
    await send('PATCH', `/${parent.id}/complete?subtasks=complete`);
    const [row] = await t.sql<{ next_occurrence_id: number | null; completed: boolean }[]>`
      select next_occurrence_id, completed from tasks where id = ${step.id}`;
    expect(row?.completed).toBe(true);
    const next = await get(row?.next_occurrence_id ?? 0);
    expect(next).toMatchObject({
      parent_id: parent.id,
      due_at: '2031-03-17T07:00:00.000Z',
      completed: false,
    });
  });

  it('answers 422 to another value of subtasks', async () => {
    const task = await t.createTask(ADA, { title: 'Bad query' });
    const answer = await send('PATCH', `/${task.id}/complete?subtasks=all`);
    expect(expectProblem(answer, 422).errors?.[0]?.path).toBe('querystring/subtasks');
    expect((await get(task.id)).completed).toBe(false);
  });
});

describe('GET /api/:user_id/tasks?parent= and top_level=', () => {
  it('parent lists the subtasks of those tasks; top_level=true none; top_level=false only them', async () => {
    const a = await family('Filter A', 2);
    const b = await family('Filter B', 1);
    const ids = (tasks: Task[]) => tasks.map((task) => task.id).sort((x, y) => x - y);
    const aIds = a.subtasks.map((task) => task.id);
    const bIds = b.subtasks.map((task) => task.id);
    expect(ids(await list(`parent=${a.parent.id}`))).toEqual(aIds);
    expect(ids(await list(`parent=${a.parent.id}&parent=${b.parent.id}`))).toEqual(
      [...aIds, ...bIds].sort((x, y) => x - y),
    );
    expect(ids(await list('q=Filter&top_level=true'))).toEqual([a.parent.id, b.parent.id]);
    expect(ids(await list('q=Filter&top_level=false'))).toEqual(
      [...aIds, ...bIds].sort((x, y) => x - y),
    );
  });

  it('parent of another user’s task lists nothing', async () => {
    const bobs = await t.createTask(BOB, { title: 'Bob parent' });
    await t.createTask(BOB, { title: 'Bob step', parent_id: bobs.id });
    expect(await list(`parent=${bobs.id}`)).toEqual([]);
  });
});
