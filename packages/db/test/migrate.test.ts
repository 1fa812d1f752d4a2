import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate, migrationsFolder } from '@todo/db/migrate';
import postgres from 'postgres';
import { afterEach, describe, expect, inject, it } from 'vitest';

const serverUrl = inject('postgresServerUrl');
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `todo_migrate_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function tables(url: string): Promise<string[]> {
  const sql = postgres(url, { max: 1 });
  const rows = await sql<{ table_name: string }[]>`
    select table_name from information_schema.tables where table_schema = 'public' order by 1`;
  await sql.end();
  return rows.map((row) => row.table_name);
}

/** Runs migrate() in a separate Node process, as a second replica would. */
function migrateInChildProcess(url: string): Promise<number> {
  const script = fileURLToPath(new URL('./migrate-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script, url], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

afterEach(async () => {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  for (const name of created.splice(0))
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('migrate', () => {
  it('creates every table of the schema', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    expect(await tables(url)).toEqual([
      'account',
      'calendar_feeds',
      'change_cursors',
      'change_events',
      'deliveries',
      'notification_settings',
      'oauth_access_token',
      'oauth_client',
      'oauth_client_assertion',
      'oauth_client_resource',
      'oauth_consent',
      'oauth_refresh_token',
      'oauth_resource',
      'personal_access_tokens',
      'projects',
      'push_subscriptions',
      'rate_limit',
      'reminders',
      'session',
      'tasks',
      'user',
      'verification',
      'webhook_deliveries',
      'webhooks',
    ]);
  });

  it('is idempotent', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    await migrate(url);
    const sql = postgres(url, { max: 1 });
    const [row] = await sql`select count(*)::int as applied from drizzle.__drizzle_migrations`;
    await sql.end();
    const files = readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(0);
    expect(row?.applied).toBe(files.length);
  });

  it('is safe when two processes migrate the same database at once', async () => {
    const url = await emptyDatabase();
    const codes = await Promise.all([migrateInChildProcess(url), migrateInChildProcess(url)]);
    expect(codes).toEqual([0, 0]);
    expect(await tables(url)).toContain('tasks');
  });
});
