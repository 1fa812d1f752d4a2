import { freePort } from '@todo/db/embedded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from './helpers/test-app.js';

const ALICE = 'metrics-alice';

/** The value of one sample line, e.g. `name{a="b"} 3`; undefined when the line is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}) {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  let t: TestApp;
  let taskId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.createUsers(ALICE);
    taskId = (await t.createTask(ALICE, { title: 'watch the dashboards' })).id;
    await t.as(ALICE, { method: 'GET', url: `/api/${ALICE}/tasks/${taskId}` });
    await t.as(ALICE, { method: 'GET', url: `/api/${ALICE}/tasks/${taskId}` });
    await t.as(ALICE, { method: 'GET', url: `/api/${ALICE}/tasks/999999` });
    await t.app.inject({ method: 'GET', url: `/api/${ALICE}/tasks` });
    await t.app.inject({ method: 'GET', url: '/no/such/path/12345' });
  });
  afterAll(async () => t?.close());

  const scrape = async () => {
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  it('answers in the Prometheus text format without a token', async () => {
    const response = await scrape();
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('counts requests by method, route pattern and status code', async () => {
    const { body } = await scrape();
    const count = (method: string, route: string, status: number) =>
      sample(body, 'http_request_duration_seconds_count', {
        method,
        route,
        status_code: String(status),
      });
    expect(count('POST', '/api/:user_id/tasks', 201)).toBe(1);
    expect(count('GET', '/api/:user_id/tasks/:id', 200)).toBe(2);
    expect(count('GET', '/api/:user_id/tasks/:id', 404)).toBe(1);
    expect(count('GET', '/api/:user_id/tasks', 401)).toBe(1);
    expect(count('GET', 'unmatched', 404)).toBe(1);
    // Durations land in the buckets: every request is at most +Inf seconds long.
    expect(
      sample(body, 'http_request_duration_seconds_bucket', {
        method: 'GET',
        route: '/api/:user_id/tasks/:id',
        status_code: '200',
        le: '+Inf',
      }),
    ).toBe(2);
    expect(
      sample(body, 'http_request_duration_seconds_sum', {
        method: 'GET',
        route: '/api/:user_id/tasks/:id',
        status_code: '200',
      }),
    ).toBeGreaterThan(0);
  });

  it('never puts a raw URL in a label', async () => {
    const { body } = await scrape();
    const routes = new Set([...body.matchAll(/route="([^"]*)"/g)].map((match) => match[1]));
    expect([...routes].sort()).toEqual([
      '/api/:user_id/tasks',
      '/api/:user_id/tasks/:id',
      'unmatched',
    ]);
    expect(body).not.toContain(ALICE);
  });

  it('does not count its own scrapes', async () => {
    await scrape();
    const { body } = await scrape();
    expect(body).not.toMatch(/route="\/metrics"/);
  });

  it('reports database pool use and process metrics', async () => {
    const { body } = await scrape();
    expect(sample(body, 'db_pool_max_connections')).toBe(5);
    expect(sample(body, 'db_operations_in_flight')).toBe(0);
    expect(sample(body, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(body, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('counts repository operations while they wait for the database', async () => {
    const inFlight = async () => sample((await scrape()).body, 'db_operations_in_flight');
    let toggle: ReturnType<TestApp['as']> | undefined;
    let seen: number | undefined;
    // Hold the task's row lock: the toggle's transaction waits for it, so it stays in flight.
    await t.sql.begin(async (tx) => {
      await tx`select id from tasks where id = ${taskId} for update`;
      toggle = t.as(ALICE, { method: 'PATCH', url: `/api/${ALICE}/tasks/${taskId}/complete` });
      const deadline = Date.now() + 3_000;
      do {
        // Yield to the event loop: the toggle's token is signed off the main thread.
        await new Promise((resolve) => setTimeout(resolve, 10));
        seen = await inFlight();
      } while (seen !== 1 && Date.now() < deadline);
    });
    expect(seen).toBe(1);
    expect((await toggle)?.statusCode).toBe(200);
    expect(await inFlight()).toBe(0);
  });
});

describe('GET /metrics on a port of its own (METRICS_PORT)', () => {
  let t: TestApp;
  let metricsBase: string;

  beforeAll(async () => {
    const port = await freePort();
    t = await buildTestApp({ metricsPort: port });
    metricsBase = `http://127.0.0.1:${port}`;
    await t.createUsers(ALICE);
    await t.createTask(ALICE, { title: 'counted on the other port' });
  });
  afterAll(async () => t?.close());

  it('answers 404 on the API port, in the API error shape', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/metrics' }), 404);
  });

  it('serves the same registry on the metrics listener, over real HTTP', async () => {
    const response = await fetch(`${metricsBase}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await response.text();
    expect(
      sample(body, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/:user_id/tasks',
        status_code: '201',
      }),
    ).toBe(1);
    expect(
      sample(body, 'http_request_duration_seconds_count', {
        route: 'unmatched',
        status_code: '404',
      }),
    ).toBe(1);
  });

  it('closes the listener with the app', async () => {
    const port = await freePort();
    const other = await buildTestApp({ metricsPort: port });
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    await other.close();
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });

  it('serves nothing else on the metrics listener', async () => {
    expect((await fetch(`${metricsBase}/health`)).status).toBe(404);
    expect((await fetch(`${metricsBase}/metrics`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${metricsBase}/metrics?x=1`)).status).toBe(200);
  });
});
