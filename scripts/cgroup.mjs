// @ts-check
// cgroup v1 memory and CPU groups holding a chart's resource limits, for a process that should run
// as its pod would: tests/images/support/pod-runtime.ts (the images) and npm run bench (the built
// apps). Needs root and the v1 controllers at /sys/fs/cgroup/{memory,cpu}.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CGROUP_ROOT = '/sys/fs/cgroup';

/** `512Mi` → bytes; `500m` → millicores. @param {string} value @returns {number} */
export function parseQuantity(value) {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|m|)$/.exec(value);
  if (!match) throw new Error(`unsupported resource quantity ${value}`);
  const number = Number(match[1]);
  /** @type {Record<string, number>} */
  const factors = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, m: 1, '': 1000 };
  return Math.round(number * (factors[match[2] ?? ''] ?? 1));
}

/**
 * Creates the memory and cpu groups `name` holding exactly `limits`; a process joins them by
 * writing its pid to each group's `cgroup.procs` (see `joinCommand`).
 * @param {string} name @param {{ memory: string, cpu: string }} limits @returns {string[]}
 */
export function createCgroups(name, limits) {
  const memory = path.join(CGROUP_ROOT, 'memory', name);
  const cpu = path.join(CGROUP_ROOT, 'cpu', name);
  if (!existsSync(path.join(CGROUP_ROOT, 'memory')) || !existsSync(path.join(CGROUP_ROOT, 'cpu'))) {
    throw new Error(
      'cgroup v1 memory and cpu controllers are needed at /sys/fs/cgroup/{memory,cpu}',
    );
  }
  mkdirSync(memory);
  mkdirSync(cpu);
  writeFileSync(path.join(memory, 'memory.limit_in_bytes'), String(parseQuantity(limits.memory)));
  writeFileSync(path.join(cpu, 'cpu.cfs_period_us'), '100000');
  writeFileSync(path.join(cpu, 'cpu.cfs_quota_us'), String(parseQuantity(limits.cpu) * 100));
  return [memory, cpu];
}

/** Removes groups whose processes have exited (a group still in use stays until they have). @param {string[]} groups */
export function removeCgroups(groups) {
  for (const group of groups) {
    try {
      rmdirSync(group);
    } catch {
      // A process still in it: the kernel keeps the group until it exits.
    }
  }
}

/** Peak memory the memory group of process `pid` has charged, in MiB. @param {number} pid */
export function peakMemoryMiB(pid) {
  const line = readFileSync(`/proc/${pid}/cgroup`, 'utf8')
    .split('\n')
    .find((entry) => entry.split(':')[1]?.split(',').includes('memory'));
  const group = line?.split(':')[2] ?? '/';
  const bytes = Number(
    readFileSync(`${CGROUP_ROOT}/memory${group}/memory.max_usage_in_bytes`, 'utf8'),
  );
  return Math.round(bytes / 1024 / 1024);
}

/**
 * Moves process `pid` into `groups`, right after it was spawned (it has only just exec'd, so
 * almost nothing has been charged elsewhere). @param {string[]} groups @param {number} pid
 */
export function joinCgroups(groups, pid) {
  for (const group of groups) writeFileSync(path.join(group, 'cgroup.procs'), String(pid));
}
