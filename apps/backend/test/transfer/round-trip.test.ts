import { type ExportDocument, signAccessToken, type Task } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, newUser } from '../helpers/projects.js';
import { buildTestApp, TEST_SECRET, type TestApp } from '../helpers/test-app.js';
import { exportJson, importFile, rowCounts, sendImport } from '../helpers/transfer.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) =>
  new Date(Math.floor((Date.now() + days * DAY) / 60_000) * 60_000).toISOString();

/** A user with a bit of everything: projects (one archived), subtasks, tags, rules, reminders. */
async function userWithEverything() {
  const userId = await newUser(t);
  const home = await createProject(t, userId, { name: 'Home', color: 'green' });
  const old = await createProject(t, userId, { name: 'Old stuff', color: 'red' });
  const archived = await t.as(userId, {
    method: 'PATCH',
    url: `/api/${userId}/projects/${old.id}`,
    payload: { archived: true },
  });
  expect(archived.statusCode, archived.body).toBe(200);
  const rent = await t.createTask(userId, {
    title: 'Pay rent',
    description: 'Transfer to the landlord',
    priority: 'high',
    tags: ['bills', 'monthly'],
    due_at: inDays(3),
    time_zone: 'Europe/Berlin',
    repeat: { rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1', from: 'due' },
    project_id: home.id,
    reminders: [
      { kind: 'before', minutes_before: 60 },
      { kind: 'at', at: inDays(2) },
    ],
  });
  await t.createTask(userId, { title: 'Find the IBAN', parent_id: rent.id, tags: ['bills'] });
  await t.createTask(userId, {
    title: 'Water plants',
    due_at: inDays(1),
    repeat: { frequency: 'daily', interval: 3, from: 'completion' },
    reminders: [{ kind: 'due' }],
  });
  await t.createTask(userId, { title: 'Done already', completed: true, project_id: old.id });
  return userId;
}

/** What must survive a round trip, without ids, times of writing and fire times of the past. */
function comparable(document: ExportDocument) {
  const projectName = new Map(document.projects.map((project) => [project.id, project.name]));
  const titleOf = new Map(document.tasks.map((task) => [task.id, task.title]));
  const task = (row: Task) => ({
    title: row.title,
    description: row.description,
    completed: row.completed,
    priority: row.priority,
    tags: row.tags,
    due_at: row.due_at,
    time_zone: row.time_zone,
    repeat: row.repeat,
    project: projectName.get(row.project_id),
    parent: row.parent_id === null ? null : titleOf.get(row.parent_id),
    reminders: row.reminders.map(({ kind, minutes_before, at, fire_at }) => ({
      kind,
      minutes_before,
      at,
      fire_at,
    })),
  });
  return {
    projects: document.projects
      .map(({ name, color, archived, is_inbox }) => ({ name, color, archived, is_inbox }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    tasks: document.tasks.map(task).sort((a, b) => a.title.localeCompare(b.title)),
  };
}

describe('export, then import into a fresh user', () => {
  it('round-trips projects, subtasks, tags, repeat rules and reminders', async () => {
    const source = await userWithEverything();
    const exported = await exportJson(t, source);
    expect(exported).toMatchObject({ format: 'todo-export', version: 1 });
    expect(exported.tasks).toHaveLength(4);

    const target = await newUser(t);
    const summary = await importFile(t, target, exported, { source: 'json' });
    expect(summary).toMatchObject({
      dry_run: false,
      created: { projects: 2, tasks: 3, subtasks: 1 },
      skipped: 0,
      warnings: [],
    });
    const imported = await exportJson(t, target);
    expect(comparable(imported)).toEqual(comparable(exported));
    // The reminders were scheduled as a created task's are: one queued job per future fire time.
    const [jobs] = await t.sql<{ count: number }[]>`
      select count(*)::int as count from reminders
      where user_id = ${target} and fire_at is not null and job_id is not null`;
    expect(jobs?.count).toBe(3);
  });

  it('imports the same file a second time as nothing: every row is skipped', async () => {
    const exported = await exportJson(t, await userWithEverything());
    const target = await newUser(t);
    await importFile(t, target, exported, { source: 'json' });
    const before = await rowCounts(t, target);
    const again = await importFile(t, target, exported, { source: 'json' });
    expect(again.created).toEqual({ projects: 0, tasks: 0, subtasks: 0 });
    expect(again.skipped).toBe(2 + 4);
    expect(again.items.every((item) => item.action === 'skip')).toBe(true);
    expect(await rowCounts(t, target)).toEqual(before);
  });

  it('previews with dry_run=true: the summary of the real import, and nothing written', async () => {
    const exported = await exportJson(t, await userWithEverything());
    const target = await newUser(t);
    const before = await rowCounts(t, target);
    const [changes] = await t.sql<
      { count: number }[]
    >`select count(*)::int as count from change_events`;
    const preview = await importFile(t, target, exported, { source: 'json', dryRun: true });
    expect(preview.dry_run).toBe(true);
    expect(preview.created).toEqual({ projects: 2, tasks: 3, subtasks: 1 });
    expect(preview.items.map((item) => [item.kind, item.title, item.project])).toContainEqual([
      'subtask',
      'Find the IBAN',
      'Home',
    ]);
    expect(await rowCounts(t, target)).toEqual(before);
    const [after] = await t.sql<
      { count: number }[]
    >`select count(*)::int as count from change_events`;
    expect(after?.count).toBe(changes?.count);
    const real = await importFile(t, target, exported, { source: 'json' });
    expect({ ...real, dry_run: true }).toEqual(preview);
  });

  it('adds only the new row when the file gains one', async () => {
    const source = await userWithEverything();
    const target = await newUser(t);
    await importFile(t, target, await exportJson(t, source), { source: 'json' });
    await t.createTask(source, { title: 'Added later' });
    const summary = await importFile(t, target, await exportJson(t, source), { source: 'json' });
    expect(summary.created).toEqual({ projects: 0, tasks: 1, subtasks: 0 });
    expect(summary.items.filter((item) => item.action === 'create')).toEqual([
      expect.objectContaining({ title: 'Added later', project: 'Inbox' }),
    ]);
  });

  it('merges a project into one of the same name the user already has', async () => {
    const exported = await exportJson(t, await userWithEverything());
    const target = await newUser(t);
    const mine = await createProject(t, target, { name: 'HOME' });
    const summary = await importFile(t, target, exported, { source: 'json' });
    expect(summary.created.projects).toBe(1);
    const [rent] = await t.sql<{ project_id: number }[]>`
      select project_id from tasks where user_id = ${target} and title = 'Pay rent'`;
    expect(rent?.project_id).toBe(mine.id);
  });

  it('never touches another user’s rows, whatever ids the file names', async () => {
    const victim = await userWithEverything();
    const victimDocument = await exportJson(t, victim);
    const attacker = await newUser(t);
    // The victim's own export, sent by someone else: ids and user_id name the victim's rows.
    const summary = await importFile(t, attacker, victimDocument, { source: 'json' });
    expect(summary.created.tasks + summary.created.subtasks).toBe(4);
    expect(comparable(await exportJson(t, victim))).toEqual(comparable(victimDocument));
    const [foreign] = await t.sql<{ count: number }[]>`
      select count(*)::int as count from tasks t join projects p on p.id = t.project_id
      where t.user_id = ${attacker} and p.user_id <> ${attacker}`;
    expect(foreign?.count).toBe(0);
    const parents = await t.sql<{ count: number }[]>`
      select count(*)::int as count from tasks child join tasks parent on parent.id = child.parent_id
      where child.user_id = ${attacker} and parent.user_id <> ${attacker}`;
    expect(parents[0]?.count).toBe(0);
  });

  it('is refused to a read-only token (403), and writes nothing', async () => {
    const exported = await exportJson(t, await userWithEverything());
    const target = await newUser(t);
    const before = await rowCounts(t, target);
    const token = await signAccessToken(TEST_SECRET, target, { scope: 'read' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/${target}/import?source=json`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify(exported),
    });
    expect(response.statusCode).toBe(403);
    expect(await rowCounts(t, target)).toEqual(before);
    expect(
      (await sendImport(t, target, exported, { source: 'json', dryRun: true })).statusCode,
    ).toBe(200);
  });
});

describe('importing into the account the file came from, and at the same time', () => {
  it('adds only what was deleted since when a user imports their own export', async () => {
    const userId = await userWithEverything();
    const exported = await exportJson(t, userId);
    const before = await rowCounts(t, userId);
    const same = await importFile(t, userId, exported, { source: 'json' });
    expect(same.created).toEqual({ projects: 0, tasks: 0, subtasks: 0 });
    expect(await rowCounts(t, userId)).toEqual(before);

    const water = exported.tasks.find((task) => task.title === 'Water plants');
    const gone = await t.as(userId, { method: 'DELETE', url: `/api/${userId}/tasks/${water?.id}` });
    expect(gone.statusCode).toBe(204);
    const back = await importFile(t, userId, exported, { source: 'json' });
    expect(back.items.filter((item) => item.action === 'create').map((item) => item.title)).toEqual(
      ['Water plants'],
    );
  });

  it('two imports of one file at the same time add it once', async () => {
    const exported = await exportJson(t, await userWithEverything());
    const target = await newUser(t);
    const [first, second] = await Promise.all([
      importFile(t, target, exported, { source: 'json' }),
      importFile(t, target, exported, { source: 'json' }),
    ]);
    const created = (summary: typeof first) =>
      summary.created.projects + summary.created.tasks + summary.created.subtasks;
    expect(created(first) + created(second)).toBe(2 + 4);
    expect(await rowCounts(t, target)).toMatchObject({ projects: 3, tasks: 4 });
  });
});
