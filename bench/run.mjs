// `npm run bench`: the production build of todo-backend against a real PostgreSQL, seeded, loaded
// by autocannon from a separate process, next to a bare node:http reference. See
// docs/benchmarks.md. Env: BENCH_DURATION (s per scenario, 15), BENCH_CONNECTIONS (64),
// BENCH_SMOKE=1 (tiny run, no verdicts, writes only to BENCH_OUT_DIR if set), BENCH_DATABASE_URL
// (instead of an embedded PostgreSQL in a temp dir), BENCH_LOG_LEVEL (backend, warn),
// BENCH_POOL_MAX (pool of the backend and the reference, 10), BENCH_SCENARIOS (e.g. list,get:
// a partial run, not written), BENCH_OUT_DIR (docs),
// BENCH_CPU_PROF (a folder: run the backend, and the page scenarios' frontend, with --cpu-prof there), BENCH_NODE_OPTIONS (the
// backend's NODE_OPTIONS; by default those of the image, from apps/backend/Dockerfile's ENV).
// `pages` in BENCH_SCENARIOS (or a full run) adds the page scenarios (bench/pages/run-pages.mjs).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import {
  backendEntry,
  frontendEntry,
  root,
  startProcess,
  stopProcess,
  waitForHttp,
} from '../scripts/stack.mjs';
import { forkLoad } from './fork-load.mjs';
import { runPages } from './pages/run-pages.mjs';
import { markdown, SCENARIOS, targets, write } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** NODE_OPTIONS the backend image runs with, so the bench measures the process production runs. */
function imageNodeOptions() {
  const dockerfile = readFileSync(path.join(root, 'apps/backend/Dockerfile'), 'utf8');
  // NODE_OPTIONS=--flag or NODE_OPTIONS="--one --two".
  const match = /^ENV .*\bNODE_OPTIONS=(?:"([^"]*)"|(\S+))/m.exec(dockerfile);
  return match?.[1] ?? match?.[2] ?? '';
}
const env = process.env;
const smoke = env.BENCH_SMOKE === '1';
const positive = (name, fallback) => (Number(env[name]) > 0 ? Number(env[name]) : fallback);
const duration = positive('BENCH_DURATION', smoke ? 1 : 15);
const options = {
  durationSeconds: duration,
  connections: positive('BENCH_CONNECTIONS', smoke ? 8 : 64),
  lowConnections: smoke ? 4 : 16,
  lowDurationSeconds: smoke ? 1 : Math.max(5, Math.round(duration / 3)),
  warmupSeconds: smoke ? 0.5 : 3,
  // The page scenarios run at lowConnections (their targets are stated at 16).
  pageDurationSeconds: smoke ? 2 : Math.max(5, Math.round((duration * 2) / 3)),
  users: smoke ? 5 : 100,
  tasksPerUser: smoke ? 20 : 200,
  coldStarts: smoke ? 1 : 5,
  logLevel: env.BENCH_LOG_LEVEL || 'warn',
  nodeOptions: env.BENCH_NODE_OPTIONS ?? imageNodeOptions(),
  poolMax: positive('BENCH_POOL_MAX', 10),
  database: env.BENCH_DATABASE_URL ? 'PostgreSQL at BENCH_DATABASE_URL' : 'embedded PostgreSQL 17',
};
const chosen = env.BENCH_SCENARIOS ? env.BENCH_SCENARIOS.split(',') : [...SCENARIOS, 'pages'];
const scenarios = chosen.filter((name) => SCENARIOS.includes(name));
const withPages = chosen.includes('pages');
const outDir = env.BENCH_OUT_DIR || (smoke || env.BENCH_SCENARIOS ? null : path.join(root, 'docs'));
const log = (message) => console.log(`bench: ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function ensureBuilt() {
  const outputs = [backendEntry, 'packages/db/dist/client.js', 'packages/contract/dist/index.js'];
  if (withPages) outputs.push(frontendEntry);
  if (outputs.every((file) => existsSync(path.resolve(root, file)))) return;
  log('building the workspaces');
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: root, stdio: 'inherit' });
}

/** VmRSS and VmHWM (peak) of a process, in MiB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** CPU time (user + system) a process has used, in ms. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One GET's status (0 when the connection fails): lighter than fetch for 5 ms polling. */
const status = (url) =>
  new Promise((resolve) => {
    const req = request(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });

const load = forkLoad;

async function main() {
  ensureBuilt();
  const { freePort, startEmbeddedPostgres } = await import('../packages/db/dist/embedded.js');
  const { migrate } = await import('../packages/db/dist/migrate.js');
  const { seed } = await import('./seed.mjs');
  const loadAverageStart = loadavg().map((l) => l.toFixed(2));
  const work = mkdtempSync(path.join(tmpdir(), 'todo-bench-'));
  const processes = [];
  let database = null;
  let pgDir = null;
  let admin = null;
  const start = (entry, env, args = [], cwd = root) => {
    const child = startProcess(entry, { env, args, cwd, logFile: path.join(work, 'servers.log') });
    processes.push(child);
    return child;
  };
  try {
    let databaseUrl = env.BENCH_DATABASE_URL;
    if (!databaseUrl) {
      // A folder of its own, as the test setup does: as root, PostgreSQL runs as another user.
      pgDir = mkdtempSync(path.join(tmpdir(), 'todo-bench-pg-'));
      database = await startEmbeddedPostgres({
        dataDir: pgDir,
        persistent: false,
        database: 'todo_bench',
      });
      databaseUrl = database.url;
    }
    await migrate(databaseUrl);
    admin = postgres(databaseUrl, { max: 2, onnotice: () => {} });
    const secret = randomBytes(32).toString('base64url');
    const seeded = await seed(admin, { ...options, secret, tokenTtlSeconds: 4 * 3600 });
    log(`seeded ${options.users} users × ${options.tasksPerUser} tasks`);

    const backendEnv = (port) => ({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: secret,
      LOG_LEVEL: options.logLevel,
      DATABASE_POOL_MAX: String(options.poolMax),
      // As the chart runs it: migrations are checked (already applied) at every start.
      MIGRATE_ON_START: 'true',
      ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    });

    const samplesMs = [];
    for (let i = 0; i < options.coldStarts; i++) {
      const port = await freePort();
      const begun = performance.now();
      const child = start(backendEntry, backendEnv(port));
      while ((await status(`http://127.0.0.1:${port}/health`)) !== 200) {
        if (child.exitCode !== null) throw new Error(`the backend exited with ${child.exitCode}`);
        await sleep(5);
      }
      samplesMs.push(performance.now() - begun);
      await stopProcess(child);
    }
    const sorted = [...samplesMs].sort((a, b) => a - b);
    const coldStart = {
      migrateOnStart: true,
      samplesMs,
      medianMs: sorted[Math.floor(sorted.length / 2)],
    };
    log(`cold start median ${coldStart.medianMs.toFixed(0)} ms`);

    const backendPort = await freePort();
    const profile = env.BENCH_CPU_PROF ? path.resolve(env.BENCH_CPU_PROF) : null;
    if (profile) mkdirSync(profile, { recursive: true });
    const backend = start(
      backendEntry,
      backendEnv(backendPort),
      profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    );
    const backendUrl = `http://127.0.0.1:${backendPort}`;
    await waitForHttp(`${backendUrl}/health`, { child: backend });
    await sleep(1000);
    const idleMiB = memory(backend.pid).rss;

    const barePort = await freePort();
    const bareServer = start(path.join(here, 'bare-server.mjs'), {
      DATABASE_URL: databaseUrl,
      PORT: String(barePort),
      POOL_MAX: String(options.poolMax),
    });
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await waitForHttp(`${bareUrl}/health`, { child: bareServer });

    const pass = async (connections, seconds, warmup) => {
      const run = async (server, url, scenario) => {
        let cpuBefore = cpuMs(server.pid);
        const figures = await load(
          { url, scenario, users: seeded.users, connections, duration: seconds, warmup },
          () => {
            cpuBefore = cpuMs(server.pid);
          },
        );
        // CPU per request of the server alone: steadier than req/s on a busy machine.
        const cpu = cpuMs(server.pid) - cpuBefore;
        figures.serverCpuMsPerRequest = Math.round((cpu / figures.requests) * 1000) / 1000;
        // Tasks created by the run go, so that every scenario sees the seeded data set.
        await admin`delete from tasks where id > ${seeded.maxSeededId} and user_id like 'bench-%'`;
        log(
          `${url === bareUrl ? 'bare list' : scenario} @${connections}: ${figures.requestsPerSecond} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.errors} errors, server CPU ${figures.serverCpuMsPerRequest} ms/req`,
        );
        return figures;
      };
      const bare = await run(bareServer, bareUrl, 'list');
      const byScenario = {};
      for (const scenario of scenarios)
        byScenario[scenario] = await run(backend, backendUrl, scenario);
      return { bare, byScenario };
    };
    const api = scenarios.length > 0;
    const high = api
      ? await pass(options.connections, options.durationSeconds, options.warmupSeconds)
      : null;
    const low = api
      ? await pass(
          options.lowConnections,
          options.lowDurationSeconds,
          Math.min(1, options.warmupSeconds),
        )
      : null;
    const after = memory(backend.pid);
    const pages = withPages
      ? await runPages({
          smoke,
          log,
          options,
          sql: admin,
          secret,
          databaseUrl,
          backendUrl,
          backend,
          backendEntry,
          backendEnv,
          users: seeded.users,
          start,
          stop: (child) => stopProcess(child),
          load,
          cpuMs,
          freePort,
          profile,
        })
      : undefined;

    const result = {
      date: new Date().toISOString(),
      command: smoke ? 'BENCH_SMOKE=1 npm run bench' : 'npm run bench',
      smoke,
      options,
      machine: {
        cores: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        loadAverageStart,
        loadAverageEnd: loadavg().map((l) => l.toFixed(2)),
      },
      ...(api && {
        bare: { high: high.bare, low: low.bare },
        scenarios: Object.fromEntries(
          scenarios.map((name) => [
            name,
            {
              high: high.byScenario[name],
              low: low.byScenario[name],
              ratio: high.byScenario[name].requestsPerSecond / high.bare.requestsPerSecond,
            },
          ]),
        ),
      }),
      pages,
      memory: { idleMiB, afterLoadMiB: after.rss, peakMiB: after.peak },
      coldStart,
    };
    if (!smoke) result.targets = targets(result);
    console.log(`\n${markdown(result)}\n`);
    for (const t of result.targets ?? []) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${t.target}`);
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      const [json, page, pods] = ['benchmarks.json', 'benchmarks.md', 'kubernetes.md'].map((f) =>
        path.join(outDir, f),
      );
      write(result, json, page, pods);
      log(`wrote ${path.relative(root, outDir) || '.'}/benchmarks.{json,md} and the pod table`);
    }
  } catch (error) {
    const logFile = path.join(work, 'servers.log');
    if (existsSync(logFile)) console.error(readFileSync(logFile, 'utf8').slice(-3000));
    throw error;
  } finally {
    await Promise.all(processes.map((child) => stopProcess(child)));
    await admin?.end({ timeout: 5 });
    await database?.stop();
    for (const dir of [work, pgDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
