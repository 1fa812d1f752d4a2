import type { Task, TaskList } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const ADA = 'ada';
const BOB = 'bob';
let inbox: number;
let home: number;
let work: number;
let bobsProject: number;

/** A project inserted straight into the table (the projects routes are another suite's). */
async function insertProject(userId: string, name: string): Promise<number> {
  const [row] = await t.sql<{ id: number }[]>`
    insert into projects (user_id, name, position) values (${userId}, ${name}, 1) returning id`;
  if (!row) throw new Error('The project was not inserted');
  return row.id;
}

const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) =>
  t.as(ADA, { method, url: `/api/${ADA}/tasks${url}`, payload });

async function list(query: string): Promise<string[]> {
  const response = await t.as(ADA, { method: 'GET', url: `/api/${ADA}/tasks?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json<TaskList>()
    .items.map((task) => task.title)
    .sort();
}

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(ADA, BOB);
  inbox = await t.inboxId(ADA);
  home = await insertProject(ADA, 'Home');
  work = await insertProject(ADA, 'Work');
  bobsProject = await insertProject(BOB, 'Secret');
});
afterAll(async () => t?.close());

describe('a task’s project', () => {
  it('is the Inbox when a new task names none, created on first need', async () => {
    await t.createUsers('newcomer');
    const task = await t.createTask('newcomer', { title: 'First task' });
    const [project] = await t.sql<{ id: number; is_inbox: boolean; name: string }[]>`
      select id, is_inbox, name from projects where user_id = 'newcomer'`;
    expect(project).toMatchObject({ is_inbox: true, name: 'Inbox' });
    expect(task.project_id).toBe(project?.id);
    expect((await t.createTask('newcomer', { title: 'Second' })).project_id).toBe(project?.id);
  });

  it('is the one named on create', async () => {
    const task = await t.createTask(ADA, { title: 'Fix the tap', project_id: home });
    expect(task.project_id).toBe(home);
  });

  it('moves with PATCH and stays when PATCH names another field', async () => {
    const task = await t.createTask(ADA, { title: 'Move me', project_id: home });
    const moved = await send('PATCH', `/${task.id}`, { project_id: work });
    expect(moved.json<Task>().project_id).toBe(work);
    const renamed = await send('PATCH', `/${task.id}`, { title: 'Moved' });
    expect(renamed.json<Task>().project_id).toBe(work);
  });

  it('goes back to the Inbox on a PUT that names none: PUT replaces the task', async () => {
    const task = await t.createTask(ADA, { title: 'Replace me', project_id: work });
    const kept = await send('PUT', `/${task.id}`, { title: 'Replaced', project_id: work });
    expect(kept.json<Task>().project_id).toBe(work);
    const replaced = await send('PUT', `/${task.id}`, { title: 'Replaced again' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<Task>().project_id).toBe(inbox);
  });

  it.each([
    ['another user’s project', () => bobsProject],
    ['a project that does not exist', () => 2_000_000_000],
  ])(
    'answers 422 "No such project" for %s, on create, PUT and PATCH, and changes nothing',
    async (_, id) => {
      const task = await t.createTask(ADA, { title: 'Stays put', project_id: home });
      const answers = [
        await send('POST', '', { title: 'Never stored', project_id: id() }),
        await send('PUT', `/${task.id}`, { title: 'Never stored', project_id: id() }),
        await send('PATCH', `/${task.id}`, { project_id: id() }),
      ];
      for (const answer of answers) {
        expect(expectProblem(answer, 422).detail).toBe('No such project');
      }
      const rows = await t.sql`select 1 from tasks where title = 'Never stored'`;
      expect(rows).toHaveLength(0);
      const [row] = await t.sql<{ project_id: number; version: number }[]>`
      select project_id, version from tasks where id = ${task.id}`;
      expect(row).toEqual({ project_id: home, version: 1 });
      const [bobs] = await t.sql<{ count: number }[]>`
      select count(*)::int as count from tasks where project_id = ${bobsProject}`;
      expect(bobs?.count).toBe(0);
    },
  );

  it.each([
    ['zero', 0],
    ['a negative id', -1],
    ['text', 'home'],
    ['null', null],
    ['a fraction', 1.5],
    ['past the integer range', 2_147_483_648],
  ])('answers 422 naming body/project_id for %s', async (_, value) => {
    const problem = expectProblem(await send('POST', '', { title: 'x', project_id: value }), 422);
    expect(problem.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining(['body/project_id']),
    );
  });
});

describe('GET /api/:user_id/tasks?project=', () => {
  beforeAll(async () => {
    await t.createTask(ADA, { title: 'filter: inbox' });
    await t.createTask(ADA, { title: 'filter: home', project_id: home });
    await t.createTask(ADA, { title: 'filter: work', project_id: work });
  });

  it('lists one project’s tasks', async () => {
    expect(await list(`q=filter:&project=${work}`)).toEqual(['filter: work']);
    expect(await list(`q=filter:&project=${inbox}`)).toEqual(['filter: inbox']);
  });

  it('repeated, lists the tasks of any of them', async () => {
    expect(await list(`q=filter:&project=${home}&project=${work}`)).toEqual([
      'filter: home',
      'filter: work',
    ]);
  });

  it('with another user’s project lists nothing of theirs', async () => {
    await t.createTask(BOB, { title: 'filter: bob', project_id: bobsProject });
    expect(await list(`q=filter:&project=${bobsProject}`)).toEqual([]);
  });

  it.each([
    ['text', 'project=home'],
    ['zero', 'project=0'],
    ['more than 20', Array.from({ length: 21 }, (_, i) => `project=${i + 1}`).join('&')],
  ])('answers 422 to %s', async (_, query) => {
    const response = await t.as(ADA, { method: 'GET', url: `/api/${ADA}/tasks?${query}` });
    expect(expectProblem(response, 422).errors?.[0]?.path).toMatch(/^querystring\/project/);
  });
});
