// The page scenarios of `npm run bench` (issue 13): the signed-in tasks page of the standalone
// frontend with 50 and with 500 tasks, Today and a project view, next to a bare Next.js 16 page
// rendering 50 tasks' markup from memory; then one pod of each app inside cgroups holding the
// charts' limits (the per-pod table); then a real browser's view of the pages.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createCgroups, joinCgroups, peakMemoryMiB, removeCgroups } from '../../scripts/cgroup.mjs';
import { frontendEntry, frontendProcessEnv, root, waitForHttp } from '../../scripts/stack.mjs';
import { bareNextBuilt, bareNextEntry, buildBareNext } from './bare-next.mjs';
import { pageUsers } from './users.mjs';

export const PAGE_SCENARIOS = ['page-50', 'page-500', 'today', 'project'];

/** The resources a chart's values give its pod (`{ limits: { cpu: '500m', memory: '512Mi' }, requests }`). */
export function chartResources(app) {
  const values = parse(readFileSync(path.join(root, `charts/todo-${app}/values.yaml`), 'utf8'));
  return values.resources;
}

/** Bytes of the HTML and of the RSC payload inlined in it (the `self.__next_f.push` scripts). */
async function pageSize(url, cookie) {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const payload = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\(.*?\)<\/script>/gs)].reduce(
    (sum, match) => sum + Buffer.byteLength(match[0]),
    0,
  );
  return { html, htmlBytes: Buffer.byteLength(html), payloadBytes: payload };
}

/**
 * @param {object} bench what run.mjs owns: `sql`, `secret`, `databaseUrl`, `backendUrl`, the
 *   backend's process and env, `start(entry, env, args)`, `load(job)`, `cpuMs(pid)`,
 *   `freePort()`, `users` (the API scenarios' seeded users), `options`, `smoke`, `log`.
 */
export async function runPages(bench) {
  const { smoke, log, load, cpuMs, start, freePort, options } = bench;
  const connections = options.lowConnections;
  const duration = options.pageDurationSeconds;
  const warmup = options.warmupSeconds;

  // The smoke run (npm test) does not build the bare reference: a minute of `next build` there.
  if (!smoke) buildBareNext(log);
  const bareBuilt = bareNextBuilt();
  if (!bareBuilt) log('the bare Next.js reference is not built: its scenario is left out');

  // BENCH_CPU_PROF profiles the unconfined frontend of the page scenarios too.
  const startFrontend = async (backendUrl, groups = []) => {
    const port = await freePort();
    const profile = bench.profile && groups.length === 0;
    const child = start(
      frontendEntry,
      frontendProcessEnv({
        port,
        databaseUrl: bench.databaseUrl,
        secret: bench.secret,
        backendUrl,
      }),
      profile ? ['--cpu-prof', `--cpu-prof-dir=${bench.profile}`] : [],
      path.dirname(frontendEntry),
    );
    if (groups.length > 0) joinCgroups(groups, child.pid);
    const url = `http://localhost:${port}`;
    await waitForHttp(`${url}/`, { child });
    return { child, url };
  };

  const frontend = await startFrontend(bench.backendUrl);
  const small = smoke ? 20 : 50;
  const large = smoke ? 60 : 500;
  const fifty = await pageUsers(bench.sql, frontend.url, {
    label: 'fifty',
    count: 2,
    tasksPerUser: small,
  });
  const many = await pageUsers(bench.sql, frontend.url, {
    label: 'many',
    count: 2,
    tasksPerUser: large,
  });
  const scenarioUsers = {
    'page-50': fifty.map((user) => ({ ...user, path: '/' })),
    'page-500': many.map((user) => ({ ...user, path: '/' })),
    today: many.map((user) => ({ ...user, path: '/today' })),
    project: many.map((user) => ({ ...user, path: `/projects/${user.projectId}` })),
  };

  const measure = async (name, server, url, users, extra = []) => {
    const processes = [server, ...extra];
    let before = processes.map((child) => cpuMs(child.pid));
    const figures = await load(
      { url, scenario: 'page', users, connections, duration, warmup, ...fewRequests(bench) },
      () => {
        before = processes.map((child) => cpuMs(child.pid));
      },
    );
    const [own, ...others] = processes.map((child, i) =>
      figures.requests > 0
        ? Math.round(((cpuMs(child.pid) - before[i]) / figures.requests) * 100) / 100
        : null,
    );
    figures.serverCpuMsPerRequest = own;
    if (others.length > 0) figures.backendCpuMsPerRequest = others[0];
    log(
      `${name} @${connections}: ${figures.requestsPerSecond} pages/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.errors} errors, CPU ${own} ms/page${others.length ? ` (+ backend ${others[0]})` : ''}`,
    );
    return figures;
  };

  const pages = { connections, durationSeconds: duration, tasks: { small, large }, scenarios: {} };
  try {
    if (bareBuilt) {
      const port = await freePort();
      const bare = start(
        bareNextEntry,
        { NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1' },
        [],
        path.dirname(bareNextEntry),
      );
      const url = `http://127.0.0.1:${port}`;
      await waitForHttp(`${url}/`, { child: bare });
      const size = await pageSize(`${url}/`);
      pages.bare = { ...(await measure('bare page', bare, url, [{ path: '/' }])), ...sizes(size) };
      await bench.stop(bare);
    }
    for (const name of PAGE_SCENARIOS) {
      const users = scenarioUsers[name];
      const first = users[0];
      const size = await pageSize(`${frontend.url}${first.path}`, first.cookie);
      if (name === 'page-50' && !size.html.includes(`Task ${small} of `))
        throw new Error('the tasks page does not show the seeded tasks');
      pages.scenarios[name] = {
        ...(await measure(name, frontend.child, frontend.url, users, [bench.backend])),
        ...sizes(size),
      };
    }
    pages.memory = processMemory(frontend.child.pid);
    pages.browser = browserFigures(frontend.url, scenarioUsers, log);
  } finally {
    await bench.stop(frontend.child);
  }
  pages.pods = await podPass(bench, { startFrontend, measure, users: scenarioUsers['page-50'] });
  return pages;
}

/**
 * The smoke run asks for two requests per connection rather than seconds' worth: on a loaded
 * machine one page can take longer than the smoke run's seconds, more so in a pod held to 500m.
 */
const fewRequests = ({ smoke, options }) => (smoke ? { amount: options.lowConnections * 2 } : {});

const sizes = ({ htmlBytes, payloadBytes }) => ({ htmlBytes, payloadBytes });

function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) =>
    Math.round(Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024);
  return { rssMiB: field('VmRSS'), peakMiB: field('VmHWM') };
}

