import 'server-only';
import { readServerEnv, type ServerEnv } from '@/lib/env/read';

let cached: ServerEnv | undefined;

/** The validated environment; instrumentation.ts has already stopped start-up if it is invalid. */
export function getServerEnv(): ServerEnv {
  if (cached) return cached;
  const result = readServerEnv(process.env);
  if (!result.ok) throw new Error(result.problem);
  cached = result.env;
  return cached;
}
