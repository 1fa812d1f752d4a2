import type { Project } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProject,
  expectOrderKept,
  insertTask,
  listProjects,
  newUser,
} from '../helpers/projects.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

/** A user with the Inbox, Home (a parent with two subtasks, one done, and a plain task) and Work. */
async function setUp() {
  const userId = await newUser(t);
  const [inbox] = (await listProjects(t, userId)) as [Project];
  const home = await createProject(t, userId, { name: 'Home' });
  const work = await createProject(t, userId, { name: 'Work' });
  const parent = await insertTask(t, { userId, projectId: home.id });
  const tasks = [
    parent,
    await insertTask(t, { userId, projectId: home.id, parentId: parent }),
    await insertTask(t, { userId, projectId: home.id, parentId: parent, completed: true }),
    await insertTask(t, { userId, projectId: home.id }),
  ];
  const workTask = await insertTask(t, { userId, projectId: work.id });
  return { userId, inbox, home, work, parent, tasks, workTask };
}

const remove = (userId: string, id: number, query = '', ifMatch?: string) =>
  t.as(userId, {
    method: 'DELETE',
    url: `/api/${userId}/projects/${id}${query}`,
    headers: ifMatch ? { 'if-match': ifMatch } : {},
  });

const tasksOf = (ids: number[]) =>
  t.sql<{ id: number; project_id: number; parent_id: number | null; version: number }[]>`
    select id, project_id, parent_id, version from tasks where id = any(${ids}) order by id`;

describe('DELETE /api/{user_id}/projects/{id}', () => {
  it('deletes the project with its tasks, subtasks included, and no other', async () => {
    const { userId, inbox, home, work, tasks, workTask } = await setUp();
    const response = await remove(userId, home.id);
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');

    expect(await tasksOf(tasks)).toEqual([]);
    expect(await tasksOf([workTask])).toHaveLength(1);
    const read = await t.as(userId, { method: 'GET', url: `/api/${userId}/projects/${home.id}` });
    expectProblem(read, 404);
    // Work closes up to position 1, with a new version for its move.
    expect(await listProjects(t, userId)).toEqual([
      expect.objectContaining({ id: inbox.id, position: 0 }),
      expect.objectContaining({ id: work.id, position: 1, version: 2, open_count: 1 }),
    ]);
    await expectOrderKept(t, userId);
    expectProblem(await remove(userId, home.id), 404);
  });

  it('moves the tasks first with move_tasks_to, keeping subtasks under their parents', async () => {
    const { userId, home, work, parent, tasks, workTask } = await setUp();
    const before = await tasksOf(tasks);
    const response = await remove(userId, home.id, `?move_tasks_to=${work.id}`);
    expect(response.statusCode, response.body).toBe(204);

    const moved = await tasksOf(tasks);
    expect(moved).toEqual(
      before.map((task) => ({ ...task, project_id: work.id, version: task.version + 1 })),
    );
    expect(moved.filter((task) => task.parent_id === parent)).toHaveLength(2);
    expect(await tasksOf([workTask])).toEqual([
      expect.objectContaining({ project_id: work.id, version: 1 }),
    ]);
    // Work's count: its own task and the three open ones moved in (the done subtask is not).
    const [, workNow] = await listProjects(t, userId);
    expect(workNow).toMatchObject({ id: work.id, open_count: 4, position: 1 });
    expectProblem(
      await t.as(userId, { method: 'GET', url: `/api/${userId}/projects/${home.id}` }),
      404,
    );
  });

  it('moves the tasks into the Inbox, or into an archived project', async () => {
    const { userId, inbox, home, work, tasks } = await setUp();
    expect((await remove(userId, home.id, `?move_tasks_to=${inbox.id}`)).statusCode).toBe(204);
    expect((await tasksOf(tasks)).map((task) => task.project_id)).toEqual(
      tasks.map(() => inbox.id),
    );
    const archive = await createProject(t, userId, { name: 'Archive' });
    await t.as(userId, {
      method: 'PATCH',
      url: `/api/${userId}/projects/${archive.id}`,
      payload: { archived: true },
    });
    expect((await remove(userId, work.id, `?move_tasks_to=${archive.id}`)).statusCode).toBe(204);
    const [archived] = await listProjects(t, userId, '?archived=true');
    expect(archived).toMatchObject({ id: archive.id, open_count: 1, position: 1 });
    await expectOrderKept(t, userId);
  });

  it.each([
    ['the project itself', (ids: { home: number }) => ids.home],
    ['a project that does not exist', () => 2_147_483_647],
  ])('refuses to move the tasks to %s, and deletes nothing', async (_name, target) => {
    const { userId, home, tasks } = await setUp();
    const before = await tasksOf(tasks);
    const response = await remove(userId, home.id, `?move_tasks_to=${target({ home: home.id })}`);
    const problem = expectProblem(response, 422);
    expect(problem.detail).toBe('move_tasks_to: must name another of your projects');
    expect(await tasksOf(tasks)).toEqual(before);
    expect(await t.sql`select id from projects where id = ${home.id}`).toHaveLength(1);
  });
});

