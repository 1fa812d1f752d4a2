import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export interface DatabaseOptions {
  /** Most connections the pool opens (default 10). */
  max?: number;
  /** Seconds to wait for a connection to open before failing the query (default 5). */
  connectTimeoutSeconds?: number;
  /** Milliseconds a statement may run before PostgreSQL cancels it (default 10 000). */
  statementTimeoutMs?: number;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
}

/** Opens a pooled connection; `sslmode=require` in the URL (Neon) turns TLS on. */
export function createDatabase(url: string, options: DatabaseOptions = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    idle_timeout: 30,
    max_lifetime: 60 * 30,
    // Seconds before a closed connection reconnects. postgres.js's default grows to 20 s, and
    // queries queue behind it: after a short outage requests hung long after PostgreSQL was back.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 0.5),
    onnotice: () => {},
    connection: {
      application_name: options.applicationName ?? 'todo',
      statement_timeout: options.statementTimeoutMs ?? 10_000,
    },
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

export type Database = ReturnType<typeof createDatabase>['db'];
export { schema };
