import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@todo/db/embedded';
import { migrate } from '@todo/db/migrate';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { accountFor, insertUsers } from './support/accounting.js';
import { type BackendProcess, startBackend, TEST_SECRET } from './support/backend.js';
import { LOG_DIR } from './support/build-global-setup.js';
import { type Exchange, isSuccess, startLoad, startProbes, tally } from './support/load.js';

const USERS = ['outage-user-1', 'outage-user-2', 'outage-user-3', 'outage-user-4'];
const OUTAGE_MS = 4_000;
/** Longest any request may take, outage or not: connect timeout 3 s, statement timeout 5 s. */
const FAIL_FAST_MS = 6_000;
/** After PostgreSQL is back, every request started this much later must succeed. */
const RECOVERY_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isProblem503 = (exchange: Exchange) => {
  const problem = exchange.json as
    | { type?: unknown; title?: unknown; status?: unknown }
    | undefined;
  return (
    exchange.status === 503 &&
    (exchange.contentType ?? '').startsWith('application/problem+json') &&
    typeof problem?.type === 'string' &&
    typeof problem.title === 'string' &&
    problem.status === 503
  );
};
const describeExchange = (e: Exchange) =>
  `${e.requestId} ${e.method} ${e.path} → ${e.status ?? e.error} in ${e.endedAt - e.startedAt} ms ${e.text?.slice(0, 120) ?? ''}`;

// This test stops and restarts PostgreSQL, so it runs its own instead of the shared one.
describe('database outage (production build, its own PostgreSQL)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'todo-outage-pg-'));
  let database: EmbeddedPostgres | undefined;
  let backend: BackendProcess | undefined;

  beforeAll(async () => {
    database = await startEmbeddedPostgres({ dataDir, persistent: true });
    await migrate(database.url);
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    await insertUsers(sql, USERS);
    await sql.end();
    backend = await startBackend({ databaseUrl: database.url });
  });

  afterAll(async () => {
    await backend?.stop(1_000);
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('PostgreSQL stopped under load and started again: the process stays up, /health 200 throughout, /ready 503 then 200, requests fail fast with 503 problem+json and all succeed within 5 s of its return', async () => {
    if (!backend || !database) throw new Error('the stack did not start');
    const { port } = database;
    const probes = startProbes(backend.url, ['/health', '/ready'], 200);
    const run = startLoad({
      baseUrl: backend.url,
      users: USERS,
      secret: TEST_SECRET,
      connections: 16,
      durationMs: 60_000,
      label: 'outage',
      onFailure: { pauseMs: 50 },
    });
    await sleep(2_000);

    const stoppingAt = Date.now();
    await database.stop();
    database = undefined;
    const downAt = Date.now();
    await sleep(OUTAGE_MS);
    const restartingAt = Date.now();
    database = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    const upAt = Date.now();
    await sleep(RECOVERY_MS + 2_000);
    const exchanges = await run.stop();
    const probed = await probes.stop();
    console.log(
      `outage: stop took ${downAt - stoppingAt} ms, down ${restartingAt - downAt} ms, start took ${upAt - restartingAt} ms`,
      tally(exchanges),
    );

    onTestFailed(() => {
      const file = path.join(LOG_DIR, 'database-outage-exchanges.json');
      writeFileSync(
        file,
        JSON.stringify({ stoppingAt, downAt, restartingAt, upAt, exchanges, probed }),
      );
      console.log(`outage: every exchange written to ${file}; backend log ${backend?.logFile}`);
    });
    // The same process served throughout: no crash, no restart.
    expect(backend.running()).toBe(true);
    expect(() => process.kill(backend?.pid ?? 0, 0)).not.toThrow();

    // Liveness never depended on the database.
    const health = probed.filter((e) => e.path === '/health');
    expect(health.length).toBeGreaterThan(40);
    expect(health.filter((e) => e.status !== 200).map(describeExchange)).toEqual([]);

    // Readiness followed it: 200, 503 (as problem+json) while it was down, 200 again.
    const ready = probed.filter((e) => e.path === '/ready');
    expect(ready.some((e) => e.endedAt < stoppingAt && e.status === 200)).toBe(true);
    const readyDuring = ready.filter((e) => e.startedAt >= downAt && e.endedAt <= restartingAt);
    expect(readyDuring.length).toBeGreaterThanOrEqual(2);
    expect(readyDuring.filter((e) => !isProblem503(e)).map(describeExchange)).toEqual([]);
    const readyAfter = ready.filter((e) => e.startedAt >= upAt + RECOVERY_MS);
    expect(readyAfter.length).toBeGreaterThan(3);
    expect(readyAfter.filter((e) => e.status !== 200).map(describeExchange)).toEqual([]);

    // Every request got an HTTP answer quickly; every failure was a 503 problem, never a 500,
    // a dropped connection or a hang.
    expect(
      exchanges.filter((e) => e.endedAt - e.startedAt > FAIL_FAST_MS).map(describeExchange),
    ).toEqual([]);
    expect(
      exchanges.filter((e) => !isSuccess(e) && !isProblem503(e)).map(describeExchange),
    ).toEqual([]);
    // Requests wholly inside the outage failed; one may wait briefly for a reconnect attempt and
    // succeed if PostgreSQL is back by then.
    const during = exchanges.filter((e) => e.startedAt >= downAt && e.endedAt <= restartingAt);
    expect(during.length).toBeGreaterThan(50);
    expect(during.filter(isSuccess).map(describeExchange)).toEqual([]);

    // Back to normal within RECOVERY_MS of PostgreSQL's return.
    const recovered = exchanges.filter((e) => e.startedAt >= upAt + RECOVERY_MS);
    expect(recovered.filter(isSuccess).length).toBeGreaterThan(50);
    expect(recovered.filter((e) => !isSuccess(e)).map(describeExchange)).toEqual([]);
    const firstSuccess = exchanges.find((e) => e.startedAt >= upAt && isSuccess(e));
    console.log(
      `outage: first success ${firstSuccess ? firstSuccess.startedAt - upAt : '-'} ms after PostgreSQL was back`,
    );

    // Nothing acknowledged before, during or after the outage was lost.
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const accounting = await accountFor(exchanges, sql, USERS);
      console.log('outage: accounting', {
        ...accounting,
        mismatches: accounting.mismatches.length,
      });
      expect(accounting.mismatches.slice(0, 20)).toEqual([]);
    } finally {
      await sql.end();
    }
  });
});