describe('ETag and If-Match', () => {
  it('answers the version as a strong ETag, new with every write', async () => {
    const { userId, home } = await setUp();
    const read = await t.as(userId, { method: 'GET', url: `/api/${userId}/projects/${home.id}` });
    expect(read.headers.etag).toBe(`"${read.json<Project>().version}"`);
    const seen = new Set([read.headers.etag]);
    for (const payload of [
      { name: 'House' },
      { color: 'red' },
      { position: 2 },
      { color: 'red' },
    ]) {
      const response = await t.as(userId, {
        method: 'PATCH',
        url: `/api/${userId}/projects/${home.id}`,
        payload,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers.etag).toBe(`"${response.json<Project>().version}"`);
      expect(seen.has(response.headers.etag)).toBe(false);
      seen.add(response.headers.etag);
    }
  });

  it('refuses a stale PATCH with 412 and changes nothing', async () => {
    const { userId, home } = await setUp();
    const url = `/api/${userId}/projects/${home.id}`;
    // Another tab renames it first.
    const first = await t.as(userId, {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { name: 'House' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await t.as(userId, {
      method: 'PATCH',
      url,
      headers: { 'if-match': '"1"' },
      payload: { name: 'Flat', color: 'pink' },
    });
    const problem = expectProblem(stale, 412);
    expect(problem.detail).toMatch(/changed since/);
    expect(problem.instance).toBe(url);
    expect((await t.as(userId, { method: 'GET', url })).json()).toMatchObject({
      name: 'House',
      color: 'grey',
      version: 2,
    });
    // A list of tags, one of them current, and * both let the write through.
    for (const ifMatch of ['"1", "2"', '*']) {
      const response = await t.as(userId, {
        method: 'PATCH',
        url,
        headers: { 'if-match': ifMatch },
        payload: { color: 'blue' },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  it('refuses a stale DELETE with 412 and deletes nothing', async () => {
    const { userId, home, tasks } = await setUp();
    const problem = expectProblem(await remove(userId, home.id, '', '"7"'), 412);
    expect(problem.detail).toMatch(/changed since/);
    expect(await tasksOf(tasks)).toHaveLength(tasks.length);
    expect(expectProblem(await remove(userId, home.id, '', 'W/"1"'), 412).status).toBe(412);
    expect((await remove(userId, home.id, '', '"1"')).statusCode).toBe(204);
  });

  it('makes an edit made before someone else moved the project stale', async () => {
    const { userId, home, work } = await setUp();
    // Work moves above Home: Home's place changes, so does its version.
    await t.as(userId, {
      method: 'PATCH',
      url: `/api/${userId}/projects/${work.id}`,
      payload: { position: 1 },
    });
    const response = await t.as(userId, {
      method: 'PATCH',
      url: `/api/${userId}/projects/${home.id}`,
      headers: { 'if-match': `"${home.version}"` },
      payload: { position: 1 },
    });
    expectProblem(response, 412);
    expect(await expectOrderKept(t, userId)).toEqual([expect.any(Number), work.id, home.id]);
  });
});
