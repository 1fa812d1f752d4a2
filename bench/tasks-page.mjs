// Measures the signed-in tasks page of the production build: the server-rendered HTML of `/`
// for one user with 20 tasks (session check, three backend calls, React render). Used to weigh
// the per-request CSP nonce (docs/benchmarks.md, "Tasks page"). Starts its own stack (embedded
// PostgreSQL in a temp folder, backend, standalone frontend) and stops it at the end.
// PAGE_BENCH_SUBTASKS=n gives each task n subtasks, which the page loads in the same render
// (one more backend call): run it with 0 and 3 to weigh that choice (docs/benchmarks.md).
//   node bench/tasks-page.mjs    [PAGE_BENCH_RUNS=3 PAGE_BENCH_DURATION=10 PAGE_BENCH_CONNECTIONS=8]
//                                [PAGE_BENCH_SUBTASKS=0]
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { signAccessToken } from '../packages/contract/dist/index.js';
import { startStack } from '../scripts/stack.mjs';

const runs = Number(process.env.PAGE_BENCH_RUNS ?? 3);
const duration = Number(process.env.PAGE_BENCH_DURATION ?? 10);
const connections = Number(process.env.PAGE_BENCH_CONNECTIONS ?? 8);
const subtasks = Number(process.env.PAGE_BENCH_SUBTASKS ?? 0);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** CPU time (user + system) the process has used, in ms: steadier than req/s on a shared machine. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks, 100 Hz
}

const load = (url, cookie, seconds) =>
  new Promise((resolve, reject) => {
    autocannon(
      { url, connections, duration: seconds, timeout: 20, headers: { cookie } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-page-bench-'));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must enter it
const stack = await startStack({
  dataDir,
  databaseUrl: undefined,
  backendPort: await freePort(),
  frontendPort: await freePort(),
  secret: randomBytes(32).toString('base64url'),
  backendEnv: { LOG_LEVEL: 'warn' },
});
try {
  const signUp = await fetch(`${stack.frontendUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.frontendUrl },
    body: JSON.stringify({
      name: 'Bench',
      email: 'bench@example.com',
      password: 'bench-password-123',
    }),
  });
  if (!signUp.ok) throw new Error(`sign-up answered ${signUp.status}`);
  const userId = (await signUp.json()).user.id;
  const cookie = signUp.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const token = await signAccessToken(stack.secret, userId);
  const create = async (body) => {
    const response = await fetch(`${stack.backendUrl}/api/${userId}/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`creating a task answered ${response.status}`);
    return response.json();
  };
  for (let index = 0; index < 20; index += 1) {
    const task = await create({
      title: `Task ${index}`,
      priority: ['low', 'medium', 'high'][index % 3],
      tags: [`tag${index % 4}`],
      due_at: new Date(Date.now() + (index - 5) * 86_400_000).toISOString(),
    });
    for (let step = 0; step < subtasks; step += 1) {
      await create({
        title: `Step ${step} of ${index}`,
        parent_id: task.id,
        completed: step === 0,
      });
    }
  }
  const page = await fetch(`${stack.frontendUrl}/`, { headers: { cookie } });
  const html = await page.text();
  if (!html.includes('Task 19')) throw new Error('/ did not render the signed-in tasks page');
  const scriptPolicy = (page.headers.get('content-security-policy') ?? '')
    .split(';')
    .find((directive) => directive.trim().startsWith('script-src'))
    ?.trim();
  console.log(
    `script policy: ${scriptPolicy}; HTML ${html.length} bytes; ${subtasks} subtasks per task`,
  );
  console.log(
    `load average at the start: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );

  await load(`${stack.frontendUrl}/`, cookie, 3); // warm-up: JIT, connection pools
  console.log(`| run | req/s | p50 ms | p99 ms | non-2xx + errors | frontend CPU ms/req |`);
  console.log(`|---:|---:|---:|---:|---:|---:|`);
  for (let run = 1; run <= runs; run += 1) {
    const cpuBefore = cpuMs(stack.frontend.pid);
    const result = await load(`${stack.frontendUrl}/`, cookie, duration);
    const cpu = (cpuMs(stack.frontend.pid) - cpuBefore) / Math.max(1, result.requests.total);
    const requests = result['2xx'] + result.non2xx;
    const errors = result.non2xx + result.errors + result.timeouts;
    console.log(
      `| ${run} | ${(requests / result.duration).toFixed(1)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} | ${cpu.toFixed(1)} |`,
    );
  }
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
