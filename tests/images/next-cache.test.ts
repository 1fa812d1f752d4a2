// The frontend image must not depend silently on a writable .next/cache (Next.js writes its
// caches there and says nothing when it cannot). Started as the chart renders it but without
// that one emptyDir, on its read-only root, it stops at start with one line naming the path.
// With the emptyDir it serves: tests/contract/chart-contract.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ChartPod, renderCharts, startChartPod, testSecret } from '../contract/chart-pods.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const NEXT_CACHE = '/app/apps/frontend/.next/cache';

describe('the frontend image without a writable .next/cache', () => {
  let database: TestDatabase | undefined;
  let frontend: ChartPod | undefined;
  let chartMounts: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresServerUrl'));
    const charts = await renderCharts(database.url, testSecret());
    chartMounts = charts.frontend.emptyDirMounts;
    frontend = await startChartPod('frontend', charts.frontend, [charts.backend, charts.frontend], {
      emptyDirs: chartMounts.filter((mount) => mount !== NEXT_CACHE),
    });
  });

  afterAll(async () => {
    await frontend?.pod.stop();
    await database?.drop();
  });

  it('is started without exactly the emptyDir the chart mounts there', () => {
    expect(chartMounts).toContain(NEXT_CACHE);
    expect(chartMounts.filter((mount) => mount !== NEXT_CACHE).length).toBe(chartMounts.length - 1);
  });

  it('stops at start with one line naming the path', async () => {
    if (!frontend) throw new Error('the pod did not start');
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('running'), 90_000));
    const exit = await Promise.race([frontend.pod.exited, timeout]);
    const log = frontend.pod.logs();
    expect(exit, log).toBe(1);
    // Next.js prints its banner first; the app's own output is that one line, no stack trace.
    expect(log.split('\n').filter((line) => line.startsWith('todo-frontend:'))).toEqual([
      `todo-frontend: ${NEXT_CACHE} must be writable: mount a writable volume there (the chart's next-cache emptyDir)`,
    ]);
    expect(log).not.toMatch(/^\s+at /m);
  });
});
