import 'server-only';
import { createDatabase, type Database } from '@todo/db/client';
import { getServerEnv } from '@/lib/env/server';

const pools = new Map<string, Database>();

/**
 * The frontend's one connection pool per database: Better Auth's tables, and the credentials it
 * checks on the public API and /mcp. Created on first use, so `next build` needs no database.
 */
export function getDatabase(url: string = getServerEnv().databaseUrl): Database {
  let db = pools.get(url);
  if (!db) {
    db = createDatabase(url, { applicationName: 'todo-frontend', max: 5 }).db;
    pools.set(url, db);
  }
  return db;
}
