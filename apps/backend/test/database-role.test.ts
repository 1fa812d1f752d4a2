import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Project, ProjectList, Task } from '@todo/contract';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database.js';
import { startWebhookReceiver } from '../../../tests/support/webhook-receiver.js';
import { recordingChannels } from './helpers/recording-channels.js';
import { buildTestApp, expectProblem, type TestApp } from './helpers/test-app.js';

// The grants the README tells operators to apply, applied here to a role of this test's own.
const GRANTS = readFileSync(
  new URL('../../../packages/db/roles/todo-backend.sql', import.meta.url),
  'utf8',
);

let database: TestDatabase;
let owner: postgres.Sql;
let backend: postgres.Sql;
let t: TestApp;
const recorder = recordingChannels();
const role = `todo_backend_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresServerUrl'));
  owner = postgres(database.url, { max: 1, onnotice: () => {} });
  const password = randomBytes(12).toString('hex');
  await owner.unsafe(`create role ${role} login password '${password}'`);
  await owner.unsafe(GRANTS.replaceAll('todo_backend', role));
  await owner`insert into "user" (id, name, email) values ('ada', 'Ada', 'ada@example.test')`;
  const url = new URL(database.url);
  url.username = role;
  url.password = password;
  backend = postgres(url.toString(), { max: 1, onnotice: () => {} });
  // The reminder worker too: pg-boss runs on this role, with its tables made by the owner.
  t = await buildTestApp({
    databaseUrl: url.toString(),
    reminders: { workers: true, jobTimeoutSeconds: 10 },
    channels: recorder.channels,
  });
});

afterAll(async () => {
  await t?.close();
  await backend?.end({ timeout: 5 });
  // Roles belong to the server, not the database: its grants go first, then the role.
  await owner?.unsafe(`drop owned by ${role}`);
  await owner?.unsafe(`drop role ${role}`);
  await owner?.end({ timeout: 5 });
  await database?.drop();
});

const listed = async () => {
  const response = await t.as('ada', { method: 'GET', url: '/api/ada/projects' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProjectList>().items;
};

describe('the backend on a least-privilege database role', () => {
  it.each(['session', 'account', 'verification', 'user'])(
    'the role cannot read "%s"',
    async (table) => {
      await expect(backend.unsafe(`select * from "${table}" limit 1`)).rejects.toMatchObject({
        code: '42501',
      });
    },
  );

  it('creates, lists, toggles, changes and deletes tasks', async () => {
    const created = await t.createTask('ada', {
      title: 'Least privilege',
      tags: ['Ops'],
      due_at: '2031-01-06T09:00:00Z',
      recurrence: 'weekly',
    });
    const list = await t.as('ada', { method: 'GET', url: '/api/ada/tasks?status=pending' });
    expect(list.json<{ items: Task[] }>().items.map((task) => task.id)).toEqual([created.id]);

    const done = await t.as('ada', {
      method: 'PATCH',
      url: `/api/ada/tasks/${created.id}/complete`,
    });
    expect(done.statusCode, done.body).toBe(200);
    const next = done.json<Task>().next_occurrence_id;
    expect(next).toEqual(expect.any(Number));

    const patched = await t.as('ada', {
      method: 'PATCH',
      url: `/api/ada/tasks/${next}`,
      payload: { title: 'Renamed' },
    });
    expect(patched.json<Task>().title).toBe('Renamed');
    const tags = await t.as('ada', { method: 'GET', url: '/api/ada/tags' });
    expect(tags.json()).toEqual({ items: [{ tag: 'ops', count: 2 }] });

    for (const id of [next, created.id]) {
      const deleted = await t.as('ada', { method: 'DELETE', url: `/api/ada/tasks/${id}` });
      expect(deleted.statusCode, deleted.body).toBe(204);
    }
    expect(await owner`select id from tasks`).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it('lists, creates, moves, archives and deletes projects, moving their tasks', async () => {
    const [inbox] = await listed();
    expect(inbox).toMatchObject({ name: 'Inbox', is_inbox: true, position: 0 });
    const created = await t.as('ada', {
      method: 'POST',
      url: '/api/ada/projects',
      payload: { name: 'Least privilege', color: 'teal' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json<Project>();
    const second = await t.as('ada', {
      method: 'POST',
      url: '/api/ada/projects',
      payload: { name: 'Second', position: 1 },
    });
    expect(second.statusCode, second.body).toBe(201);
    const [task] = await owner<{ id: number }[]>`
      insert into tasks (user_id, title, project_id) values ('ada', 'Moved', ${project.id})
      returning id`;

    const archived = await t.as('ada', {
      method: 'PATCH',
      url: `/api/ada/projects/${project.id}`,
      headers: { 'if-match': `"${project.version + 1}"` },
      payload: { archived: true },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, position: 2, open_count: 1 });
    const deleted = await t.as('ada', {
      method: 'DELETE',
      url: `/api/ada/projects/${project.id}?move_tasks_to=${inbox?.id}`,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await owner`select project_id from tasks where id = ${task?.id ?? 0}`).toEqual([
      { project_id: inbox?.id },
    ]);
    expect((await listed()).map((item) => [item.name, item.position, item.open_count])).toEqual([
      ['Inbox', 0, 1],
      ['Second', 1, 0],
    ]);
    await owner`delete from tasks where user_id = 'ada'`;
  });

  it('schedules, moves and delivers a reminder, and cancels one with its task', async () => {
    await owner`insert into push_subscriptions (user_id, endpoint, p256dh, auth, label)
      values ('ada', 'https://push.example.test/ada', 'key', 'secret', 'Test device')`;
    const created = await t.createTask('ada', {
      title: 'Remind the least privileged',
      due_at: '2031-01-06T09:00:00.000Z',
      reminders: [{ kind: 'due' }],
    });
    const moved = await t.as('ada', {
      method: 'PATCH',
      url: `/api/ada/tasks/${created.id}`,
      payload: { reminders: [{ kind: 'at', at: new Date(Date.now() + 1_000).toISOString() }] },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const [reminder] = moved.json<Task>().reminders;
    // Sent once, and the job completed (pg-boss completes it once the handler has returned).
    await vi.waitFor(
      async () => {
        const rows =
          await owner`select status from deliveries where reminder_id = ${reminder?.id ?? 0}`;
        expect(rows).toEqual([{ status: 'sent' }]);
        const jobs =
          await owner`select state from pgboss.job where data->>'reminderId' = ${String(reminder?.id)}`;
        expect(jobs).toEqual([{ state: 'completed' }]);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(recorder.pushes.map((push) => push.payload.title)).toEqual([
      'Remind the least privileged',
    ]);

    const later = await t.createTask('ada', {
      title: 'Deleted before it fires',
      due_at: '2031-01-06T09:00:00.000Z',
      reminders: [{ kind: 'due' }],
    });
    const deleted = await t.as('ada', { method: 'DELETE', url: `/api/ada/tasks/${later.id}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const [cancelled] =
      await owner`select state from pgboss.job where data->>'reminderId' = ${String(later.reminders[0]?.id)}`;
    expect(cancelled).toEqual({ state: 'cancelled' });
    await owner`delete from tasks where user_id = 'ada'`;
  });

  it('dispatches and sends a webhook: the change log, the cursor, the deliveries', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const hook = await t.as('ada', {
        method: 'POST',
        url: '/api/ada/webhooks',
        payload: { url: `${receiver.origin}/ada`, events: ['task.created'] },
      });
      expect(hook.statusCode, hook.body).toBe(201);
      const task = await t.createTask('ada', { title: 'Hooked' });
      const [request] = await receiver.waitFor(1, 20_000);
      expect(JSON.parse(request?.body ?? '{}').data.task).toEqual(task);
    } finally {
      await receiver.close();
    }
  });

  it('still answers 401 for a token whose user does not exist', async () => {
    // Their Inbox, made on first need, is refused as their task is.
    expectProblem(await t.as('ghost', { method: 'GET', url: '/api/ghost/projects' }), 401);
    const response = await t.as('ghost', {
      method: 'POST',
      url: '/api/ghost/tasks',
      payload: { title: 'Nobody' },
    });
    expectProblem(response, 401);
  });
});
