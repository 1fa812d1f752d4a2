// Starts the whole app on this machine from the built output: PostgreSQL (embedded unless
// DATABASE_URL is given), migrations once, todo-backend, then todo-frontend. Used by `npm start`,
// the end-to-end tests, the chart contract test and the benchmark. Plain Node, no dependencies
// beyond the workspace's own built packages.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const backendEntry = path.join(root, 'apps/backend/dist/server.js');
export const frontendEntry = path.join(
  root,
  'apps/frontend/.next/standalone/apps/frontend/server.js',
);

/** The secret from the environment, or one generated once and kept in the data folder. */
export function localSecret(dataDir) {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(dataDir, 'better-auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Polls `url` until it answers 200, the process exits, or the time runs out. */
export async function waitForHttp(url, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * Runs a server in its own process group (so its children stop with it), its output appended
 * to `logFile` or inherited when none is given. `env` is added to this process's environment,
 * or to `baseEnv` when given (`{}` for exactly `env`, as a container gets).
 */
const running = new Set();
// Children run in their own process groups, so they would outlive a parent that exits without
// stopping them (an aborted test run): take them along.
process.on('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
});

export function startProcess(
  entry,
  { env, logFile, cwd = root, args = [], baseEnv = process.env },
) {
  const output = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  const child = spawn(process.execPath, [...args, entry], {
    cwd,
    env: { ...baseEnv, ...env },
    detached: true,
    stdio: ['ignore', output ? 'pipe' : 'inherit', output ? 'pipe' : 'inherit'],
  });
  if (output) {
    child.stdout.pipe(output);
    child.stderr.pipe(output);
  }
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGTERM to the process group, SIGKILL if it has not exited after `graceMs`. Resolves the exit code. */
export function stopProcess(child, { signal = 'SIGTERM', graceMs = 15_000 } = {}) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child?.exitCode ?? null);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, graceMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    try {
      process.kill(-child.pid, signal);
    } catch {
      clearTimeout(timer);
      resolve(child.exitCode);
    }
  });
}

/** The environment todo-frontend's standalone server runs with here, as the chart sets it. */
export function frontendProcessEnv({ port, databaseUrl, secret, backendUrl }) {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    // Next's standalone server binds to HOSTNAME, which platforms set to the host name.
    HOSTNAME: '0.0.0.0',
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: secret,
    BACKEND_URL: backendUrl,
  };
}

/**
 * Starts PostgreSQL (embedded unless `databaseUrl`), migrates, then the backend and (unless
 * `frontend: false`) the frontend. Returns their URLs and controls to stop or restart parts.
 */
export async function startStack({
  dataDir = path.join(root, '.data'),
  databaseUrl = process.env.DATABASE_URL,
  backendPort = 8000,
  frontendPort = 3000,
  frontend = true,
  secret = localSecret(dataDir),
  backendEnv = {},
  frontendEnv = {},
  logDir = path.join(dataDir, 'logs'),
} = {}) {
  for (const entry of [backendEntry, ...(frontend ? [frontendEntry] : [])]) {
    if (!existsSync(entry))
      throw new Error(`${path.relative(root, entry)} is missing: run npm run build first`);
  }
  mkdirSync(logDir, { recursive: true });
  let postgres = null;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await import('../packages/db/dist/embedded.js');
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres') });
    databaseUrl = postgres.url;
  }
  const { migrate } = await import('../packages/db/dist/migrate.js');
  await migrate(databaseUrl);

  const backendUrl = `http://127.0.0.1:${backendPort}`;
  const frontendUrl = `http://localhost:${frontendPort}`;
  let backend = null;
  let frontendProcess = null;

  const startBackend = async () => {
    backend = startProcess(backendEntry, {
      logFile: path.join(logDir, 'backend.log'),
      env: {
        NODE_ENV: 'production',
        PORT: String(backendPort),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_SECRET: secret,
        MIGRATE_ON_START: 'false',
        LOG_LEVEL: 'info',
        // The local push service of tests and demos listens on 127.0.0.1.
        OUTBOUND_ALLOW_PRIVATE: 'true',
        ...backendEnv,
      },
    });
    await waitForHttp(`${backendUrl}/health`, { child: backend }).catch((error) => {
      throw new Error(`todo-backend: ${error.message}; see ${path.join(logDir, 'backend.log')}`);
    });
  };
  const stopBackend = async () => {
    const code = await stopProcess(backend);
    backend = null;
    return code;
  };

  const stop = async () => {
    await Promise.all([stopProcess(frontendProcess), stopBackend()]);
    if (postgres) await postgres.stop();
  };

  try {
    await startBackend();
    if (frontend) {
      frontendProcess = startProcess(frontendEntry, {
        logFile: path.join(logDir, 'frontend.log'),
        cwd: path.dirname(frontendEntry),
        env: {
          ...frontendProcessEnv({ port: frontendPort, databaseUrl, secret, backendUrl }),
          ...frontendEnv,
        },
      });
      await waitForHttp(`${frontendUrl}/`, { child: frontendProcess }).catch((error) => {
        throw new Error(
          `todo-frontend: ${error.message}; see ${path.join(logDir, 'frontend.log')}`,
        );
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    databaseUrl,
    /** The embedded cluster's folder and, when it had to move, why (undefined with DATABASE_URL). */
    postgresDataDir: postgres?.dataDir,
    postgresNote: postgres?.note,
    backendUrl,
    frontendUrl,
    secret,
    logDir,
    get backend() {
      return backend;
    },
    get frontend() {
      return frontendProcess;
    },
    startBackend,
    stopBackend,
    stop,
  };
}
