import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { accountFor, insertUsers } from './support/accounting.js';
import { type BackendProcess, startBackend, TEST_SECRET } from './support/backend.js';
import { isSuccess, startLoad, tally } from './support/load.js';

const USERS = ['restart-user-1', 'restart-user-2', 'restart-user-3', 'restart-user-4'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('restart without loss (production build, real PostgreSQL)', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  const backends: BackendProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresServerUrl'));
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    await insertUsers(sql, USERS);
    backends.push(await startBackend({ databaseUrl: database.url }));
  });

  afterAll(async () => {
    await Promise.all(backends.map((backend) => backend.stop(1_000)));
    await sql?.end({ timeout: 5 });
    await database?.drop();
  });

  it('kill -9 mid-load, start again on the same port: every acknowledged write survives, nothing unacknowledged appears', async () => {
    const [first] = backends;
    if (!first) throw new Error('the backend did not start');
    const run = startLoad({
      baseUrl: first.url,
      users: USERS,
      secret: TEST_SECRET,
      connections: 32,
      durationMs: 60_000,
      label: 'restart',
      // Requests fail while the backend is down; workers pause and carry on.
      onFailure: { pauseMs: 50 },
    });
    await sleep(3_000);

    const killedAt = Date.now();
    process.kill(first.pid, 'SIGKILL');
    const { signal } = await first.closed;
    expect(signal).toBe('SIGKILL');
    await sleep(500);
    const second = await startBackend({ databaseUrl: database.url, port: first.port });
    backends.push(second);
    const restartedAt = Date.now();
    await sleep(3_000);
    const exchanges = await run.stop();
    console.log(`restart: back ${restartedAt - killedAt} ms after kill -9`, tally(exchanges));

    const before = exchanges.filter((exchange) => exchange.endedAt < killedAt);
    const after = exchanges.filter((exchange) => exchange.startedAt > restartedAt);
    // Load on both sides of the crash, and some requests caught in it.
    expect(before.filter(isSuccess).length).toBeGreaterThan(100);
    expect(after.filter(isSuccess).length).toBeGreaterThan(100);
    expect(exchanges.some((exchange) => exchange.error !== undefined)).toBe(true);
    // The new process answers everything normally; the crash itself produced no HTTP errors.
    expect(
      after.filter((exchange) => !isSuccess(exchange)).map((e) => e.status ?? e.error),
    ).toEqual([]);
    expect(
      exchanges.filter((exchange) => exchange.status !== undefined && !isSuccess(exchange)),
    ).toEqual([]);

    const accounting = await accountFor(exchanges, sql, USERS);
    console.log('restart: accounting', { ...accounting, mismatches: accounting.mismatches.length });
    expect(accounting.mismatches.slice(0, 20)).toEqual([]);
    expect(accounting.acknowledgedWrites).toBeGreaterThan(200);
  });
});
