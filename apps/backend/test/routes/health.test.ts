import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedPostgres, freePort, startEmbeddedPostgres } from '@todo/db/embedded';
import { migrate } from '@todo/db/migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

describe('/health and /ready with the database up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t?.close());

  it('GET /health answers 200 without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 when the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });
});

describe('/health and /ready with the database stopped, then started again', () => {
  // A PostgreSQL of this file's own, so stopping it leaves the other test files alone. Persistent,
  // so that it can start again on the same data; the folder is removed in afterAll.
  let dataDir: string;
  let port: number;
  let postgres: EmbeddedPostgres | undefined;
  let t: TestApp | undefined;
  const USER = 'outage';

  const start = async () => {
    postgres = await startEmbeddedPostgres({ dataDir, port, persistent: true, database: 'todo' });
    return postgres;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'todo-health-pg-'));
    port = await freePort();
    const server = await start();
    await migrate(server.url);
    t = await buildTestApp({ databaseUrl: server.url });
    await t.createUsers(USER);
    await t.createTask(USER, { title: 'Survives the outage' });
  }, 120_000);

  afterAll(async () => {
    await t?.close().catch(() => {});
    await postgres?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const app = () => {
    if (!t) throw new Error('the app did not start');
    return t;
  };

  /** Runs a request and asserts that it answered within `ms`. */
  async function quickly<T>(request: Promise<T>, ms = 5_000): Promise<T> {
    const started = Date.now();
    const result = await request;
    expect(Date.now() - started).toBeLessThan(ms);
    return result;
  }

  it('answers normally while the database is up', async () => {
    expect((await app().app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    const list = await app().as(USER, { method: 'GET', url: `/api/${USER}/tasks` });
    expect(list.json()).toMatchObject({ total: 1 });
  });

  it('with the database stopped: /health 200, /ready 503, task requests 503, all quickly', async () => {
    await postgres?.stop();
    postgres = undefined;

    const health = await quickly(app().app.inject({ method: 'GET', url: '/health' }));
    expect(health.statusCode).toBe(200);

    const ready = await quickly(app().app.inject({ method: 'GET', url: '/ready' }));
    expect(expectProblem(ready, 503).title).toBe('Service Unavailable');

    for (const request of [
      { method: 'GET', url: `/api/${USER}/tasks` },
      { method: 'GET', url: `/api/${USER}/tags` },
      { method: 'GET', url: `/api/${USER}/tasks/1` },
      { method: 'POST', url: `/api/${USER}/tasks`, payload: { title: 'lost?' } },
      { method: 'PATCH', url: `/api/${USER}/tasks/1/complete` },
      { method: 'DELETE', url: `/api/${USER}/tasks/1` },
    ] as const) {
      const response = await quickly(app().as(USER, request));
      const problem = expectProblem(response, 503);
      expect(problem.detail).toContain('database');
      expect(response.headers['retry-after']).toBe('5');
    }
  });

  it('still refuses bad tokens and bad input first, without the database', async () => {
    const unauthenticated = await app().app.inject({ method: 'GET', url: `/api/${USER}/tasks` });
    expectProblem(unauthenticated, 401);
    const invalid = await app().as(USER, {
      method: 'POST',
      url: `/api/${USER}/tasks`,
      payload: { title: '' },
    });
    expectProblem(invalid, 422);
  });

  it('recovers once the database is back: /ready 200 and the data is there', async () => {
    await start();
    // The pool reconnects on demand; give it a few tries.
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await app().app.inject({ method: 'GET', url: '/ready' })).statusCode;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const list = await app().as(USER, { method: 'GET', url: `/api/${USER}/tasks` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((task: { title: string }) => task.title)).toEqual([
      'Survives the outage',
    ]);
  }, 60_000);
});
