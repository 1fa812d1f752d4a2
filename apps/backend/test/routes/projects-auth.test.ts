import { type Project, signAccessToken } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, insertTask, listProjects } from '../helpers/projects.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers('alice', 'bob');
});
afterAll(async () => t?.close());

const ROUTES = [
  ['GET', 'projects'],
  ['POST', 'projects'],
  ['GET', 'projects/1'],
  ['PATCH', 'projects/1'],
  ['DELETE', 'projects/1'],
  ['DELETE', 'projects/1?move_tasks_to=2'],
] as const;

describe('401 without a valid token', () => {
  it.each(ROUTES)('%s …/%s without a token, before reading the body', async (method, path) => {
    const response = await t.app.inject({
      method,
      url: `/api/alice/${path}`,
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expectProblem(response, 401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it.each(ROUTES)('%s …/%s with a token signed by another key', async (method, path) => {
    const forged = await signAccessToken('another-secret-also-32-characters-long', 'alice');
    const response = await t.app.inject({
      method,
      url: `/api/alice/${path}`,
      headers: { authorization: `Bearer ${forged}` },
      payload: { name: 'forged' },
    });
    expectProblem(response, 401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('answers 401 for a token whose user does not exist, and creates no Inbox for it', async () => {
    for (const [method, payload] of [
      ['GET', undefined],
      ['POST', { name: 'Nobody’s' }],
    ] as const) {
      const response = await t.as('ghost', {
        method,
        url: '/api/ghost/projects',
        ...(payload ? { payload } : {}),
      });
      expect(expectProblem(response, 401).detail).toBe("The token's user does not exist");
    }
    expect(await t.sql`select id from projects where user_id = 'ghost'`).toEqual([]);
  });
});

describe('403 when the path is not the token’s user', () => {
  it.each(ROUTES)('%s /api/bob/%s with alice’s token', async (method, path) => {
    const response = await t.as('alice', {
      method,
      url: `/api/bob/${path}`,
      payload: { name: 'sneaky' },
    });
    expect(expectProblem(response, 403).title).toBe('Forbidden');
  });

  it('creates nothing for bob, not even his Inbox', async () => {
    expect(await t.sql`select id from projects where user_id = 'bob'`).toEqual([]);
  });
});

describe('404 for another user’s project', () => {
  let bobs: Project;
  let bobsTask: number;
  let alices: Project;

  beforeAll(async () => {
    bobs = await createProject(t, 'bob', { name: 'Bob private', color: 'red' });
    bobsTask = await insertTask(t, { userId: 'bob', projectId: bobs.id });
    alices = await createProject(t, 'alice', { name: 'Alice’s' });
  });

  it.each([
    ['GET', undefined],
    ['PATCH', { name: 'hijacked', archived: true }],
    ['DELETE', undefined],
  ] as const)('%s …/projects/:id answers as if it did not exist', async (method, payload) => {
    for (const ifMatch of [undefined, '*', '"1"']) {
      const response = await t.as('alice', {
        method,
        url: `/api/alice/projects/${bobs.id}`,
        headers: ifMatch ? { 'if-match': ifMatch } : {},
        ...(payload ? { payload } : {}),
      });
      expect(expectProblem(response, 404).detail).toBe('No such project');
      expect(response.body).not.toContain('Bob private');
    }
  });

  it('refuses to move tasks into another user’s project, and moves nothing', async () => {
    const task = await insertTask(t, { userId: 'alice', projectId: alices.id });
    const response = await t.as('alice', {
      method: 'DELETE',
      url: `/api/alice/projects/${alices.id}?move_tasks_to=${bobs.id}`,
    });
    const problem = expectProblem(response, 422);
    expect(problem.detail).toBe('move_tasks_to: must name another of your projects');
    const [row] = await t.sql`select project_id from tasks where id = ${task}`;
    expect(row?.project_id).toBe(alices.id);
    expect(await t.sql`select id from projects where id = ${alices.id}`).toHaveLength(1);
  });

  it('leaves bob’s project and task exactly as they were', async () => {
    const response = await t.as('bob', { method: 'GET', url: `/api/bob/projects/${bobs.id}` });
    expect(response.json()).toEqual({ ...bobs, open_count: 1 });
    const [task] = await t.sql`select project_id, version from tasks where id = ${bobsTask}`;
    expect(task).toEqual({ project_id: bobs.id, version: 1 });
  });

  it('never lists another user’s projects', async () => {
    for (const [user, other] of [
      ['alice', 'bob'],
      ['bob', 'alice'],
    ] as const) {
      for (const query of ['', '?archived=true']) {
        const projects = await listProjects(t, user, query);
        expect(projects.every((project) => project.user_id === user)).toBe(true);
        expect(projects.some((project) => project.user_id === other)).toBe(false);
      }
    }
  });
});
