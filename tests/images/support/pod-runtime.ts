// Starts a built image the way a pod runs it, without a container engine (none can run here):
// the image's root filesystem (buildah from + mount) bound read-only in a mount namespace of its
// own, tmpfs on /tmp, /proc and /dev (and on each emptyDir), cgroup v1 memory and CPU limits, and
// the image's CMD started by chroot as the numeric UID:GID in WORKDIR with the image's ENV under
// the pod's env. The network is this machine's: the app listens on its port here.
//
//   const pod = await startPod({ image: 'localhost/todo-backend', env, uid: 65534, gid: 65534,
//     port: 8000, limits: { memory: '512Mi', cpu: '500m' } });
//   await fetch(`${pod.url}/health`);   pod.logs();   await pod.stop('SIGTERM');
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createCgroups, removeCgroups } from '../../../scripts/cgroup.mjs';

export { parseQuantity } from '../../../scripts/cgroup.mjs';

const run = promisify(execFile);

/** Resource limits as the chart writes them (`512Mi`, `500m`). */
export interface PodLimits {
  memory: string;
  cpu: string;
}

export interface PodOptions {
  /** An image in buildah's local store, e.g. `localhost/todo-backend:latest`. */
  image: string;
  /** The container's env as the kubelet sets it; it overrides the image's ENV. */
  env: Record<string, string>;
  uid: number;
  gid: number;
  /** The port the app listens on (its env decides; this only builds `url`). */
  port: number;
  /** The address the app listens on, for `url` (its env decides): 127.0.0.1 by default. */
  host?: string;
  limits?: PodLimits;
  /** Absolute paths that get an empty writable tmpfs owned by uid:gid, like the chart's emptyDirs. */
  emptyDirs?: string[];
  /** HOSTNAME, set by the container runtime to the pod name. */
  hostname?: string;
}

export interface Pod {
  /** PID of the container's main process (the image's CMD, after exec). */
  pid: number;
  /** `http://<host>:<port>` */
  url: string;
  /** Everything the container wrote to stdout and stderr so far. */
  logs(): string;
  /** Resolves with the exit code (or the signal's name) once the container has exited. */
  exited: Promise<number | string>;
  /**
   * Sends `signal` (SIGTERM by default) to the main process, as the runtime does on a pod's
   * deletion, then SIGKILL to its whole process group after `graceMs` (30 s, the kubelet's default
   * grace period). Removes the container's filesystem and cgroups. Resolves like `exited`.
   */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | string>;
}

/** The parts of an OCI image configuration a pod start needs. */
export interface ImageConfig {
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  WorkingDir?: string;
  User?: string;
  Labels?: Record<string, string> | null;
}

