import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, asc, gt, inArray, max, min, sql } from 'drizzle-orm';
import type { ChangeEvent } from './change-hub.js';

const { changeEvents } = schema;

/** The columns a live update carries: no row data, the page re-reads what it shows. */
const columns = {
  id: changeEvents.id,
  userId: changeEvents.userId,
  entity: changeEvents.entity,
  entityId: changeEvents.entityId,
  op: changeEvents.op,
};

/** The changes with these ids (announced by NOTIFY, so committed), in id order. */
export function changesWithIds(db: Database, ids: readonly number[]): Promise<ChangeEvent[]> {
  return db
    .select(columns)
    .from(changeEvents)
    .where(inArray(changeEvents.id, [...ids]))
    .orderBy(asc(changeEvents.id));
}

/** These users' changes after `after`, oldest first, at most `limit`. */
export function changesAfter(
  db: Database,
  userIds: readonly string[],
  after: number,
  limit: number,
): Promise<ChangeEvent[]> {
  return db
    .select(columns)
    .from(changeEvents)
    .where(and(inArray(changeEvents.userId, [...userIds]), gt(changeEvents.id, after)))
    .orderBy(asc(changeEvents.id))
    .limit(limit);
}

/** The first and last id the log still holds (0 and 0 when it is empty). */
export async function changeLogBounds(db: Database): Promise<{ oldest: number; latest: number }> {
  const [row] = await db
    .select({ oldest: min(changeEvents.id), latest: max(changeEvents.id) })
    .from(changeEvents);
  return { oldest: Number(row?.oldest ?? 0), latest: Number(row?.latest ?? 0) };
}

/** Rows one prune statement deletes: short statements, well inside the statement timeout. */
const PRUNE_BATCH = 5_000;

/** Deletes the changes older than `days`, in batches; how many it removed. */
export async function pruneChanges(db: Database, days: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.execute(sql`
      delete from change_events where id in (
        select id from change_events where occurred_at < now() - make_interval(days => ${days})
          -- never a change the webhook dispatcher has yet to read
          and id <= (select last_event_id from change_cursors where name = 'webhooks')
        order by id limit ${PRUNE_BATCH})`);
    total += deleted.count;
    if (deleted.count < PRUNE_BATCH) return total;
  }
}
