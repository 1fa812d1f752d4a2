import { readServerEnv } from './server-env';

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
