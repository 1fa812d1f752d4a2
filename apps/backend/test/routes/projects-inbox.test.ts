import { INBOX_NAME, type Project } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProject,
  expectOrderKept,
  listProjects,
  newUser,
  patchProject,
} from '../helpers/projects.js';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('the Inbox', () => {
  let userId: string;
  let inbox: Project;

  beforeAll(async () => {
    userId = await newUser(t);
    [inbox] = (await listProjects(t, userId)) as [Project];
    await createProject(t, userId, { name: 'Other' });
  });

  it.each([
    [{ name: 'Mailbox' }, 'The Inbox cannot be renamed'],
    [{ name: 'inbox' }, 'The Inbox cannot be renamed'],
    [{ archived: true }, 'The Inbox cannot be archived'],
    [{ position: 1 }, 'The Inbox stays first, at position 0'],
    [{ color: 'red', name: 'Renamed' }, 'The Inbox cannot be renamed'],
  ])('refuses %j with 409 and changes nothing', async (payload, detail) => {
    const problem = expectProblem(await patchProject(t, userId, inbox.id, payload), 409);
    expect(problem.detail).toBe(detail);
    const read = await t.as(userId, { method: 'GET', url: `/api/${userId}/projects/${inbox.id}` });
    expect(read.json()).toMatchObject({ name: INBOX_NAME, color: 'grey', version: 1 });
  });

  it('cannot be deleted', async () => {
    const response = await t.as(userId, {
      method: 'DELETE',
      url: `/api/${userId}/projects/${inbox.id}`,
    });
    expect(expectProblem(response, 409).detail).toBe(
      'The Inbox cannot be deleted; its tasks can be',
    );
    expect(await t.sql`select id from projects where id = ${inbox.id}`).toHaveLength(1);
  });

  it('takes a new colour, and its own name and place as they are', async () => {
    const response = await patchProject(t, userId, inbox.id, {
      name: INBOX_NAME,
      color: 'purple',
      position: 0,
      archived: false,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ color: 'purple', position: 0, version: 2 });
    await expectOrderKept(t, userId);
  });

  it('keeps its place when another project asks for position 0', async () => {
    const [, other] = await listProjects(t, userId);
    const problem = expectProblem(
      await patchProject(t, userId, other?.id ?? 0, { position: 0 }),
      422,
    );
    expect(problem.detail).toMatch(/^position: must be from 1 to 1 \(the Inbox stays at 0/);
    const created = await t.as(userId, {
      method: 'POST',
      url: `/api/${userId}/projects`,
      payload: { name: 'First?', position: 0 },
    });
    expectProblem(created, 422);
    await expectOrderKept(t, userId);
  });
});
