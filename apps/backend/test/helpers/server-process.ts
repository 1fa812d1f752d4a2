// The real entry point as a process, the way the image runs it (with tsx instead of the build).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ENTRY = 'apps/backend/src/server.ts';

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: Running[] = [];

/** Starts server.ts with exactly this environment (plus PATH and HOME) and these arguments. */
export function startServer(env: Record<string, string>, args: string[] = []): Running {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', ENTRY, ...args],
    {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: tsx may leave children, and cleanup kills the whole group.
      detached: true,
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const server = { child, stdout: () => stdout, stderr: () => stderr, exited };
  running.push(server);
  return server;
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Kills whatever is still running, failed tests included, with its group (call in afterAll). */
export async function stopAllServers() {
  for (const server of running.splice(0)) {
    killGroup(server.child, 'SIGKILL');
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }
}

/** Resolves with the exit code, failing the test if the process runs longer than `ms`. */
export async function exitCode(server: Running, ms = 20_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([server.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls GET /health until the server answers. */
export async function waitUntilListening(server: Running, base: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  let exitedWith: number | null | undefined;
  void server.exited.then((code) => {
    exitedWith = code;
  });
  while (Date.now() < deadline) {
    if (exitedWith !== undefined)
      throw new Error(`server exited with ${exitedWith}:\n${server.stderr()}\n${server.stdout()}`);
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not listen within ${ms} ms:\n${server.stderr()}`);
}
