import { randomUUID } from 'node:crypto';
import type { CreateProjectBody, Project, ProjectList } from '@todo/contract';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

/** A new user of their own, with no projects yet, as just after signing up. */
export async function newUser(t: TestApp) {
  const id = `user-${randomUUID()}`;
  await t.createUsers(id);
  return id;
}

/** Creates a project through the API and returns it (fails the test unless the answer is 201). */
export async function createProject(t: TestApp, userId: string, body: CreateProjectBody) {
  const response = await t.as(userId, {
    method: 'POST',
    url: `/api/${userId}/projects`,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Project>();
}

/** A PATCH of a project through the API; answers the response, whatever its status. */
export const patchProject = (t: TestApp, userId: string, id: number, payload: object) =>
  t.as(userId, { method: 'PATCH', url: `/api/${userId}/projects/${id}`, payload });

/** The user's projects as the API lists them (active ones unless `query` says otherwise). */
export async function listProjects(t: TestApp, userId: string, query = '') {
  const response = await t.as(userId, { method: 'GET', url: `/api/${userId}/projects${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProjectList>().items;
}

/**
 * Inserts a task straight into a project, to look at counts and deletes without depending on
 * the task routes. Answers its id.
 */
export async function insertTask(
  t: TestApp,
  task: { userId: string; projectId: number; completed?: boolean; parentId?: number },
) {
  const [row] = await t.sql<{ id: number }[]>`
    insert into tasks (user_id, title, project_id, completed, parent_id)
    values (${task.userId}, 'A task', ${task.projectId}, ${task.completed ?? false},
            ${task.parentId ?? null})
    returning id`;
  if (!row) throw new Error('The task was not inserted');
  return row.id;
}

/**
 * Asserts what every write must leave behind, read from the table itself: positions 0..n-1, the
 * Inbox at 0, the active projects before the archived ones. Answers the ids in their order.
 */
export async function expectOrderKept(t: TestApp, userId: string) {
  const rows = await t.sql<
    { id: number; position: number; is_inbox: boolean; archived: boolean }[]
  >`
    select id, position, is_inbox, archived_at is not null as archived
    from projects where user_id = ${userId} order by position, id`;
  expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index));
  expect(rows[0]?.is_inbox).toBe(true);
  expect(rows.filter((row) => row.is_inbox)).toHaveLength(1);
  const firstArchived = rows.findIndex((row) => row.archived);
  if (firstArchived >= 0) expect(rows.slice(firstArchived).every((row) => row.archived)).toBe(true);
  return rows.map((row) => row.id);
}
