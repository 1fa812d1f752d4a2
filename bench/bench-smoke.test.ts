import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without declarations
import { bareNextBuilt } from './pages/bare-next.mjs';

// `npm run bench` in smoke mode (1 s per scenario, a few users, no verdicts): the benchmark must
// keep running end to end and produce figures, so that it cannot rot between full runs. The page
// scenarios run too, against the built frontend, except the bare Next.js reference: the smoke run
// does not build it (a minute of `next build` in every `npm test`), and measures it only when an
// earlier full run has.

const root = fileURLToPath(new URL('..', import.meta.url));
const SCENARIOS = ['list', 'get', 'create', 'toggle', 'mixed'];
const PAGE_SCENARIOS = ['page-50', 'page-500', 'today', 'project'];

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

let out: string;

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'todo-bench-smoke-'));
  // The page scenarios need the frontend's standalone build as well as the backend's.
  const entries = [
    'apps/backend/dist/server.js',
    'apps/frontend/.next/standalone/apps/frontend/server.js',
  ];
  if (!entries.every((entry) => existsSync(path.join(root, entry)))) {
    execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: root, stdio: 'inherit' });
  }
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function bench(): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_SMOKE: '1', BENCH_OUT_DIR: out };
  for (const name of ['BENCH_DURATION', 'BENCH_CONNECTIONS', 'BENCH_SCENARIOS', 'BENCH_CPU_PROF'])
    delete env[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bench/run.mjs'], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

it('measures every scenario and the bare reference, with no errors', async () => {
  const { code, output } = await bench();
  expect(code, output).toBe(0);
  const result = JSON.parse(readFileSync(path.join(out, 'benchmarks.json'), 'utf8'));
  const runs: [string, Run][] = [
    ['bare', result.bare.high],
    ['bare', result.bare.low],
    ...SCENARIOS.flatMap((name): [string, Run][] => [
      [name, result.scenarios[name]?.high],
      [name, result.scenarios[name]?.low],
    ]),
  ];
  for (const [name, run] of runs) {
    expect(run, name).toBeDefined();
    expect(run.requests, name).toBeGreaterThan(0);
    expect(run.requestsPerSecond, name).toBeGreaterThan(0);
    expect(run.p99, name).toBeGreaterThan(0);
    expect(run.errors, `${name}: ${output}`).toBe(0);
  }
  expect(result.memory.idleMiB).toBeGreaterThan(0);
  expect(result.memory.afterLoadMiB).toBeGreaterThan(0);
  expect(result.coldStart.medianMs).toBeGreaterThan(0);
  expect(result.targets).toBeUndefined();
  const page = readFileSync(path.join(out, 'benchmarks.md'), 'utf8');
  for (const name of SCENARIOS) expect(page).toMatch(new RegExp(`^\\| ${name} \\|`, 'm'));

  const { pages } = result;
  expect(pages.bare !== undefined).toBe(bareNextBuilt());
  for (const name of PAGE_SCENARIOS) {
    const run = pages.scenarios[name];
    expect(run, name).toBeDefined();
    expect(run.errors, `${name}: ${output}`).toBe(0);
    expect(run.requests, name).toBe(8); // two per connection, in smoke mode
    expect(run.htmlBytes, name).toBeGreaterThan(run.payloadBytes);
    expect(run.payloadBytes, name).toBeGreaterThan(0);
    expect(page).toMatch(new RegExp(`^\\| ${name} \\|`, 'm'));
  }
  for (const pod of [pages.pods.backend, pages.pods.frontend]) {
    expect(pod.requests).toBe(8);
    expect(pod.errors).toBe(0);
    expect(pod.peakMemoryMiB).toBeGreaterThan(0);
  }
  expect(pages.browser.map((route: { name: string }) => route.name)).toEqual([
    'tasks (50)',
    'today',
    'project',
  ]);
  for (const route of pages.browser) {
    expect(route.visibleMs, route.name).toBeGreaterThan(0);
    expect(route.usableMs, route.name).toBeGreaterThanOrEqual(route.visibleMs);
    expect(route.jsKiB, route.name).toBeGreaterThan(0);
  }
  const pods = readFileSync(path.join(out, 'kubernetes.md'), 'utf8');
  expect(pods).toMatch(/^\| tasks page \(50 tasks, signed in\) \| 500m CPU, 512Mi \|/m);
  expect(pods).toMatch(/targetCPUUtilizationPercentage: \d+/);
});
