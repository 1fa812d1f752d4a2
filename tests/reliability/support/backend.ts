import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@todo/db/embedded';
import { stack } from '../../support/scripts.js';
import { LOG_DIR } from './build-global-setup.js';

export const TEST_SECRET = 'reliability-test-secret-at-least-32-characters';

export interface BackendProcess {
  url: string;
  port: number;
  /** Where the process's output is appended too, for a look after a failure. */
  logFile: string;
  child: ChildProcess;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Its JSON log lines, parsed; other lines are skipped. */
  logLines(): Record<string, unknown>[];
  /** Resolves when the process has exited and its output is complete. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the process group (SIGKILL after graceMs); resolves its exit code. */
  stop(graceMs?: number): Promise<number | null>;
  running(): boolean;
}

export interface StartBackendOptions {
  databaseUrl: string;
  /** Reuse a port (a restart); a free one is picked otherwise. */
  port?: number;
  logLevel?: string;
  env?: Record<string, string>;
}

/** A started process's output so far, and its end (exit status and complete output). */
export function watchProcess(child: ChildProcess) {
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { output: () => chunks.join(''), closed };
}

/** Starts the production build with `node` the way the image does, waits for /health. */
export async function startBackend(options: StartBackendOptions): Promise<BackendProcess> {
  const port = options.port ?? (await freePort());
  // With a logFile the child's stdout and stderr are pipes, which output() also reads.
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `backend-${port}.log`);
  const child = stack.startProcess(stack.backendEntry, {
    logFile,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: TEST_SECRET,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    },
  });
  const { output, closed } = watchProcess(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await stack.waitForHttp(`${url}/health`, { child, timeoutMs: 30_000 });
  } catch (error) {
    await stack.stopProcess(child, { signal: 'SIGKILL' });
    throw new Error(`${String(error)}\n--- backend output ---\n${output()}`);
  }
  if (child.pid === undefined) throw new Error('the backend process has no pid');
  return {
    url,
    port,
    logFile,
    child,
    pid: child.pid,
    output,
    logLines: () =>
      output()
        .split('\n')
        .flatMap((line) => {
          if (!line.startsWith('{')) return [];
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    closed,
    stop: (graceMs = 15_000) => stack.stopProcess(child, { graceMs }),
    running: () => child.exitCode === null && child.signalCode === null,
  };
}
