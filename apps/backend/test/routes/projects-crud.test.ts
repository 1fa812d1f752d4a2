import { INBOX_NAME, PROJECT_LIMITS, type Project } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProject,
  expectOrderKept,
  insertTask,
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

describe('GET /api/{user_id}/projects', () => {
  it('shows a new user their Inbox, created on first sight', async () => {
    const userId = await newUser(t);
    expect(await t.sql`select id from projects where user_id = ${userId}`).toHaveLength(0);

    const [inbox, ...rest] = await listProjects(t, userId);
    expect(rest).toEqual([]);
    expect(inbox).toMatchObject({
      user_id: userId,
      name: INBOX_NAME,
      color: 'grey',
      position: 0,
      is_inbox: true,
      archived: false,
      open_count: 0,
      version: 1,
    });
    // Listing again creates nothing more.
    expect(await listProjects(t, userId)).toEqual([inbox]);
    expect(await t.sql`select id from projects where user_id = ${userId}`).toHaveLength(1);
  });

  it('lists the projects in their order, the Inbox first', async () => {
    const userId = await newUser(t);
    const work = await createProject(t, userId, { name: 'Work' });
    const home = await createProject(t, userId, { name: 'Home', position: 1 });
    const names = (await listProjects(t, userId)).map((project) => project.name);
    expect(names).toEqual([INBOX_NAME, 'Home', 'Work']);
    expect(await expectOrderKept(t, userId)).toEqual([expect.any(Number), home.id, work.id]);
  });
});

