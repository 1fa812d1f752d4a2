// The final stage of an image, without Docker: its Dockerfile parsed, its file tree assembled by
// scripts/image-root.mjs (the Dockerfile's last RUN) and its entry point started as the image's
// numeric USER. Shared by tests/images and tests/contract.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export type Image = 'backend' | 'frontend';

/** The parts of scripts/image-root.mjs and scripts/stack.mjs (plain JavaScript) used here. */
interface ImageRootScript {
  ENTRY_POINTS: Record<Image, string>;
  assemble(image: Image, out: string): string;
}
interface StackScript {
  waitForHttp(url: string, options?: { timeoutMs?: number; child?: ChildProcess }): Promise<void>;
  stopProcess(child: ChildProcess | null, options?: { graceMs?: number }): Promise<number | null>;
}

// Computed specifiers keep TypeScript from looking for declarations the scripts don't have.
const imageRoot = (await import(
  new URL('../../scripts/image-root.mjs', import.meta.url).href
)) as ImageRootScript;
const stack = (await import(
  new URL('../../scripts/stack.mjs', import.meta.url).href
)) as StackScript;

export const ENTRY_POINTS = imageRoot.ENTRY_POINTS;
export const waitForHttp = stack.waitForHttp;

// ---------------------------------------------------------------------------------------------
// Dockerfile

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

export interface FinalStage {
  stages: Stage[];
  build: Stage;
  final: Stage;
  /** ENV of the final stage, in order. */
  env: Record<string, string>;
  user: { uid: number; gid: number };
  expose: number[];
  workdir: string;
  /** CMD in exec form. */
  cmd: string[];
}

export function dockerfilePath(image: Image): string {
  return path.join(repoRoot, 'apps', image, 'Dockerfile');
}

/** Instructions of a Dockerfile, continuation lines joined, comments and blank lines dropped. */
export function parseInstructions(text: string): Instruction[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (current === '' && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(current + line);
    current = '';
  }
  if (current) logical.push(current);
  return logical.map((line) => {
    const match = /^\s*(\S+)\s*(.*)$/.exec(line);
    if (!match) throw new Error(`unreadable Dockerfile line: ${line}`);
    return { keyword: (match[1] ?? '').toUpperCase(), args: (match[2] ?? '').trim() };
  });
}

/** `ENV a=1 b="two words"` (or the legacy `ENV key value`) as key/value pairs. */
export function parseEnv(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    const [key, ...rest] = args.split(/\s+/);
    if (key) env[key] = rest.join(' ');
    return env;
  }
  const pair = /([A-Za-z_][A-Za-z0-9_]*)=("((?:[^"\\]|\\.)*)"|\S*)\s*/gy;
  let match = pair.exec(args);
  while (match) {
    const quoted = match[3];
    env[match[1] ?? ''] = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (match[2] ?? '');
    if (pair.lastIndex >= args.length) return env;
    match = pair.exec(args);
  }
  throw new Error(`unreadable ENV instruction: ENV ${args}`);
}

function single(stage: Stage, keyword: string): string {
  const found = stage.instructions.filter((instruction) => instruction.keyword === keyword);
  const last = found.at(-1);
  if (!last) throw new Error(`the final stage has no ${keyword}`);
  return last.args;
}

/** Parses a Dockerfile into stages and the facts of its final stage. */
export function parseDockerfile(text: string): FinalStage {
  const stages: Stage[] = [];
  for (const instruction of parseInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!match) throw new Error(`unreadable FROM: ${instruction.args}`);
      stages.push({ from: match[1] ?? '', name: match[2], instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${instruction.keyword} before the first FROM`);
    stage.instructions.push(instruction);
  }
  const final = stages.at(-1);
  const build = stages.at(-2);
  if (!final || !build)
    throw new Error('expected a multi-stage Dockerfile (a build and a final stage)');

  const env: Record<string, string> = {};
  for (const instruction of final.instructions) {
    if (instruction.keyword === 'ENV') Object.assign(env, parseEnv(instruction.args));
  }
  const userMatch = /^(\d+):(\d+)$/.exec(single(final, 'USER'));
  if (!userMatch) throw new Error(`USER must be numeric uid:gid, got "${single(final, 'USER')}"`);
  const expose = single(final, 'EXPOSE')
    .split(/\s+/)
    .map((port) => Number(port.replace(/\/tcp$/, '')));
  const cmd: unknown = JSON.parse(single(final, 'CMD'));
  if (!Array.isArray(cmd) || !cmd.every((part) => typeof part === 'string')) {
    throw new Error('CMD must be in exec form (a JSON array of strings)');
  }
  return {
    stages,
    build,
    final,
    env,
    user: { uid: Number(userMatch[1]), gid: Number(userMatch[2]) },
    expose,
    workdir: single(final, 'WORKDIR'),
    cmd,
  };
}

export function readDockerfile(image: Image): FinalStage {
  return parseDockerfile(readFileSync(dockerfilePath(image), 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// The assembled tree

/** Files the assembly reads; a missing one means the checkout is not built. */
const BUILD_OUTPUTS: Record<Image, string[]> = {
  backend: [
    'packages/contract/dist/index.js',
    'packages/db/dist/client.js',
    'packages/db/dist/migrate.js',
    'apps/backend/dist/server.js',
  ],
  frontend: ['apps/frontend/.next/standalone/apps/frontend/server.js'],
};

export interface ImageTree {
  /** The image's /app (its WORKDIR), on this machine. */
  root: string;
  /** What assemble() returned: the absolute path of the entry point. */
  entry: string;
  dispose(): void;
}

/**
 * Runs scripts/image-root.mjs's assemble() into a fresh directory under the system temp dir,
 * readable by any UID (mkdtemp makes 0700 directories).
 */
export function assembleImageTree(image: Image): ImageTree {
  const missing = BUILD_OUTPUTS[image].filter((file) => !existsSync(path.join(repoRoot, file)));
  if (missing.length > 0) {
    throw new Error(
      `The ${image} image's build output is missing (${missing.join(', ')}): run \`npm run build\` at the repository root first (CI runs npm ci and npm run build before the tests).`,
    );
  }
  const work = mkdtempSync(path.join(tmpdir(), `todo-image-${image}-`));
  chmodSync(work, 0o755);
  const root = path.join(work, 'app');
  let entry: string;
  try {
    entry = imageRoot.assemble(image, root);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  chmodSync(root, 0o755);
  return { root, entry, dispose: () => rmSync(work, { recursive: true, force: true }) };
}

/** Every path under `root` (relative, `/`-separated), not following symbolic links. */
export function listTree(root: string): string[] {
  const result: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      result.push(child);
      if (entry.isDirectory()) visit(child);
    }
  };
  visit('');
  return result;
}

