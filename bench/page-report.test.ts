import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without declarations
import { pageTargets, podMarkdown } from './pages/report.mjs';

// The page verdicts of issue 13 and the sizing written into docs/kubernetes.md, on made-up
// figures either side of each threshold.

const run = (requestsPerSecond: number, p99: number, extra = {}) => ({
  requestsPerSecond,
  p50: Math.round(p99 / 2),
  p99,
  errors: 0,
  requests: Math.round(requestsPerSecond * 10),
  ...extra,
});

function pages({
  page = 50,
  bare = 100,
  p99 = 300,
  bareP99 = 100,
  html = 60_000,
  pod = 40,
  memory = 256,
  visible = 900,
  usable = 1000,
} = {}) {
  const resources = { cpu: '500m', memory: '512Mi' };
  return {
    connections: 16,
    durationSeconds: 10,
    bare: run(bare, bareP99),
    scenarios: { 'page-50': run(page, p99, { htmlBytes: html, payloadBytes: 10_000 }) },
    pods: {
      limits: { backend: resources, frontend: resources },
      requests: { backend: { cpu: '100m' }, frontend: { cpu: '100m' } },
      backend: run(300, 100, { peakMemoryMiB: 120 }),
      frontend: run(pod, 500, { peakMemoryMiB: memory }),
    },
    browser: [{ name: 'tasks (50)', path: '/', visibleMs: visible, usableMs: usable, jsKiB: 700 }],
  };
}

const verdicts = (figures: ReturnType<typeof pages>) =>
  (pageTargets(figures) as { pass: boolean }[]).map((target) => target.pass);

describe('pageTargets', () => {
  it('passes every target at its threshold', () => {
    expect(verdicts(pages())).toEqual([true, true, true, true, true, true]);
  });

  it('misses each target just past its threshold, and only that one', () => {
    const misses = [
      { page: 49.9 },
      { p99: 301 },
      { html: 60_001 },
      { pod: 39.9 },
      { memory: 257 },
      { usable: 1001 },
    ];
    misses.forEach((figures, index) => {
      const expected = [true, true, true, true, true, true];
      expected[index] = false;
      expect(verdicts(pages(figures)), JSON.stringify(figures)).toEqual(expected);
    });
  });
});

describe('podMarkdown', () => {
  it('sizes replicas at 60% of a pod and states the HPA target against the CPU request', () => {
    const text: string = podMarkdown(pages({ pod: 20 }).pods, {
      connections: 16,
      date: '2026-12-01',
      command: 'npm run bench',
      how: 'test',
    });
    expect(text).toMatch(/^\| tasks page \(50 tasks, signed in\) \| 500m CPU, 512Mi \| 20 /m);
    expect(text).toContain('frontend replicas ≈ peak pages/s ÷ 12');
    expect(text).toContain('backend replicas ≈ peak API requests/s ÷ 180');
    // 60% of a 500m limit is 300m, which is 300% of a 100m request.
    expect(text).toContain('`targetCPUUtilizationPercentage: 300`');
  });
});
