import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, migrationsFolder } from '@todo/db/migrate';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';

const serverUrl = inject('postgresServerUrl');
const name = `todo_migrate_projects_${Math.random().toString(36).slice(2, 10)}`;

/** A copy of the migrations folder that stops before `tag`: the schema as an older release had it. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((entry) => entry.tag === tag);
  journal.entries = journal.entries.slice(0, stop);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

afterAll(async () => {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('migration 0004: projects, subtasks and repeat rules', () => {
  it('gives every user an Inbox, moves their tasks into it and turns recurrence into rules', async () => {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;

    await migrate(url.toString(), migrationsBefore('0004_projects_subtasks_repeat_rules'));
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      for (const id of ['ada', 'bob', 'cy']) {
        await sql`insert into "user" (id, name, email, email_verified, created_at, updated_at)
                  values (${id}, ${id}, ${`${id}@example.com`}, false, now(), now())`;
      }
      const recurrences = ['none', 'daily', 'weekly', 'monthly', 'yearly'];
      for (const [index, recurrence] of recurrences.entries()) {
        await sql`insert into tasks (user_id, title, recurrence)
                  values (${index % 2 ? 'ada' : 'bob'}, ${recurrence}, ${recurrence})`;
      }

      await migrate(url.toString());

      const inboxes = await sql<{ user_id: string; name: string; position: number }[]>`
        select user_id, name, position from projects where is_inbox order by user_id`;
      expect(inboxes).toEqual([
        { user_id: 'ada', name: 'Inbox', position: 0 },
        { user_id: 'bob', name: 'Inbox', position: 0 },
        { user_id: 'cy', name: 'Inbox', position: 0 },
      ]);
      const rows = await sql<{ title: string; rrule: string | null; in_inbox: boolean }[]>`
        select t.title, t.rrule, p.is_inbox and p.user_id = t.user_id as in_inbox
        from tasks t join projects p on p.id = t.project_id order by t.id`;
      expect(rows).toEqual([
        { title: 'none', rrule: null, in_inbox: true },
        { title: 'daily', rrule: 'FREQ=DAILY', in_inbox: true },
        { title: 'weekly', rrule: 'FREQ=WEEKLY', in_inbox: true },
        { title: 'monthly', rrule: 'FREQ=MONTHLY', in_inbox: true },
        { title: 'yearly', rrule: 'FREQ=YEARLY', in_inbox: true },
      ]);
      await expect(
        sql`insert into projects (user_id, name, is_inbox) values ('ada', 'Second inbox', true)`,
      ).rejects.toThrow(/projects_user_inbox_idx/);
      await expect(
        sql`insert into projects (user_id, name) values ('ada', 'INBOX')`,
      ).rejects.toThrow(/projects_user_name_idx/);
    } finally {
      await sql.end();
    }
  });
});
