// A rollout (or a scale-down) can delete a pod that is still starting: the kubelet then sends
// SIGTERM before the app listens, perhaps in the middle of the backend's migrations. The process
// must stop promptly and quietly, and leave the database as it found it.
//
// Exit status, by design: the backend exits 0 from its own handler (installed first thing), the
// frontend 143 from Next's (its code for SIGTERM). A signal that lands before Node has run the
// app's code ends the process by SIGTERM itself, which Kubernetes reports as exit code 143 too.
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { render } from '../charts/helm.js';
import { listeningPorts } from '../contract/kubelet.js';
import { type PodContract, podContract, serviceTargetPort } from '../contract/pod-spec.js';
import { stack } from '../support/scripts.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type App, launchPod, type Pod, SIGTERM_EXIT_CODE } from './launch-pod.js';

const SECRET = 'startup-signal-test-secret-at-least-32-characters';
/** The advisory lock key of packages/db's migrate(). */
const MIGRATION_LOCK_KEY = 7_346_201_811;
/** A clean exit: the app's own code for SIGTERM, or the signal itself before its handler. */
const cleanExits = (app: App) => [
  { code: SIGTERM_EXIT_CODE[app], signal: null },
  { code: null, signal: 'SIGTERM' },
];

let database: TestDatabase | undefined;
const contracts = new Map<App, PodContract>();
let podCount = 0;
/** Every pod started, killed after each test in case one outlived its test. */
const started: Pod[] = [];

async function startPod(app: App, databaseUrl?: string): Promise<Pod> {
  const contract = contracts.get(app);
  if (!contract) throw new Error(`todo-${app} was not rendered`);
  podCount += 1;
  // No Service answers here: these pods are stopped before anything would call one.
  const nowhere = '127.0.0.1:9';
  const pod = await launchPod(app, contract, {
    name: `todo-${app}-starting-${podCount}`,
    ip: `127.0.3.${podCount}`,
    services: [...contracts.values()],
    serviceAddresses: new Map([
      ['todo-backend', nowhere],
      ['todo-frontend', nowhere],
    ]),
    env: databaseUrl ? { DATABASE_URL: databaseUrl } : undefined,
  });
  started.push(pod);
  return pod;
}

/** Sends SIGTERM; resolves the exit (within the grace period) and what was printed after it. */
async function stopWithSigterm(pod: Pod) {
  const printedBefore = pod.output().length;
  pod.signal('SIGTERM');
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`${pod.name} still running 30 s after SIGTERM:\n${pod.output()}`)),
      30_000,
    ),
  );
  const exit = await Promise.race([pod.exited, timeout]);
  return { exit, output: pod.output(), afterSignal: pod.output().slice(printedBefore) };
}

function expectQuietExit(app: App, result: Awaited<ReturnType<typeof stopWithSigterm>>) {
  console.log(
    `todo-${app}: exit ${JSON.stringify(result.exit)}, then printed ${JSON.stringify(result.afterSignal)}`,
  );
  expect(cleanExits(app), result.output).toContainEqual(result.exit);
  expect(result.output, 'a stack trace').not.toMatch(/^\s+at\s|Error:/m);
}

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresServerUrl'));
  const set = { 'env.DATABASE_URL': database.url, 'env.BETTER_AUTH_SECRET': SECRET };
  for (const app of ['backend', 'frontend'] as const) {
    contracts.set(app, podContract(await render(`todo-${app}`, { set }), `todo-${app}`));
  }
});

afterEach(async () => {
  for (const pod of started.splice(0)) {
    pod.kill();
    await pod.exited;
  }
});

afterAll(async () => {
  await database?.drop();
});

describe('SIGTERM before the app listens', () => {
  for (const app of ['backend', 'frontend'] as const) {
    for (const delayMs of [0, 150]) {
      it(`todo-${app}, ${delayMs} ms after the start: exits cleanly, no stack trace`, async () => {
        const pod = await startPod(app);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        expect(listeningPorts(pod.pid), 'already listening: not a start-up case').toEqual([]);
        expectQuietExit(app, await stopWithSigterm(pod));
      });
    }
  }

  for (const app of ['backend', 'frontend'] as const) {
    it(`todo-${app}, the moment it listens (still starting): exits cleanly, no stack trace`, async () => {
      const pod = await startPod(app);
      const deadline = Date.now() + 30_000;
      while (listeningPorts(pod.pid).length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expectQuietExit(app, await stopWithSigterm(pod));
    });
  }

  it('todo-backend in its migration step (queued on the migration lock, as behind another pod): exits 0 at once, leaves nothing half-applied, the next pod migrates', async () => {
    const serverUrl = inject('postgresServerUrl');
    const name = `todo_signal_${Date.now()}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    // An empty database, so the pod must migrate; a session holding migrate()'s lock keeps it
    // inside the migration step until the signal.
    const holder = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await holder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      const pod = await startPod('backend', url.toString());
      for (let i = 0; i < 200; i++) {
        const [waiting] = await holder<{ n: number }[]>`select count(*)::int as n from pg_locks
          where locktype = 'advisory' and not granted`;
        if (waiting?.n) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const [blocked] = await holder<{ n: number }[]>`select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted`;
      expect(blocked?.n, `the pod never reached its migrations:\n${pod.output()}`).toBe(1);
      expect(listeningPorts(pod.pid)).toEqual([]);

      const signalledAt = Date.now();
      const result = await stopWithSigterm(pod);
      expect(result.exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(2_000);
      expectQuietExit('backend', result);
      await holder`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;

      // Nothing half-applied: the next pod migrates the same database from scratch and serves.
      const [tables] = await holder<{ n: number }[]>`select count(*)::int as n
        from information_schema.tables where table_schema = 'public'`;
      expect(tables?.n).toBe(0);
      const next = await startPod('backend', url.toString());
      const port = serviceTargetPort(contracts.get('backend') as PodContract);
      await stack.waitForHttp(`http://${next.ip}:${port}/ready`, { timeoutMs: 30_000 });
    } finally {
      for (const pod of started.splice(0)) {
        pod.kill();
        await pod.exited;
      }
      await holder.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
