// The kubelet's side of the contract: starting a container as its pod spec says and running its
// httpGet probes, on this machine instead of a node.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { PodContract, Probe } from './pod-spec.js';

export interface ProbeResult {
  status: number | undefined;
  /** Milliseconds from the container's start to the first 200 (or to giving up). */
  elapsedMs: number;
  attempts: number;
  lastError: string | undefined;
}

/**
 * Runs the probe like the kubelet (GET on the pod address, kube-probe user agent, redirects not
 * followed, timeoutSeconds per attempt), polling until it answers 200 or initialDelaySeconds have
 * passed since the container started: by then the kubelet's first probe must succeed. Polling
 * instead of sleeping keeps the test as quick as the app.
 */
export async function runProbe(
  probe: Probe,
  host: string,
  startedAt: number,
): Promise<ProbeResult> {
  const url = `${probe.scheme.toLowerCase()}://${host}:${probe.port}${probe.path}`;
  const deadline = startedAt + probe.initialDelaySeconds * 1000;
  let attempts = 0;
  let status: number | undefined;
  let lastError: string | undefined;
  do {
    attempts += 1;
    ({ status, error: lastError } = await probeOnce(probe, url));
    if (status === 200) break;
    await sleep(100);
  } while (Date.now() < deadline);
  return { status, elapsedMs: Date.now() - startedAt, attempts, lastError };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One probe attempt as the kubelet makes it; any status from 200 to 399 passes. */
async function probeOnce(probe: Probe, url: string) {
  try {
    const response = await fetch(url, {
      headers: { 'user-agent': 'kube-probe/1.33', accept: '*/*' },
      redirect: 'manual',
      signal: AbortSignal.timeout(probe.timeoutSeconds * 1000),
    });
    await response.arrayBuffer();
    const passed = response.status >= 200 && response.status < 400;
    return {
      status: response.status,
      passed,
      error: passed ? undefined : `HTTP ${response.status}`,
    };
  } catch (error) {
    return { status: undefined, passed: false, error: (error as Error).message };
  }
}

/** A container's probes as the kubelet runs them on its schedule, not as fast as possible. */
export interface ProbeWorkers {
  /** Resolves when the readiness probe has passed successThreshold times in a row: the pod is
   * Ready and the endpoints controller adds it to its Services. */
  ready: Promise<void>;
  /** Why a startup or liveness probe reached its failureThreshold: the kubelet would have
   * killed the container. Empty while all is well. */
  kills: string[];
  stop(): void;
}

/**
 * Plays the kubelet's probe workers for one container: the startup probe (if any) first, every
 * periodSeconds from initialDelaySeconds after the start; then readiness and liveness on their
 * own periods. A container without a readiness probe is ready once started.
 */
export function startProbeWorkers(
  contract: PodContract,
  host: string,
  startedAt: number,
): ProbeWorkers {
  let stopped = false;
  const kills: string[] = [];
  const byKind = (kind: Probe['kind']) => contract.probes.find((probe) => probe.kind === kind);

  /** Resolves after `successThreshold` passes in a row; records a kill after `failureThreshold`
   * failures in a row when `killOnFailure`. Runs until stopped (or, for startup, until passed). */
  function run(probe: Probe, killOnFailure: boolean, untilPassed: boolean): Promise<void> {
    const url = `${probe.scheme.toLowerCase()}://${host}:${probe.port}${probe.path}`;
    return new Promise((resolve) => {
      void (async () => {
        await sleep(Math.max(0, startedAt + probe.initialDelaySeconds * 1000 - Date.now()));
        let successes = 0;
        let failures = 0;
        while (!stopped) {
          const attemptAt = Date.now();
          const result = await probeOnce(probe, url);
          if (stopped) return;
          successes = result.passed ? successes + 1 : 0;
          failures = result.passed ? 0 : failures + 1;
          if (successes === probe.successThreshold) {
            resolve();
            if (untilPassed) return;
          }
          if (killOnFailure && failures === probe.failureThreshold) {
            kills.push(`${probe.kind} ${probe.path} failed ${failures} times: ${result.error}`);
          }
          await sleep(Math.max(0, attemptAt + probe.periodSeconds * 1000 - Date.now()));
        }
      })();
    });
  }

  const startup = byKind('startupProbe');
  const started = startup ? run(startup, true, true) : Promise.resolve();
  const ready = started.then(() => {
    const liveness = byKind('livenessProbe');
    if (liveness) void run(liveness, true, false);
    const readiness = byKind('readinessProbe');
    return readiness ? run(readiness, false, false) : undefined;
  });
  return {
    ready,
    kills,
    stop: () => {
      stopped = true;
    },
  };
}

/** What the kubelet needs of a running container to stop it. */
export interface StoppableContainer {
  /** Sends a signal to the container's main process (PID 1 in its namespace). */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL to every process of the container. */
  kill(): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface Termination {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the start of termination to SIGTERM, and to the exit. */
  sigtermAfterMs: number | undefined;
  exitedAfterMs: number;
  /** SIGKILLed at the end of terminationGracePeriodSeconds. */
  killed: boolean;
}

/**
 * Pod deletion as the kubelet plays it: the preStop pause, then SIGTERM, and SIGKILL when
 * terminationGracePeriodSeconds (counted from the start, preStop included) run out. The
 * endpoints controller removes the pod from its Services at the same moment; that is the
 * caller's part.
 */
export async function terminate(
  container: StoppableContainer,
  contract: Pick<PodContract, 'preStop' | 'terminationGracePeriodSeconds'>,
): Promise<Termination> {
  const beganAt = Date.now();
  let sigtermAt: number | undefined;
  let killed = false;
  let exited = false;
  const exit = container.exited.then((result) => {
    exited = true;
    return result;
  });
  const killTimer = setTimeout(() => {
    killed = true;
    container.kill();
  }, contract.terminationGracePeriodSeconds * 1000);
  try {
    await Promise.race([exit, sleep((contract.preStop?.seconds ?? 0) * 1000)]);
    if (!exited && !killed) {
      sigtermAt = Date.now();
      container.signal('SIGTERM');
    }
    const { code, signal } = await exit;
    return {
      code,
      signal,
      sigtermAfterMs: sigtermAt === undefined ? undefined : sigtermAt - beganAt,
      exitedAfterMs: Date.now() - beganAt,
      killed,
    };
  } finally {
    clearTimeout(killTimer);
  }
}

/** TCP ports a process listens on (from its socket descriptors and /proc/net/tcp{,6}). */
export function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) inodes.add(match[1]);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [, local, , state] = fields;
      const inode = fields[9];
      if (state !== '0A' || !local || !inode || !inodes.has(inode)) continue;
      ports.add(Number.parseInt(local.split(':')[1] ?? '', 16));
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** Real and effective UID/GID of a running process, from /proc. */
export function processIdentity(pid: number): { uids: number[]; gids: number[] } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    (new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(status)?.[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  return { uids: field('Uid'), gids: field('Gid') };
}

/** True when nothing listens on `port` at `host` (any IPv4 address of this machine by default). */
export function portIsFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * An IPv4 address of this machine other than loopback, standing in for the pod IP the kubelet
 * probes (an app bound to 127.0.0.1 only would fail there); loopback when there is none.
 */
export function podAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return '127.0.0.1';
}

export interface Sandbox {
  rootReadOnly: boolean;
  /** Mount points (inside the container) that are writable, other than /proc and /dev. */
  writableMounts: string[];
  memoryLimitBytes: number;
  cpuQuotaMicros: number;
  cpuPeriodMicros: number;
}

/** What a process's mounts and cgroup v1 groups say about the container it runs in. */
export function containerSandbox(pid: number): Sandbox {
  const mounts = readFileSync(`/proc/${pid}/mountinfo`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const fields = line.split(' ');
      return { point: fields[4] ?? '', options: (fields[5] ?? '').split(',') };
    });
  const root = mounts.filter((mount) => mount.point === '/').at(-1);
  const groups = new Map(
    readFileSync(`/proc/${pid}/cgroup`, 'utf8')
      .trim()
      .split('\n')
      .flatMap((line) => {
        const [, controllers = '', group = ''] = line.split(':');
        return controllers.split(',').map((controller) => [controller, group] as const);
      }),
  );
  const read = (controller: string, file: string) =>
    Number(readFileSync(`/sys/fs/cgroup/${controller}${groups.get(controller)}/${file}`, 'utf8'));
  return {
    rootReadOnly: root?.options.includes('ro') ?? false,
    writableMounts: mounts
      .filter((mount) => mount.options.includes('rw') && !/^\/(proc|dev)(\/|$)/.test(mount.point))
      .map((mount) => mount.point),
    memoryLimitBytes: read('memory', 'memory.limit_in_bytes'),
    cpuQuotaMicros: read('cpu', 'cpu.cfs_quota_us'),
    cpuPeriodMicros: read('cpu', 'cpu.cfs_period_us'),
  };
}
