// `server.js migrate`, the chart's migration Job: the same entry point applies the migrations and
// exits, against a real PostgreSQL; a failure exits non-zero with one line.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database.js';
import { exitCode, startServer, stopAllServers } from './helpers/server-process.js';

let database: TestDatabase;
let databaseUrl: string;

beforeAll(async () => {
  // Empty: the command must create every table itself.
  database = await createTestDatabase(inject('postgresServerUrl'), { empty: true });
  databaseUrl = database.url;
});

afterAll(async () => {
  await stopAllServers();
  await database?.drop();
});

describe.concurrent('server.js migrate', () => {
  it('applies every migration to an empty database, then exits 0 (twice: idempotent)', async () => {
    // Production, and nothing but DATABASE_URL: the Job gets no BETTER_AUTH_SECRET.
    const env = { NODE_ENV: 'production', DATABASE_URL: databaseUrl };
    const first = startServer(env, ['migrate']);
    expect(await exitCode(first, 60_000), first.stderr()).toBe(0);
    expect(first.stdout()).toBe('todo-backend: migrations applied\n');
    expect(first.stderr()).toBe('');

    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const tables = await sql<{ table_name: string }[]>`
        select table_name from information_schema.tables where table_schema = 'public'`;
      expect(tables.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['tasks', 'user', 'session']),
      );
      const [applied] = await sql<{ n: number }[]>`
        select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(applied?.n).toBeGreaterThan(0);

      const again = startServer(env, ['migrate']);
      expect(await exitCode(again, 60_000), again.stderr()).toBe(0);
      const [still] = await sql<{ n: number }[]>`
        select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(still?.n).toBe(applied?.n);
    } finally {
      await sql.end();
    }
  });

  it('exits 1 with one line, never the password, when DATABASE_URL is not a postgres URL', async () => {
    const run = startServer(
      { NODE_ENV: 'production', DATABASE_URL: 'mysql://todo:db-password-123@db/todo' },
      ['migrate'],
    );
    expect(await exitCode(run)).toBe(1);
    expect(run.stderr()).toBe(
      'todo-backend: DATABASE_URL must be a postgres:// or postgresql:// URL\n',
    );
    expect(run.stdout()).toBe('');
  });

  it('exits 1 with a last line naming the cause when the database never answers', async () => {
    const run = startServer(
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://todo:db-password-123@127.0.0.1:1/todo' },
      ['migrate'],
    );
    // It retries an unreachable database for about 20 s before it gives up.
    expect(await exitCode(run, 60_000)).toBe(1);
    const lines = run.stderr().trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      /^todo-backend: could not reach the database for migrations after 10 attempts: ECONNREFUSED/,
    );
    expect(run.stderr()).not.toMatch(/^\s+at /m);
    expect(run.stderr()).not.toContain('db-password-123');
    expect(run.stdout()).toBe('');
  }, 70_000);
});
