// Target verdicts and the Markdown table of a benchmark result.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pageMarkdown, pageTargets, podMarkdown } from './pages/report.mjs';

export const SCENARIOS = ['list', 'get', 'create', 'toggle', 'mixed'];

const fixed = (value, digits = 1) => (value == null ? '–' : Number(value).toFixed(digits));

/** The targets of issues 5 and 13 the run measured, each with the figure and the verdict. */
export function targets(result) {
  const api = SCENARIOS.every((name) => result.scenarios?.[name]) ? apiTargets(result) : [];
  return [...api, ...(result.pages ? pageTargets(result.pages) : [])];
}

function apiTargets(result) {
  const { bare, scenarios, memory, coldStart } = result;
  const all = SCENARIOS.map((name) => [name, scenarios[name]]);
  const worst = (pick) => Math.max(...all.map(([, s]) => pick(s)));
  const list = scenarios.list.high;
  const errors = [bare.high, bare.low, ...all.flatMap(([, s]) => [s.high, s.low])].reduce(
    (sum, run) => sum + run.errors,
    0,
  );
  const rows = [
    {
      target: 'list req/s ≥ 0.6 × bare reference',
      measured: `${fixed(list.requestsPerSecond / bare.high.requestsPerSecond, 2)} ×`,
      pass: list.requestsPerSecond >= 0.6 * bare.high.requestsPerSecond,
    },
    {
      target: `p99 at ${result.options.connections} connections ≤ 2 × bare p99 (${bare.high.p99} ms), every scenario`,
      measured: all.map(([name, s]) => `${name} ${s.high.p99}`).join(', '),
      pass: worst((s) => s.high.p99) <= 2 * bare.high.p99,
    },
    {
      target: `p99 at ${result.options.lowConnections} connections ≤ 40 ms, every scenario`,
      measured: all.map(([name, s]) => `${name} ${s.low.p99}`).join(', '),
      pass: worst((s) => s.low.p99) <= 40,
    },
    {
      target: 'zero errors (non-2xx, socket errors, timeouts)',
      measured: `${errors}`,
      pass: errors === 0,
    },
    {
      target: 'backend RSS ≤ 150 MiB after load',
      measured: `${fixed(memory.afterLoadMiB)} MiB`,
      pass: memory.afterLoadMiB <= 150,
    },
    {
      target: 'cold start ≤ 700 ms (median)',
      measured: `${fixed(coldStart.medianMs, 0)} ms`,
      pass: coldStart.medianMs <= 700,
    },
  ];
  return rows;
}

/** The results section of docs/benchmarks.md. */
export function markdown(result) {
  const { options, machine, bare, scenarios, memory, coldStart } = result;
  const hi = options.connections;
  const lo = options.lowConnections;
  const row = (name, s, ratio) =>
    `| ${name} | ${fixed(s.high.requestsPerSecond, 0)} | ${s.high.p50} | ${s.high.p99} | ${s.high.errors + s.low.errors} | ${ratio} | ${s.low.p99} | ${fixed(s.high.serverCpuMsPerRequest, 2)} |`;
  const api = bare
    ? [
        `| scenario | req/s @${hi} | p50 ms @${hi} | p99 ms @${hi} | errors | × bare req/s | p99 ms @${lo} | server CPU ms/req |`,
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        row('bare reference (list)', bare, '1.00'),
        ...Object.entries(scenarios).map(([name, s]) => row(name, s, fixed(s.ratio, 2))),
        '',
      ]
    : [];
  const lines = [
    `Run ${result.date} with \`${result.command}\` on ${machine.cores} cores (${machine.cpuModel}),`,
    `Node ${machine.node}, ${options.database}; load average ${machine.loadAverageStart.join(' ')} at the start, ${machine.loadAverageEnd.join(' ')} at the end.`,
    `${options.users} users × ${options.tasksPerUser} tasks, ${options.warmupSeconds} s warm-up then ${options.durationSeconds} s per scenario at ${hi} connections, then ${options.lowDurationSeconds} s at ${lo};`,
    `backend LOG_LEVEL=${options.logLevel}${options.nodeOptions ? `, NODE_OPTIONS=${options.nodeOptions}` : ''}, pool ${options.poolMax} connections (the bare reference too); load generator (autocannon) in its own process on the same machine.`,
    '',
    ...api,
    `Backend RSS: ${fixed(memory.idleMiB)} MiB idle after start, ${fixed(memory.afterLoadMiB)} MiB after the load (peak ${fixed(memory.peakMiB)} MiB).`,
    `Cold start (spawn to first 200 from /health, migrations already applied, MIGRATE_ON_START=${coldStart.migrateOnStart}): median ${fixed(coldStart.medianMs, 0)} ms of ${coldStart.samplesMs.map((ms) => fixed(ms, 0)).join(', ')} ms.`,
  ];
  if (result.pages) lines.push('', pageMarkdown(result.pages));
  if (result.targets) {
    lines.push('', '| target | measured | verdict |', '|---|---|---|');
    for (const t of result.targets)
      lines.push(`| ${t.target} | ${t.measured} | ${t.pass ? 'PASS' : 'MISS'} |`);
  }
  return lines.join('\n');
}

/** Puts `text` between the `name` markers of a Markdown page, keeping the rest (or a new page). */
export function writeSection(file, name, title, text) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n${text}\n${end}`;
  const page = existsSync(file) ? readFileSync(file, 'utf8') : `# ${title}\n\n${start}\n${end}\n`;
  const at = page.indexOf(start);
  const to = page.indexOf(end);
  const next =
    at >= 0 && to > at
      ? page.slice(0, at) + section + page.slice(to + end.length)
      : `${page.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

/**
 * Writes the JSON and the results section of the benchmarks page, and with page scenarios the
 * per-pod table of the Kubernetes page (`kubernetesFile`).
 */
export function write(result, jsonFile, markdownFile, kubernetesFile) {
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  writeSection(markdownFile, 'bench:results', 'Benchmarks', markdown(result));
  if (result.pages) {
    const { pages, machine } = result;
    const pods = podMarkdown(pages.pods, {
      connections: pages.connections,
      date: result.date.slice(0, 10),
      command: result.command,
      how: `the built apps in cgroup v1 groups with the charts' limits, ${pages.durationSeconds} s per scenario after ${result.options.warmupSeconds} s of warm-up, load generator and PostgreSQL outside them, ${machine.cores} cores, load average ${machine.loadAverageStart[0]} before and ${machine.loadAverageEnd[0]} after`,
    });
    writeSection(kubernetesFile, 'bench:pods', 'Kubernetes', pods);
  }
}
