import type { Database } from '@todo/db/client';
import { isConnectionLost } from '../lib/database-errors.js';
import type { Transaction } from './restored-occurrence.js';

/**
 * Runs `work` in a transaction. postgres.js answers a failed transaction with ROLLBACK on the
 * same connection; when that connection is gone, the write throws outside any promise and kills
 * the process (porsager/postgres#1208). PostgreSQL has rolled back already, and db.transaction
 * rejects by itself when the connection closes: so the callback stays unsettled and sends
 * nothing more.
 */
export function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction((tx) =>
    work(tx).catch((error: unknown) => {
      if (isConnectionLost(error)) return new Promise<never>(() => {});
      throw error;
    }),
  );
}
