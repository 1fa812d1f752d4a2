import { signAccessToken, type Task } from '@todo/contract';
import { freePort } from '@todo/db/embedded';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/test-database.js';
import {
  exitCode,
  killGroup,
  type Running,
  startServer,
  stopAllServers,
  waitUntilListening,
} from './helpers/server-process.js';

const SECRET = 'server-test-secret-that-is-long-enough-0123456789';

afterAll(stopAllServers);

// One server process for the "running server" tests (each start costs seconds through tsx), on
// an empty database of its own. It starts in the file's beforeAll, so that it loads while the
// configuration-error processes run; the SIGTERM test stops it.
let database: TestDatabase;
let sql: postgres.Sql;
let starting: Promise<{ server: Running; base: string; metricsBase: string }>;

beforeAll(async () => {
  // Empty, not a copy of the migrated template: the server must migrate it itself.
  database = await createTestDatabase(inject('postgresServerUrl'), { empty: true });
  sql = postgres(database.url, { max: 2, onnotice: () => {} });
  starting = (async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const server = startServer({
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: SECRET,
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilListening(server, base);
    return { server, base, metricsBase: `http://127.0.0.1:${metricsPort}` };
  })();
  // Awaited by the tests that use it; a failure to start fails those, not this hook.
  starting.catch(() => {});
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await database?.drop();
});

// Each start pays for loading the whole app through tsx: these run side by side.
describe.concurrent('configuration errors stop start-up with one line', () => {
  const databaseUrl = 'postgres://todo:db-password-123@127.0.0.1:1/todo';

  it('NODE_ENV=production without BETTER_AUTH_SECRET exits 1 naming the variable', async () => {
    const server = startServer({ NODE_ENV: 'production', DATABASE_URL: databaseUrl });
    expect(await exitCode(server)).toBe(1);
    const lines = server.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^todo-backend: .*BETTER_AUTH_SECRET is required/);
    // No stack trace, no error dump, nothing from the environment.
    expect(server.stderr()).not.toMatch(/^\s+at |Error/m);
    expect(server.stderr()).not.toContain('db-password-123');
    expect(server.stdout()).toBe('');
  });

  it('a short BETTER_AUTH_SECRET exits 1 naming the variable, never its value', async () => {
    const secret = 'too-short-secret-value';
    const server = startServer({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: secret,
    });
    expect(await exitCode(server)).toBe(1);
    const lines = server.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('BETTER_AUTH_SECRET must be at least 32 characters');
    expect(server.stderr() + server.stdout()).not.toContain(secret);
  });
});

describe.concurrent('migrations stop at once on an error that retrying cannot fix', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const other of databases) await other.drop();
  });

  it('a database whose "user" table is not ours: exits 1 within seconds, one line naming the table and the cause', async () => {
    const other = await createTestDatabase(inject('postgresServerUrl'), { empty: true });
    databases.push(other);
    const conflicting = postgres(other.url, { max: 1, onnotice: () => {} });
    await conflicting`create table "user" (id integer primary key, login text)`;
    await conflicting.end();

    const started = Date.now();
    const server = startServer({
      NODE_ENV: 'production',
      DATABASE_URL: other.url,
      BETTER_AUTH_SECRET: SECRET,
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    });
    // Retrying took 20 s (10 attempts); what remains is loading the app through tsx.
    expect(await exitCode(server, 15_000)).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(server.stdout()).toBe('');
    const lines = server.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^todo-backend: the database migrations failed: 42P07: /);
    expect(lines[0]).toContain('relation "user" already exists');
    expect(lines[0]).not.toMatch(/CREATE|Failed query|params|\bat /);
  });

  it('an unreachable database is retried, one short line per attempt', async () => {
    const server = startServer({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://todo:db-password-123@127.0.0.1:1/todo',
      BETTER_AUTH_SECRET: SECRET,
      LOG_LEVEL: 'info',
    });
    // Loading the app through tsx on a busy machine takes seconds of its own.
    const deadline = Date.now() + 25_000;
    while (!server.stdout().includes('retrying (1/10)') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(server.child.exitCode).toBeNull(); // still retrying, not given up
    killGroup(server.child, 'SIGKILL');
    const lines = server.stdout().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) {
      const { msg } = JSON.parse(line) as { msg: string };
      expect(msg).toMatch(/^database not reachable for migrations \(.*ECONNREFUSED.*\); retrying/);
      expect(msg).not.toMatch(/select|pg_advisory|db-password-123/);
    }
  });
});

describe('a running server', () => {
  let server: Running;
  let base: string;
  let metricsBase: string;
  beforeAll(async () => {
    ({ server, base, metricsBase } = await starting);
  }, 60_000);

  it('migrates a fresh database, serves the API and logs JSON without the token', async () => {
    const tables = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public'`;
    expect(tables.map((row) => row.table_name)).toContain('tasks');

    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/ready`)).status).toBe(200);

    await sql`insert into "user" (id, name, email) values ('proc-user', 'P', 'p@example.test')
      on conflict do nothing`;
    const token = await signAccessToken(SECRET, 'proc-user');
    const created = await fetch(`${base}/api/proc-user/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Over real HTTP' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toEqual(expect.any(String));

    const tooBig = await fetch(`${base}/api/proc-user/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', description: 'y'.repeat(70_000) }),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const logs = server.stdout().trim().split('\n');
    const entries = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.some((entry) => typeof entry.request_id === 'string')).toBe(true);
    expect(entries.map((entry) => entry.msg)).toContain(
      'reminders: web push on (VAPID key derived from BETTER_AUTH_SECRET), email off (SMTP_URL unset)',
    );
    expect(server.stdout()).not.toContain(token);
    expect(server.stdout()).not.toContain(SECRET);
  });

  it('serves /metrics only on METRICS_PORT; the API port answers 404 for it', async () => {
    await fetch(`${base}/health`);
    const metrics = await fetch(`${metricsBase}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toContain('process_resident_memory_bytes');
    const onApi = await fetch(`${base}/metrics`);
    expect(onApi.status).toBe(404);
    expect(onApi.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // The metrics port serves nothing else.
    expect((await fetch(`${metricsBase}/health`)).status).toBe(404);
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    await sql`insert into "user" (id, name, email) values ('drain-user', 'D', 'd@example.test')
      on conflict do nothing`;
    const token = await signAccessToken(SECRET, 'drain-user');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/drain-user/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Hold me' }),
    });
    const task = (await created.json()) as Task;

    // Hold the task's row lock, so that completing it waits inside the server.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = sql.begin(async (tx) => {
      await tx`select id from tasks where id = ${task.id} for update`;
      locked();
      await released;
    });
    await isLocked;

    const inFlight = fetch(`${base}/api/drain-user/tasks/${task.id}/complete`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}` },
    });
    // Wait until the server's query is blocked on the lock.
    for (let i = 0; i < 100; i++) {
      const [waiting] = await sql`
        select count(*)::int as n from pg_stat_activity
        where application_name = 'todo-backend' and wait_event_type = 'Lock'`;
      if (waiting?.n) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    killGroup(server.child, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Still draining: it has not exited while the request waits.
    expect(server.child.exitCode).toBeNull();

    release();
    await holder;
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as Task).completed).toBe(true);
    // Well within the 10 s drain timeout, which would end in exit 1.
    expect(await exitCode(server, 5_000)).toBe(0);
    expect(server.stdout()).toContain('shutting down');
  });
});
