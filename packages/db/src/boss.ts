import PgBoss from 'pg-boss';

/** The schema pg-boss keeps its queue tables in (created by migrate(), as the owner). */
export const BOSS_SCHEMA = 'pgboss';

/**
 * The queues the backend works. Each is a partition table pg-boss creates, which takes CREATE on
 * the schema: so they are made here, by the migration step, and the runtime role only uses them.
 */
export const QUEUE_NAMES = ['reminder', 'digest', 'webhook'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** What pg-boss runs its SQL through (its `db` option): a transaction of ours, or a connection. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** pg-boss writes node-postgres parameters; postgres.js wants them spelled out. */
export function postgresParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    return `{${value.map((item) => JSON.stringify(String(item))).join(',')}}`;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return JSON.stringify(value);
  }
  return value;
}

/**
 * Installs or upgrades pg-boss's tables and creates the queues, through `db` (the migration's
 * connection, which holds the migrations' advisory lock). Idempotent.
 */
export async function migrateBoss(db: SqlExecutor): Promise<void> {
  const boss = new PgBoss({
    db: db as PgBoss.Db,
    schema: BOSS_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    for (const name of QUEUE_NAMES) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name);
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}