/** One backend and one frontend pod in cgroups with the charts' limits; 16 connections each. */
async function podPass(bench, { startFrontend, measure, users }) {
  const { start, freePort, log } = bench;
  const resources = { backend: chartResources('backend'), frontend: chartResources('frontend') };
  const limits = { backend: resources.backend.limits, frontend: resources.frontend.limits };
  const groups = {
    backend: createCgroups(`todo-bench-backend-${process.pid}`, limits.backend),
    frontend: createCgroups(`todo-bench-frontend-${process.pid}`, limits.frontend),
  };
  const children = [];
  try {
    const port = await freePort();
    const backend = start(bench.backendEntry, bench.backendEnv(port));
    children.push(backend);
    joinCgroups(groups.backend, backend.pid);
    const backendUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${backendUrl}/health`, { child: backend });
    const frontend = await startFrontend(backendUrl, groups.frontend);
    children.push(frontend.child);
    // The pod's first render (cold JIT, under its quota) is not part of its capacity.
    const first = await pageSize(`${frontend.url}/`, users[0].cookie);
    if (!first.html.includes('task-row')) throw new Error('the frontend pod renders no tasks');
    log(
      `pods at the charts' limits: backend ${JSON.stringify(limits.backend)}, frontend ${JSON.stringify(limits.frontend)}`,
    );
    const { connections, duration, warmup } = {
      connections: bench.options.lowConnections,
      duration: bench.options.pageDurationSeconds,
      warmup: bench.options.warmupSeconds,
    };
    const list = await bench.load({
      ...fewRequests(bench),
      url: backendUrl,
      scenario: 'list',
      users: bench.users,
      connections,
      duration,
      warmup,
    });
    log(`pod backend list: ${list.requestsPerSecond} req/s, p99 ${list.p99} ms`);
    const page = await measure('pod tasks page', frontend.child, frontend.url, users, [backend]);
    return {
      limits,
      requests: { backend: resources.backend.requests, frontend: resources.frontend.requests },
      backend: { ...list, peakMemoryMiB: peakMemoryMiB(backend.pid) },
      frontend: { ...page, peakMemoryMiB: peakMemoryMiB(frontend.child.pid) },
    };
  } finally {
    for (const child of children.reverse()) await bench.stop(child);
    removeCgroups([...groups.backend, ...groups.frontend]);
  }
}

/** Times in a real Chromium (bench/pages/browser.ts, a process of its own, so never on the servers' loop). */
function browserFigures(url, scenarioUsers, log) {
  const routes = [
    ['tasks (50)', scenarioUsers['page-50'][0]],
    ['today', scenarioUsers.today[0]],
    ['project', scenarioUsers.project[0]],
  ].map(([name, user]) => ({ name, path: user.path, cookie: user.cookie }));
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/pages/browser.ts')],
    { cwd: root, input: JSON.stringify({ url, routes }), encoding: 'utf8', timeout: 180_000 },
  );
  const figures = JSON.parse(output);
  for (const route of figures)
    log(
      `browser ${route.name}: tasks visible ${route.visibleMs} ms, quick add usable ${route.usableMs} ms, JS ${route.jsKiB} KiB (${route.jsTransferKiB} KiB transferred)`,
    );
  return figures;
}
