import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readServerEnv } from '@/lib/env/read';

/**
 * An invalid environment stops start-up with one line on stderr: no stack trace, never a
 * secret's value.
 */
export function checkEnvironmentOrExit(): void {
  const result = readServerEnv(process.env);
  if (result.ok) return;
  process.stderr.write(`todo-frontend: ${result.problem}\n`);
  process.exit(1);
}

/**
 * Next.js writes its caches under .next/cache and does not report it when it cannot: on a
 * read-only root without the chart's emptyDir there, a signed-in user was shown "No tasks" after
 * creating one, with nothing in the log. So the server refuses to start without it, in one line.
 */
export function checkCacheWritableOrExit(dir = path.join(process.cwd(), '.next', 'cache')): void {
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch {
    process.stderr.write(
      `todo-frontend: ${dir} must be writable: mount a writable volume there (the chart's next-cache emptyDir)\n`,
    );
    process.exit(1);
  }
}
