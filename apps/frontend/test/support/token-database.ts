import { createDatabase, type Database } from '@todo/db/client';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/support/test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by tests/support/postgres-global-setup.ts. */
    postgresServerUrl: string;
  }
}

export interface TokenTestDatabase {
  database: TestDatabase;
  /** A pool of its own, as a second frontend replica would have. */
  db: Database;
  /** Inserts users into Better Auth's table, as signing up would. */
  createUsers(...ids: string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh migrated database for one test file, and the environment that points the frontend's
 * own pool (getDatabase) at it.
 */
export async function openTokenDatabase(
  env: Record<string, string> = {},
): Promise<TokenTestDatabase> {
  const database = await createTestDatabase(inject('postgresServerUrl'));
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    ...env,
  });
  const { db, sql, close } = createDatabase(database.url, { max: 2 });
  return {
    database,
    db,
    async createUsers(...ids) {
      for (const id of ids) {
        await sql`insert into "user" (id, name, email, email_verified, created_at, updated_at)
          values (${id}, ${id}, ${`${id}@example.com`}, false, now(), now())`;
      }
    },
    async close() {
      await close();
      await database.drop();
    },
  };
}

/**
 * Waits (at most a few seconds) until the current minute has at least 10 s left, so that a burst
 * of requests falls in one window even on a loaded machine.
 */
export async function waitForFreshWindow(db: Database) {
  const [row] = await db.execute<{ seconds: number }>(
    sql`select extract(second from clock_timestamp())::float8 as seconds`,
  );
  const seconds = row?.seconds ?? 0;
  if (seconds > 50) await new Promise((resolve) => setTimeout(resolve, (61 - seconds) * 1000));
}
