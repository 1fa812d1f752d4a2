// The bare reference of the page scenarios (bench/pages/bare-next): built with `next build` when
// its standalone server is missing or older than its sources, so only a bench run pays for it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/stack.mjs';

export const bareNextDir = path.join(root, 'bench/pages/bare-next');
export const bareNextEntry = path.join(
  bareNextDir,
  '.next/standalone/bench/pages/bare-next/server.js',
);

const sources = () =>
  ['next.config.mjs', ...readdirSync(path.join(bareNextDir, 'app')).map((f) => `app/${f}`)].map(
    (file) => statSync(path.join(bareNextDir, file)).mtimeMs,
  );

/** True when the standalone build is there and newer than every source file. */
export function bareNextBuilt() {
  return existsSync(bareNextEntry) && statSync(bareNextEntry).mtimeMs > Math.max(...sources());
}

/** Builds the bare reference unless it is up to date. */
export function buildBareNext(log) {
  if (bareNextBuilt()) return;
  log('building the bare Next.js reference (bench/pages/bare-next)');
  const next = path.join(root, 'node_modules/next/dist/bin/next');
  execFileSync(process.execPath, [next, 'build'], {
    cwd: bareNextDir,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}
