// The kubelet's side of the contract: starting a container as its pod spec says and running its
// httpGet probes, on this machine instead of a node.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Probe } from './pod-spec.js';

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
    try {
      const response = await fetch(url, {
        headers: { 'user-agent': 'kube-probe/1.33', accept: '*/*' },
        redirect: 'manual',
        signal: AbortSignal.timeout(probe.timeoutSeconds * 1000),
      });
      status = response.status;
      await response.arrayBuffer();
      if (status === 200) break;
      lastError = `HTTP ${status}`;
    } catch (error) {
      status = undefined;
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (Date.now() < deadline);
  return { status, elapsedMs: Date.now() - startedAt, attempts, lastError };
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

/** True when nothing listens on `port` on any IPv4 address of this machine. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => {
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
