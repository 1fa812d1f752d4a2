// Runs `npm run build` unless the build output is newer than every source file it is made from,
// so `npm start` and `npm test` work on a fresh clone and stay quick the second time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { backendEntry, frontendEntry, root } from './stack.mjs';

const SOURCES = [
  'package-lock.json',
  'packages/contract',
  'packages/schedule',
  'packages/db',
  'apps/backend',
  'apps/frontend',
];
const SKIP = new Set([
  'node_modules',
  'dist',
  '.next',
  'test',
  'e2e',
  'test-results',
  'playwright-report',
]);
// Written by the build itself: counting them would make every build look stale at once.
const GENERATED = new Set(['apps/backend/migrations', 'apps/frontend/next-env.d.ts']);
const OUTPUTS = [
  'packages/contract/dist/index.js',
  'packages/schedule/dist/index.js',
  'packages/db/dist/client.js',
  path.relative(root, backendEntry),
  path.relative(root, frontendEntry),
];

function newestMtime(target) {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (SKIP.has(entry) || entry.endsWith('.tsbuildinfo')) continue;
    if (GENERATED.has(path.relative(root, path.join(target, entry)))) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function buildIsStale() {
  const outputs = OUTPUTS.map((output) => path.join(root, output));
  if (!outputs.every((output) => existsSync(output))) return true;
  const oldestOutput = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source))));
  return newestSource > oldestOutput;
}

export function buildIfStale() {
  if (!buildIsStale()) return;
  console.log('Building (npm run build)…');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
