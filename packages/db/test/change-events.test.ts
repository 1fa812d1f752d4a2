import { migrate } from '@todo/db/migrate';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// record_change() (migration 0007): every task and project write leaves one change_events row in
// its own transaction and one NOTIFY change_events, whoever wrote it.
const serverUrl = inject('postgresServerUrl');
const name = `todo_changes_${Math.random().toString(36).slice(2, 10)}`;
let sql: postgres.Sql;

beforeAll(async () => {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  await sql`insert into "user" (id, name, email, email_verified, created_at, updated_at)
    values ('alice', 'Alice', 'alice@example.com', false, now(), now())`;
});

afterAll(async () => {
  await sql.end();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const changes = () =>
  sql<
    { id: number; user_id: string; entity: string; entity_id: number; op: string; title: string }[]
  >`
    select id::int as id, user_id, entity, entity_id, op, data->>'title' as title
    from change_events order by id`;

describe('the change log', () => {
  it('records created, updated, completed and deleted, and announces each id', async () => {
    const heard: string[] = [];
    const listener = await sql.listen('change_events', (payload) => heard.push(payload));
    const [project] = await sql<{ id: number }[]>`
      insert into projects (user_id, name) values ('alice', 'Home') returning id`;
    const [task] = await sql<{ id: number }[]>`
      insert into tasks (user_id, title, project_id) values ('alice', 'Buy milk', ${project?.id ?? 0})
      returning id`;
    await sql`update tasks set title = 'Buy oat milk' where id = ${task?.id ?? 0}`;
    await sql`update tasks set title = 'Buy oat milk' where id = ${task?.id ?? 0}`; // no change
    await sql`update tasks set completed = true where id = ${task?.id ?? 0}`;
    await sql`update tasks set completed = false where id = ${task?.id ?? 0}`;
    await sql`delete from tasks where id = ${task?.id ?? 0}`;

    const rows = await changes();
    expect(rows.map((row) => [row.entity, row.op, row.title])).toEqual([
      ['project', 'created', null],
      ['task', 'created', 'Buy milk'],
      ['task', 'updated', 'Buy oat milk'],
      ['task', 'completed', 'Buy oat milk'],
      ['task', 'updated', 'Buy oat milk'],
      ['task', 'deleted', 'Buy oat milk'],
    ]);
    expect(rows.every((row) => row.user_id === 'alice')).toBe(true);
    await expect.poll(() => heard.length).toBe(rows.length);
    expect(heard.map((text) => JSON.parse(text))).toEqual(
      rows.map((row) => ({ id: row.id, user_id: 'alice' })),
    );
    await listener.unlisten();
  });

  it('writes nothing when the change is rolled back', async () => {
    const before = (await changes()).length;
    await sql
      .begin(async (tx) => {
        await tx`insert into tasks (user_id, title) values ('alice', 'never')`;
        throw new Error('roll back');
      })
      .catch(() => {});
    expect((await changes()).length).toBe(before);
  });
});
