import type { ChildProcess } from 'node:child_process';

/** The parts of scripts/stack.mjs (plain JavaScript, no type declarations) the tests use. */
interface StackScripts {
  backendEntry: string;
  frontendEntry: string;
  waitForHttp(url: string, options?: { timeoutMs?: number; child?: ChildProcess }): Promise<void>;
  startProcess(
    entry: string,
    options: {
      env?: Record<string, string>;
      logFile?: string;
      cwd?: string;
      args?: string[];
      baseEnv?: Record<string, string | undefined>;
    },
  ): ChildProcess;
  stopProcess(
    child: ChildProcess | null,
    options?: { signal?: NodeJS.Signals; graceMs?: number },
  ): Promise<number | null>;
  /** PostgreSQL (unless `databaseUrl`), the migrations, the backend and the frontend. */
  startStack(options: {
    dataDir?: string;
    databaseUrl?: string;
    backendPort?: number;
    frontendPort?: number;
    secret?: string;
    logDir?: string;
  }): Promise<{ frontendUrl: string; backendUrl: string; logDir: string; stop(): Promise<void> }>;
}

/** scripts/build-if-stale.mjs: `npm run build` unless the output is newer than its sources. */
interface BuildScripts {
  buildIfStale(): void;
}

// Computed specifiers keep TypeScript from looking for declarations the scripts don't have.
const script = (name: string) => new URL(`../../scripts/${name}`, import.meta.url).href;
export const stack = (await import(script('stack.mjs'))) as StackScripts;
export const build = (await import(script('build-if-stale.mjs'))) as BuildScripts;
