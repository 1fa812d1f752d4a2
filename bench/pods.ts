// `npm run bench:pods`: what one pod of each chart serves, measured on the real images started as
// the charts render them (env, UID, read-only root, emptyDirs) inside cgroups with the charts'
// resource limits (tests/images/support/pod-runtime.ts), against an embedded PostgreSQL 17.
// Two scenarios, 16 connections each (bench/load.mjs): the backend's task list (a page of 50)
// and the frontend's signed-in tasks page (50 tasks). Prints the table and writes it into
// docs/kubernetes.md between its bench:pods markers.
// Env: BENCH_DURATION (s per scenario, 15), BENCH_CONNECTIONS (16), BENCH_OUT (the doc; `-` prints only).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres } from '../packages/db/src/embedded.js';
import { peakMemoryMiB } from '../scripts/cgroup.mjs';
import {
  type ChartPod,
  createTask,
  renderCharts,
  startChartPod,
  testSecret,
  waitUntilServing,
} from '../tests/contract/chart-pods.js';
import {
  apps,
  buildImage,
  repoRoot,
  requireBuildTools,
  standInBase,
} from '../tests/images/support/images.js';
import { signUp } from '../tests/support/sign-up.js';
// @ts-expect-error plain JavaScript without declarations
import { forkLoad } from './fork-load.mjs';
// @ts-expect-error plain JavaScript without declarations
import { podMarkdown } from './pages/report.mjs';
// @ts-expect-error plain JavaScript without declarations
import { chartResources } from './pages/run-pages.mjs';
// @ts-expect-error plain JavaScript without declarations
import { writeSection } from './report.mjs';
// @ts-expect-error plain JavaScript without declarations
import { seed } from './seed.mjs';

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

const positive = (value: string | undefined, fallback: number) =>
  Number(value) > 0 ? Number(value) : fallback;
const duration = positive(process.env.BENCH_DURATION, 15);
const connections = positive(process.env.BENCH_CONNECTIONS, 16);
const out = process.env.BENCH_OUT ?? path.join(repoRoot, 'docs/kubernetes.md');
const TASKS = 50;
const log = (message: string) => console.log(`bench:pods: ${message}`);

const load = (job: Record<string, unknown>) =>
  forkLoad({ connections, duration, warmup: 3, ...job }) as Promise<LoadResult>;

async function main() {
  requireBuildTools();
  const loadBefore = loadavg();
  const base = await standInBase();
  for (const app of apps) {
    log(`building todo-${app} on ${base} (cached layers are reused)`);
    await buildImage(app, base);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-pods-pg-'));
  const database = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    database: 'postgres',
  });
  const pods: ChartPod[] = [];
  try {
    const secret = testSecret();
    const charts = await renderCharts(database.url, secret);
    const services = [charts.backend, charts.frontend];
    const backend = await startChartPod('backend', charts.backend, services);
    pods.push(backend);
    await waitUntilServing(backend.pod, `${backend.pod.url}/ready`);
    const frontend = await startChartPod('frontend', charts.frontend, services);
    pods.push(frontend);
    await waitUntilServing(frontend.pod, `${frontend.pod.url}/`);

    const sql = postgres(database.url, { max: 2, onnotice: () => {} });
    const seeded = await seed(sql, { users: 20, tasksPerUser: 200, secret, tokenTtlSeconds: 3600 });
    await sql.end();
    log(`backend list: ${connections} connections, ${duration} s`);
    const list = await load({ url: backend.pod.url, scenario: 'list', users: seeded.users });

    // Signed-in users of the frontend, each with TASKS tasks, as a person would have them.
    const origin = `http://localhost:${charts.frontend.containerPorts[0]}`;
    const pageUsers = [];
    for (let i = 0; i < 4; i += 1) {
      const user = await signUp(origin, `bench-pods-${i}`);
      if (user.status !== 200) throw new Error(`sign-up failed with ${user.status}`);
      for (let task = 0; task < TASKS; task += 1) {
        const created = await createTask(backend.pod.url, secret, user.userId, `Task ${task + 1}`);
        if (created.status !== 201) throw new Error(`creating a task failed: ${created.status}`);
      }
      pageUsers.push({ id: user.userId, cookie: user.cookie });
    }
    const html = await (
      await fetch(`${origin}/`, { headers: { cookie: pageUsers[0]?.cookie ?? '' } })
    ).text();
    if (!html.includes(`Task ${TASKS}`)) throw new Error('the tasks page does not show the tasks');
    log(`tasks page: ${connections} connections, ${duration} s`);
    const page = await load({ url: origin, scenario: 'page', users: pageUsers });

    const loadAfter = loadavg();
    const section = podMarkdown(
      {
        limits: { backend: charts.backend.limits, frontend: charts.frontend.limits },
        // The rendered pods carry the values' defaults; the sizing needs the CPU requests too.
        requests: {
          backend: chartResources('backend').requests,
          frontend: chartResources('frontend').requests,
        },
        backend: { ...list, peakMemoryMiB: peakMemoryMiB(backend.pod.pid) },
        frontend: { ...page, peakMemoryMiB: peakMemoryMiB(frontend.pod.pid) },
      },
      {
        connections,
        date: new Date().toISOString().slice(0, 10),
        command: 'npm run bench:pods',
        how: `the real images as the charts render them, ${duration} s per scenario after 3 s of warm-up, load generator and PostgreSQL outside the pods' cgroups, ${cpus().length} cores, load average ${loadBefore[0]?.toFixed(1)} before and ${loadAfter[0]?.toFixed(1)} after`,
      },
    );
    console.log(`\n${section}\n`);
    if (out !== '-') {
      writeSection(out, 'bench:pods', 'Kubernetes', section);
      log(`written to ${path.relative(repoRoot, out)}`);
    }
  } finally {
    for (const pod of pods.reverse()) await pod.pod.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:pods: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
