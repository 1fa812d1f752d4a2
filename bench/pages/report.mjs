// Verdicts and tables of the page scenarios (issue 13), and the per-pod capacity table that
// `npm run bench` writes into docs/kubernetes.md.
import { parseQuantity } from '../../scripts/cgroup.mjs';

const HTML_LIMIT_BYTES = 60_000;
const KB = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** The page targets of issue 13, each with what was measured and whether it is met. */
export function pageTargets(pages) {
  const page = pages.scenarios['page-50'];
  const rows = [];
  if (pages.bare) {
    rows.push(
      {
        target: 'tasks page (50) pages/s ≥ 0.5 × the bare Next.js page',
        measured: `${(page.requestsPerSecond / pages.bare.requestsPerSecond).toFixed(2)} × (${page.requestsPerSecond} vs ${pages.bare.requestsPerSecond})`,
        pass: page.requestsPerSecond >= 0.5 * pages.bare.requestsPerSecond,
      },
      {
        target: `tasks page (50) p99 at ${pages.connections} connections ≤ 3 × the bare page's (${pages.bare.p99} ms)`,
        measured: `${page.p99} ms`,
        pass: page.p99 <= 3 * pages.bare.p99,
      },
    );
  }
  rows.push({
    target: 'HTML of the tasks page with 50 tasks ≤ 60 KB',
    measured: `${KB(page.htmlBytes)} (RSC payload ${KB(page.payloadBytes)} of it)`,
    pass: page.htmlBytes <= HTML_LIMIT_BYTES,
  });
  const pod = pages.pods.frontend;
  rows.push(
    {
      target: `tasks page ≥ 40 pages/s per frontend pod (${limitsText(pages.pods.limits.frontend)})`,
      measured: `${pod.requestsPerSecond} pages/s`,
      pass: pod.requestsPerSecond >= 40,
    },
    {
      target: 'frontend pod memory ≤ 256 MiB under load (cgroup peak)',
      measured: `${pod.peakMemoryMiB} MiB`,
      pass: pod.peakMemoryMiB <= 256,
    },
  );
  const browser = pages.browser.find((route) => route.name === 'tasks (50)');
  rows.push({
    target: 'browser: tasks visible and quick add usable ≤ 1 s (50 tasks)',
    measured: `visible ${browser.visibleMs} ms, usable ${browser.usableMs} ms; JS ${pages.browser.map((route) => `${route.name} ${route.jsKiB} KiB`).join(', ')}`,
    pass: browser.visibleMs <= 1000 && browser.usableMs <= 1000,
  });
  return rows;
}

const limitsText = (limits) => `${limits.cpu} CPU, ${limits.memory}`;

/** The page section of docs/benchmarks.md's results. */
export function pageMarkdown(pages) {
  const row = (name, s) =>
    `| ${name} | ${s.requestsPerSecond} | ${s.p50} | ${s.p99} | ${s.errors} | ${s.serverCpuMsPerRequest} | ${s.backendCpuMsPerRequest ?? '–'} | ${KB(s.htmlBytes)} | ${KB(s.payloadBytes)} |`;
  const lines = [
    `Page scenarios: ${pages.connections} connections, ${pages.durationSeconds} s each; users with ${pages.tasks.small} and ${pages.tasks.large} tasks (Today and the project view: the ${pages.tasks.large}-task users).`,
    '',
    '| page | pages/s | p50 ms | p99 ms | errors | frontend CPU ms/page | backend CPU ms/page | HTML | RSC payload in it |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...(pages.bare ? [row('bare Next.js page (50 tasks)', pages.bare)] : []),
    ...Object.entries(pages.scenarios).map(([name, s]) => row(name, s)),
    '',
    `Frontend memory after the page scenarios: RSS ${pages.memory.rssMiB} MiB, peak ${pages.memory.peakMiB} MiB.`,
  ];
  if (pages.browser) {
    lines.push(
      '',
      '| route in Chromium | tasks visible ms | quick add usable ms | JS KiB | JS KiB transferred |',
      '|---|---:|---:|---:|---:|',
      ...pages.browser.map(
        (r) =>
          `| ${r.name} (${r.path}) | ${r.visibleMs} | ${r.usableMs} | ${r.jsKiB} | ${r.jsTransferKiB} |`,
      ),
    );
  }
  return lines.join('\n');
}

/** A Markdown table padded the way the formatter (biome) leaves it, so a re-run lints clean. */
export function markdownTable(header, rows) {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

/**
 * The per-pod capacity table and the sizing that follows from it, for docs/kubernetes.md:
 * replicas and the HPA target are worked out from the measured capacity. `pods` holds the
 * charts' `limits` and `requests` and each pod's figures; `how` says how the pods were run.
 */
export function podMarkdown(pods, { connections, date, command, how }) {
  const { limits, backend, frontend } = pods;
  const rows = [
    ['backend list (50 tasks)', limitsText(limits.backend), backend],
    ['tasks page (50 tasks, signed in)', limitsText(limits.frontend), frontend],
  ];
  // A pod is planned at 60% of what it serves flat out, so latency stays near the unloaded p50.
  const plan = (s) => Math.max(1, Math.floor(s.requestsPerSecond * 0.6));
  const cpuLimit = parseQuantity(limits.frontend.cpu);
  const cpuRequest = parseQuantity(pods.requests.frontend.cpu);
  const table = markdownTable(
    [
      `per pod, ${connections} connections`,
      'limits',
      'requests/s',
      'p50',
      'p99',
      'errors',
      'peak memory',
    ],
    rows.map(([what, lim, s]) => [
      what,
      lim,
      String(s.requestsPerSecond),
      `${s.p50} ms`,
      `${s.p99} ms`,
      `${s.errors} of ${s.requests}`,
      `${s.peakMemoryMiB} MiB`,
    ]),
  );
  return [
    table,
    '',
    `Measured ${date} with \`${command}\` (${how}).`,
    `Sizing from it: plan ${plan(frontend)} pages/s per frontend pod and ${plan(backend)} list requests/s per backend pod (60% of the measured maximum), so frontend replicas ≈ peak pages/s ÷ ${plan(frontend)} and backend replicas ≈ peak API requests/s ÷ ${plan(backend)}, at least 2 of each. For an HPA on CPU, 60% of the ${limits.frontend.cpu} limit is ${Math.round(cpuLimit * 0.6)}m: with the chart's ${pods.requests.frontend.cpu} request that is \`targetCPUUtilizationPercentage: ${Math.round((cpuLimit * 60) / cpuRequest)}\`, or set \`resources.requests.cpu\` to the limit and target 60.`,
  ].join('\n');
}
