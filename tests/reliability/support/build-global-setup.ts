// Loaded by Vitest outside the projects' resolver: plain Node imports only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The backend processes' output, kept for a look after a failure; emptied at each run's start. */
export const LOG_DIR = path.join(tmpdir(), 'todo-reliability-logs');

/** The build outputs the reliability tests run, and the sources they are made from. */
const OUTPUTS = [
  'packages/contract/dist/index.js',
  'packages/db/dist/client.js',
  'packages/db/dist/embedded.js',
  'packages/db/dist/migrate.js',
  'apps/backend/dist/server.js',
];
// The backend bundle includes @todo/schedule's source.
const SOURCES = [
  'packages/contract/src',
  'packages/schedule/src',
  'packages/db/src',
  'apps/backend/src',
];

function newestMtime(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/**
 * The tests exercise the production build, so it must exist and be at least as new as the
 * sources; `npm test` builds first, a bare `vitest run` may not have.
 */
export default function setup() {
  rmSync(LOG_DIR, { recursive: true, force: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const outputs = OUTPUTS.map((output) => path.join(root, output));
  const missing = outputs.some((output) => !existsSync(output));
  const stale =
    !missing &&
    Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source)))) >
      Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  if (!missing && !stale) return;
  console.log(`reliability: the backend build is ${missing ? 'missing' : 'stale'}; building it`);
  execFileSync(
    'npm',
    ['run', 'build', '-w', '@todo/contract', '-w', '@todo/db', '-w', '@todo/backend'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
