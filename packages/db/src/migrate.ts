import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as drizzleMigrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrateBoss, postgresParameter } from './boss.js';

/** The committed SQL migrations; `../migrations` from both `src/` and `dist/`. */
export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Arbitrary, fixed key of the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 7_346_201_811;

/**
 * Applies every pending migration, then pg-boss's (the reminder queue). Safe to call from many replicas at once: they queue on a
 * session-level advisory lock and each finds the work already done. Idempotent.
 */
export async function migrate(url: string, folder = migrationsFolder): Promise<void> {
  // One dedicated connection: the advisory lock belongs to the session that takes it.
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await drizzleMigrate(drizzle(sql), { migrationsFolder: folder });
      // The job queue's tables (pg-boss), made by the owner as the app's own tables are.
      await migrateBoss({
        executeSql: async (text, values = []) => ({
          rows: await sql.unsafe(
            text,
            values.map(postgresParameter) as postgres.ParameterOrJSON<never>[],
          ),
        }),
      });
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
