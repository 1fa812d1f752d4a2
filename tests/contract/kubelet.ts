// The kubelet's side of the contract: starting a container as its pod spec says and running its
// httpGet probes, on this machine instead of a node.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
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
