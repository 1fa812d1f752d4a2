import type { Project } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, expectOrderKept, listProjects, newUser } from '../helpers/projects.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const post = (userId: string, name: string) =>
  t.as(userId, { method: 'POST', url: `/api/${userId}/projects`, payload: { name } });

describe('the Inbox made on first need', () => {
  it('is made once when a new user’s first requests arrive together', async () => {
    for (let round = 0; round < 5; round++) {
      const userId = await newUser(t);
      const [first, second, created] = await Promise.all([
        t.as(userId, { method: 'GET', url: `/api/${userId}/projects` }),
        t.as(userId, { method: 'GET', url: `/api/${userId}/projects` }),
        post(userId, 'Together'),
      ]);
      expect(first.statusCode, first.body).toBe(200);
      expect(second.statusCode, second.body).toBe(200);
      expect(created.statusCode, created.body).toBe(201);
      const inboxes = await t.sql`
        select id from projects where user_id = ${userId} and is_inbox`;
      expect(inboxes).toHaveLength(1);
      for (const response of [first, second]) {
        const [inbox] = response.json<{ items: Project[] }>().items;
        expect(inbox).toMatchObject({ id: inboxes[0]?.id, is_inbox: true, position: 0 });
      }
      await expectOrderKept(t, userId);
    }
  });

  it('spends no project id when it is there already', async () => {
    const userId = await newUser(t);
    const first = await createProject(t, userId, { name: 'First' });
    // Every write asks for the Inbox (it is the lock of the user's projects).
    for (const color of ['red', 'blue', 'green'] as const) {
      await t.as(userId, {
        method: 'PATCH',
        url: `/api/${userId}/projects/${first.id}`,
        payload: { color },
      });
    }
    const second = await createProject(t, userId, { name: 'Second' });
    expect(second.id).toBe(first.id + 1);
  });
});

describe('writes at the same moment', () => {
  it('creates projects in turn, each at its own position', async () => {
    const userId = await newUser(t);
    const names = Array.from({ length: 8 }, (_, index) => `Project ${index}`);
    const responses = await Promise.all(names.map((name) => post(userId, name)));
    for (const response of responses) expect(response.statusCode, response.body).toBe(201);
    const positions = responses.map((response) => response.json<Project>().position);
    expect(positions.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await expectOrderKept(t, userId);
  });

  it('creates one of two projects of the same name sent together', async () => {
    const userId = await newUser(t);
    const responses = await Promise.all(['Twin', 'twin', 'TWIN'].map((name) => post(userId, name)));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409]);
    for (const response of responses.filter((response) => response.statusCode === 409)) {
      expect(expectProblem(response, 409).detail).toMatch(
        /^A project named “twin” already exists$/i,
      );
    }
    expect(await listProjects(t, userId)).toHaveLength(2);
  });

  it('keeps positions 0..n-1 through moves, archives and deletes sent together', async () => {
    const userId = await newUser(t);
    const projects: Project[] = [];
    for (let index = 0; index < 6; index++) {
      projects.push(await createProject(t, userId, { name: `P${index}` }));
    }
    const [p0, p1, p2, p3, p4, p5] = projects as [Project, ...Project[]] & Project[];
    const url = (project: Project | undefined) => `/api/${userId}/projects/${project?.id}`;
    const responses = await Promise.all([
      t.as(userId, { method: 'PATCH', url: url(p5), payload: { position: 1 } }),
      t.as(userId, { method: 'PATCH', url: url(p0), payload: { archived: true } }),
      t.as(userId, { method: 'DELETE', url: url(p2) }),
      t.as(userId, { method: 'PATCH', url: url(p3), payload: { position: 2 } }),
      t.as(userId, { method: 'PATCH', url: url(p1), payload: { archived: true } }),
      post(userId, 'Late'),
      t.as(userId, { method: 'PATCH', url: url(p4), payload: { name: 'Renamed' } }),
    ]);
    for (const response of responses) expect(response.statusCode, response.body).toBeLessThan(300);
    const order = await expectOrderKept(t, userId);
    expect(order).toHaveLength(7);
    const archived = await listProjects(t, userId, '?archived=true');
    expect(archived.map((project) => project.id).sort()).toEqual([p0?.id, p1?.id].sort());
  });
});
