import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { signAccessToken, type Task } from '@todo/contract';
import { freePort } from '@todo/db/embedded';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// The real entry point as a process, the way the image runs it (with tsx instead of the build).
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = 'apps/backend/src/server.ts';
const SECRET = 'server-test-secret-that-is-long-enough-0123456789';

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: Running[] = [];

/** Starts server.ts with exactly this environment (plus PATH and HOME). */
function startServer(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', ENTRY], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx may leave children, and cleanup kills the whole group.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const server = { child, stdout: () => stdout, stderr: () => stderr, exited };
  running.push(server);
  return server;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// Whatever is still running when the file ends, failed tests included, is killed with its group.
afterAll(async () => {
  for (const server of running.splice(0)) {
    killGroup(server.child, 'SIGKILL');
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }
});

/** Resolves with the exit code, failing the test if the process runs longer than `ms`. */
async function exitCode(server: Running, ms = 20_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([server.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls GET /health until the server answers. */
async function waitUntilListening(server: Running, base: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  let exitedWith: number | null | undefined;
  void server.exited.then((code) => {
    exitedWith = code;
  });
  while (Date.now() < deadline) {
    if (exitedWith !== undefined)
      throw new Error(`server exited with ${exitedWith}:\n${server.stderr()}\n${server.stdout()}`);
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not listen within ${ms} ms:\n${server.stderr()}`);
}

// One server process for the "running server" tests (each start costs seconds through tsx), on
// an empty database of its own. It starts in the file's beforeAll, so that it loads while the
// configuration-error processes run; the SIGTERM test stops it.
const serverUrl = inject('postgresServerUrl');
const databaseName = `todo_server_${randomBytes(5).toString('hex')}`;
let sql: postgres.Sql;
let starting: Promise<{ server: Running; base: string }>;

beforeAll(async () => {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  // Empty, not a copy of the migrated template: the server must migrate it itself.
  await admin.unsafe(`create database ${databaseName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  starting = (async () => {
    const port = await freePort();
    const server = startServer({
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      BETTER_AUTH_SECRET: SECRET,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilListening(server, base);
    return { server, base };
  })();
  // Awaited by the tests that use it; a failure to start fails those, not this hook.
  starting.catch(() => {});
});

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
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
  const otherDatabases: string[] = [];
  afterAll(async () => {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    for (const name of otherDatabases)
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('a database whose "user" table is not ours: exits 1 within seconds, one line naming the table and the cause', async () => {
    const name = `todo_conflict_${randomBytes(5).toString('hex')}`;
    otherDatabases.push(name);
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const conflicting = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await conflicting`create table "user" (id integer primary key, login text)`;
    await conflicting.end();

    const started = Date.now();
    const server = startServer({
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
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
  beforeAll(async () => {
    ({ server, base } = await starting);
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
    expect(server.stdout()).not.toContain(token);
    expect(server.stdout()).not.toContain(SECRET);
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