describe('POST /api/{user_id}/projects', () => {
  it('creates a project at the end, with its defaults and an ETag', async () => {
    const userId = await newUser(t);
    const response = await t.as(userId, {
      method: 'POST',
      url: `/api/${userId}/projects`,
      payload: { name: '  Garden  ' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const project = response.json<Project>();
    expect(project).toMatchObject({
      user_id: userId,
      name: 'Garden',
      color: 'grey',
      position: 1,
      is_inbox: false,
      archived: false,
      open_count: 0,
      version: 1,
    });
    expect(response.headers.etag).toBe('"1"');
    expect(Date.parse(project.created_at)).toBeGreaterThan(Date.now() - 60_000);
    const read = await t.as(userId, {
      method: 'GET',
      url: `/api/${userId}/projects/${project.id}`,
    });
    expect(read.json()).toEqual(project);
    expect(read.headers.etag).toBe('"1"');
  });

  it('inserts at a position and moves the others down, each with a new version', async () => {
    const userId = await newUser(t);
    const a = await createProject(t, userId, { name: 'A', color: 'red' });
    const b = await createProject(t, userId, { name: 'B' });
    const c = await createProject(t, userId, { name: 'C', position: 1, color: 'blue' });
    expect(c).toMatchObject({ position: 1, color: 'blue' });
    const [inbox, ...projects] = await listProjects(t, userId);
    expect(projects.map(({ id, position, version }) => ({ id, position, version }))).toEqual([
      { id: c.id, position: 1, version: 1 },
      { id: a.id, position: 2, version: 2 },
      { id: b.id, position: 3, version: 2 },
    ]);
    expect(inbox).toMatchObject({ position: 0, version: 1 });
    await expectOrderKept(t, userId);
  });

  it('refuses a name already taken, ignoring case, and writes nothing', async () => {
    const userId = await newUser(t);
    await createProject(t, userId, { name: 'Home' });
    for (const name of ['home', 'HOME', ' Home ', 'inbox']) {
      const response = await t.as(userId, {
        method: 'POST',
        url: `/api/${userId}/projects`,
        payload: { name, position: 1 },
      });
      const problem = expectProblem(response, 409);
      expect(problem.detail).toBe(`A project named “${name.trim()}” already exists`);
    }
    const projects = await listProjects(t, userId);
    expect(projects.map((project) => [project.name, project.version])).toEqual([
      [INBOX_NAME, 1],
      ['Home', 1],
    ]);
  });

  it('lets another user have a project of the same name', async () => {
    const [ada, bea] = [await newUser(t), await newUser(t)];
    await createProject(t, ada, { name: 'Home' });
    expect(await createProject(t, bea, { name: 'home' })).toMatchObject({ name: 'home' });
  });

  it(`refuses a project past the ${PROJECT_LIMITS.projectsMax}th, saying why`, async () => {
    const userId = await newUser(t);
    await listProjects(t, userId);
    const more = PROJECT_LIMITS.projectsMax - 2;
    await t.sql`
      insert into projects (user_id, name, position)
      select ${userId}, 'Project ' || n, n from generate_series(1, ${more}) as n`;
    await createProject(t, userId, { name: 'The last one' });

    const response = await t.as(userId, {
      method: 'POST',
      url: `/api/${userId}/projects`,
      payload: { name: 'One too many' },
    });
    const problem = expectProblem(response, 409);
    expect(problem.detail).toMatch(/^There are 300 projects already, .* delete one to make room$/);
    const [count] = await t.sql`select count(*)::int as n from projects where user_id = ${userId}`;
    expect(count?.n).toBe(PROJECT_LIMITS.projectsMax);
  });
});

describe('PATCH /api/{user_id}/projects/{id}', () => {
  it('renames and recolours, with a new version and ETag', async () => {
    const userId = await newUser(t);
    const project = await createProject(t, userId, { name: 'Hobbies' });
    const response = await patchProject(t, userId, project.id, { name: 'Crafts ', color: 'teal' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Project>()).toMatchObject({
      name: 'Crafts',
      color: 'teal',
      position: 1,
      version: 2,
    });
    expect(response.headers.etag).toBe('"2"');
    expect(Date.parse(response.json<Project>().updated_at)).toBeGreaterThanOrEqual(
      Date.parse(project.updated_at),
    );
  });

  it('renames to another case of its own name, but not to another project’s name', async () => {
    const userId = await newUser(t);
    const home = await createProject(t, userId, { name: 'Home' });
    await createProject(t, userId, { name: 'Work' });
    const recased = await patchProject(t, userId, home.id, { name: 'HOME' });
    expect(recased.statusCode, recased.body).toBe(200);
    expect(recased.json<Project>().name).toBe('HOME');

    const problem = expectProblem(
      await patchProject(t, userId, home.id, { name: 'work', color: 'red' }),
      409,
    );
    expect(problem.detail).toBe('A project named “work” already exists');
    const read = await t.as(userId, { method: 'GET', url: `/api/${userId}/projects/${home.id}` });
    expect(read.json()).toMatchObject({ name: 'HOME', color: 'grey', version: 2 });
  });

  it('moves a project, the others closing up so positions stay 0..n-1', async () => {
    const userId = await newUser(t);
    const [a, b, c, d] = [
      await createProject(t, userId, { name: 'A' }),
      await createProject(t, userId, { name: 'B' }),
      await createProject(t, userId, { name: 'C' }),
      await createProject(t, userId, { name: 'D' }),
    ];
    const order = async () => (await expectOrderKept(t, userId)).slice(1);

    expect((await patchProject(t, userId, d.id, { position: 1 })).json()).toMatchObject({
      position: 1,
    });
    expect(await order()).toEqual([d.id, a.id, b.id, c.id]);
    expect((await patchProject(t, userId, d.id, { position: 4 })).json()).toMatchObject({
      position: 4,
    });
    expect(await order()).toEqual([a.id, b.id, c.id, d.id]);
    expect((await patchProject(t, userId, b.id, { position: 3 })).json()).toMatchObject({
      position: 3,
    });
    expect(await order()).toEqual([a.id, c.id, b.id, d.id]);
    // A move that changes nothing else leaves the others' versions alone.
    const versions = (await listProjects(t, userId)).map((project) => project.version);
    await patchProject(t, userId, b.id, { position: 3 });
    const after = (await listProjects(t, userId)).map((project) => project.version);
    expect(after).toEqual(versions.map((version, index) => version + (index === 3 ? 1 : 0)));
  });

  it('archives and unarchives a project', async () => {
    const userId = await newUser(t);
    const a = await createProject(t, userId, { name: 'A' });
    const b = await createProject(t, userId, { name: 'B' });
    const c = await createProject(t, userId, { name: 'C' });

    const archived = await patchProject(t, userId, a.id, { archived: true });
    expect(archived.json()).toMatchObject({ archived: true, position: 3 });
    expect((await listProjects(t, userId)).map((project) => project.name)).toEqual([
      INBOX_NAME,
      'B',
      'C',
    ]);
    expect(await listProjects(t, userId, '?archived=true')).toEqual([archived.json()]);
    expect(await listProjects(t, userId, '?archived=false')).toHaveLength(3);
    const [stored] = await t.sql`select archived_at from projects where id = ${a.id}`;
    expect(stored?.archived_at).toBeInstanceOf(Date);
    await expectOrderKept(t, userId);

    // Back at the end of the active ones.
    const unarchived = await patchProject(t, userId, a.id, { archived: false });
    expect(unarchived.json()).toMatchObject({ archived: false, position: 3 });
    expect(await listProjects(t, userId, '?archived=true')).toEqual([]);
    expect(await expectOrderKept(t, userId)).toEqual([expect.any(Number), b.id, c.id, a.id]);
    const [cleared] = await t.sql`select archived_at from projects where id = ${a.id}`;
    expect(cleared?.archived_at).toBeNull();
  });

  it('keeps archived projects after the active ones when one is created or moved', async () => {
    const userId = await newUser(t);
    const old = await createProject(t, userId, { name: 'Old' });
    await patchProject(t, userId, old.id, { archived: true });
    const fresh = await createProject(t, userId, { name: 'Fresh' });
    expect(fresh.position).toBe(1);
    expect(await expectOrderKept(t, userId)).toEqual([expect.any(Number), fresh.id, old.id]);
    // The archived project's place is among the archived: after the one active project.
    const moved = expectProblem(await patchProject(t, userId, old.id, { position: 1 }), 422);
    expect(moved.detail).toMatch(/^position: must be from 2 to 2 /);
  });
});

describe('open_count', () => {
  it('counts the tasks not completed, subtasks included, per project', async () => {
    const userId = await newUser(t);
    const other = await newUser(t);
    const [inbox] = (await listProjects(t, userId)) as [Project];
    const home = await createProject(t, userId, { name: 'Home' });
    const empty = await createProject(t, userId, { name: 'Empty' });
    const parent = await insertTask(t, { userId, projectId: home.id });
    await insertTask(t, { userId, projectId: home.id, parentId: parent });
    await insertTask(t, { userId, projectId: home.id, completed: true });
    await insertTask(t, { userId, projectId: inbox.id });
    await insertTask(t, { userId, projectId: inbox.id, completed: true });
    // Another user's tasks never count, even in a project of the same name.
    const othersHome = await createProject(t, other, { name: 'Home' });
    await insertTask(t, { userId: other, projectId: othersHome.id });

    const counts = (await listProjects(t, userId)).map((project) => project.open_count);
    expect(counts).toEqual([1, 2, 0]);
    const read = await t.as(userId, { method: 'GET', url: `/api/${userId}/projects/${home.id}` });
    expect(read.json<Project>().open_count).toBe(2);
    const renamed = await patchProject(t, userId, home.id, { name: 'House' });
    expect(renamed.json<Project>().open_count).toBe(2);
    expect((await patchProject(t, userId, empty.id, { archived: true })).json()).toMatchObject({
      open_count: 0,
    });

    await t.sql`update tasks set completed = true where id = ${parent}`;
    expect((await listProjects(t, userId)).map((project) => project.open_count)).toEqual([1, 1]);
  });
});