/**
 * Mimics `COPY --chown=0:0` onto a read-only root filesystem: everything owned by root and
 * without write permission, so the app's UID can read but never write. Each of `writable`
 * (relative paths, like the chart's emptyDir mounts) becomes an empty directory owned by `owner`.
 */
export function sealTree(root: string, owner: { uid: number; gid: number }, writable: string[]) {
  const seal = (file: string) => {
    const stats = lstatSync(file);
    if (stats.isSymbolicLink()) {
      chownSync(file, 0, 0);
      return;
    }
    chownSync(file, 0, 0);
    if (stats.isDirectory()) {
      for (const name of readdirSync(file)) seal(path.join(file, name));
      chmodSync(file, 0o555);
    } else {
      // Keep read and execute bits, drop every write bit; make sure others can read.
      chmodSync(file, (stats.mode & 0o555) | 0o444);
    }
  };
  seal(root);
  for (const relative of writable) {
    const dir = path.join(root, relative);
    // Root ignores the missing write bits; the parents stay sealed for everyone else.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o755);
  }
}

// ---------------------------------------------------------------------------------------------
// Running the entry point

/** The base image's PATH (node:*-bookworm-slim), the only variable the container has besides its ENV. */
export const BASE_IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function requireRoot(): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      "These tests start the apps as the images' numeric UIDs (65534, 1000) with spawn uid/gid, which needs root: run them as root (CI does), nothing is skipped.",
    );
  }
}

export interface AppProcess {
  child: ChildProcess;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts `node <args>` as uid:gid in its own process group with exactly `env` (nothing from this
 * process's environment), like a container's entry point.
 */
export function startAs(
  args: string[],
  options: { cwd: string; env: Record<string, string>; uid: number; gid: number },
): AppProcess {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    uid: options.uid,
    gid: options.gid,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (data: Buffer) => chunks.push(data.toString()));
  child.stderr?.on('data', (data: Buffer) => chunks.push(data.toString()));
  child.on('error', (error) => chunks.push(`spawn error: ${error.message}\n`));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start node ${args.join(' ')}`);
  return {
    child,
    pid,
    output: () => chunks.join(''),
    stop: () => stack.stopProcess(child, { graceMs: 10_000 }),
  };
}

/** Whether uid:gid may create a file in `dir` (tried for real, then removed). */
export function canWrite(dir: string, owner: { uid: number; gid: number }): boolean {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  const result = spawnSync(
    process.execPath,
    ['-e', 'require("node:fs").writeFileSync(process.argv[1], "")', probe],
    { uid: owner.uid, gid: owner.gid, env: { PATH: BASE_IMAGE_PATH }, timeout: 30_000 },
  );
  rmSync(probe, { force: true });
  return result.status === 0;
}

/** Real and effective UID/GID and supplementary groups of a running process, from /proc. */
export function processIdentity(pid: number): { uids: number[]; gids: number[]; groups: number[] } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    (new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(status)?.[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  return { uids: field('Uid'), gids: field('Gid'), groups: field('Groups') };
}

/** Polls until `url` answers 200; the error carries the app's output for the diagnosis. */
export async function waitFor200(app: AppProcess, url: string, timeoutMs: number): Promise<void> {
  try {
    await waitForHttp(url, { timeoutMs, child: app.child });
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\n--- app output ---\n${app.output().slice(-4000)}`,
    );
  }
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
