import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

// `npm run bench` in smoke mode (1 s per scenario, a few users, no verdicts): the benchmark must
// keep running end to end and produce figures, so that it cannot rot between full runs.

const root = fileURLToPath(new URL('..', import.meta.url));
const SCENARIOS = ['list', 'get', 'create', 'toggle', 'mixed'];

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
  if (!existsSync(path.join(root, 'apps/backend/dist/server.js'))) {
    execFileSync(
      'npm',
      ['run', 'build', '-w', '@todo/contract', '-w', '@todo/db', '-w', '@todo/backend'],
      { cwd: root, stdio: 'inherit' },
    );
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
});