export async function imageConfig(image: string): Promise<ImageConfig> {
  // buildah 1.28's --format has no `json` function: parse the whole document.
  const { stdout } = await run('buildah', ['inspect', '--type', 'image', image], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return (JSON.parse(stdout) as { OCIv1: { config: ImageConfig } }).OCIv1.config;
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** The shell run inside the new mount namespace; its last line execs the image's command. */
function launcher(options: {
  rootfs: string;
  mountpoint: string;
  cgroups: string[];
  emptyDirs: string[];
  uid: number;
  gid: number;
  workdir: string;
  env: Record<string, string>;
  command: string[];
}): string {
  const { rootfs, mountpoint: root, uid, gid } = options;
  const lines = [
    'set -e',
    ...options.cgroups.map((group) => `echo $$ > ${quote(`${group}/cgroup.procs`)}`),
    `mount --bind ${quote(rootfs)} ${quote(root)}`,
    `mount -o remount,bind,ro ${quote(root)}`,
    `mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs ${quote(`${root}/tmp`)}`,
    `mount -t proc -o nosuid,nodev,noexec proc ${quote(`${root}/proc`)}`,
    `mount -t tmpfs -o mode=755,nosuid tmpfs ${quote(`${root}/dev`)}`,
    ...['null', 'zero', 'random', 'urandom'].flatMap((device) => [
      `touch ${quote(`${root}/dev/${device}`)}`,
      `mount --bind /dev/${device} ${quote(`${root}/dev/${device}`)}`,
    ]),
    `mount --bind -o ro /etc/hosts ${quote(`${root}/etc/hosts`)}`,
    `mount --bind -o ro /etc/resolv.conf ${quote(`${root}/etc/resolv.conf`)}`,
    ...options.emptyDirs.map(
      (dir) => `mount -t tmpfs -o uid=${uid},gid=${gid},mode=755 tmpfs ${quote(`${root}${dir}`)}`,
    ),
    [
      'exec chroot',
      `--userspec=${uid}:${gid}`,
      `--groups=${gid}`,
      quote(root),
      '/usr/bin/env -i',
      `-C ${quote(options.workdir)}`,
      ...Object.entries(options.env).map(([key, value]) => quote(`${key}=${value}`)),
      ...options.command.map(quote),
    ].join(' '),
  ];
  return lines.join('\n');
}

/** Files and directories the mounts need in the image's own (writable, scratch) layer. */
function prepareMountpoints(rootfs: string, emptyDirs: string[]) {
  for (const dir of ['tmp', 'proc', 'dev', ...emptyDirs.map((dir) => dir.slice(1))]) {
    mkdirSync(path.join(rootfs, dir), { recursive: true });
  }
  for (const file of ['etc/hosts', 'etc/resolv.conf']) {
    if (!existsSync(path.join(rootfs, file))) writeFileSync(path.join(rootfs, file), '');
  }
}

/** Whether process `pid` runs with real and effective UID `uid`. */
function runsAs(pid: number, uid: number): boolean {
  try {
    const line = /^Uid:\s+(\d+)\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(line?.[1]) === uid && Number(line?.[2]) === uid;
  } catch {
    return false;
  }
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
});

/** Starts `image` as a pod's container would run; resolves once the process has started. */
export async function startPod(options: PodOptions): Promise<Pod> {
  if (process.getuid?.() !== 0) {
    throw new Error('startPod needs root (mount namespaces, chroot, cgroups): run it as root');
  }
  const config = await imageConfig(options.image);
  const command = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  if (command.length === 0) throw new Error(`${options.image} has no ENTRYPOINT or CMD`);
  const imageEnv = Object.fromEntries(
    (config.Env ?? []).map((entry) => {
      const at = entry.indexOf('=');
      return [entry.slice(0, at), entry.slice(at + 1)];
    }),
  );
  const env = {
    ...imageEnv,
    ...(options.hostname ? { HOSTNAME: options.hostname } : {}),
    ...options.env,
  };
  const emptyDirs = options.emptyDirs ?? [];
  for (const dir of emptyDirs) {
    if (!path.isAbsolute(dir)) throw new Error(`emptyDir ${dir} must be an absolute path`);
  }

  const name = `todo-pod-${randomBytes(4).toString('hex')}`;
  const container = (
    await run('buildah', ['from', '--pull-never', '--name', name, options.image])
  ).stdout.trim();
  const rootfs = (await run('buildah', ['mount', container])).stdout.trim();
  const cgroups = options.limits ? createCgroups(name, options.limits) : [];
  const mountpoint = path.join(path.dirname(rootfs), `${name}-ro`);
  const cleanup = async () => {
    rmSync(mountpoint, { recursive: true, force: true });
    removeCgroups(cgroups);
    await run('buildah', ['rm', container]).catch(() => undefined);
  };

  let child: ChildProcess;
  try {
    prepareMountpoints(rootfs, emptyDirs);
    mkdirSync(mountpoint, { recursive: true });
    const script = launcher({
      rootfs,
      mountpoint,
      cgroups,
      emptyDirs,
      uid: options.uid,
      gid: options.gid,
      workdir: config.WorkingDir || '/',
      env,
      command,
    });
    child = spawn('unshare', ['--mount', '--propagation', 'private', '/bin/sh', '-c', script], {
      detached: true,
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  running.add(child);
  const chunks: string[] = [];
  child.stdout?.on('data', (data: Buffer) => chunks.push(data.toString()));
  child.stderr?.on('data', (data: Buffer) => chunks.push(data.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const pid = child.pid;
  if (pid === undefined) {
    await cleanup();
    throw new Error(`could not start ${options.image}`);
  }

  // Resolve once the launcher has exec'd the image's command as the pod's user (or has exited:
  // `exited` tells the caller).
  const deadline = Date.now() + 30_000;
  while (!runsAs(pid, options.uid) && child.exitCode === null && child.signalCode === null) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      await cleanup();
      throw new Error(`${options.image} did not start:\n${chunks.join('').slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  let stopped: Promise<number | string> | undefined;
  const stop = (signal: NodeJS.Signals = 'SIGTERM', graceMs = 30_000) => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(pid, signal);
        const timer = setTimeout(() => {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // Exited meanwhile.
          }
        }, graceMs);
        await exited;
        clearTimeout(timer);
      }
      await cleanup();
      return exited;
    })();
    return stopped;
  };
  return {
    pid,
    url: `http://${options.host ?? '127.0.0.1'}:${options.port}`,
    logs: () => chunks.join(''),
    exited,
    stop,
  };
}
