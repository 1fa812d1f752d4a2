import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { isNextOccurrence } from '../lib/recurrence.js';

const { tasks } = schema;

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * A pending task of the series that already is the occurrence a completion of `completedId`
 * would create. Deleting an occurrence unlinks it (ON DELETE SET NULL), and undoing the deletion
 * creates it again as a new task: completing the task before it once more must not add a twin.
 * The one found takes the series' anchor, as the deleted occurrence had it.
 */
export async function restoredOccurrence(
  tx: Transaction,
  completedId: number,
  occurrence: Partial<typeof tasks.$inferInsert> & { userId: string; title: string; dueAt: Date },
  after: Date,
): Promise<{ id: number } | undefined> {
  const candidates = await tx
    .select({ id: tasks.id, dueAt: tasks.dueAt })
    .from(tasks)
    .where(
      and(
        eq(tasks.userId, occurrence.userId),
        eq(tasks.title, occurrence.title),
        occurrence.rrule ? eq(tasks.rrule, occurrence.rrule) : isNull(tasks.rrule),
        eq(tasks.completed, false),
        sql`${tasks.id} <> ${completedId}`,
        gt(tasks.dueAt, after),
        lte(tasks.dueAt, occurrence.dueAt),
      ),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id));
  const anchor = occurrence.recurrenceAnchorAt ?? null;
  const found = candidates.find(
    (task) => task.dueAt && isNextOccurrence(task.dueAt, occurrence.dueAt, anchor, after),
  );
  if (found && anchor) {
    await tx
      .update(tasks)
      .set({ recurrenceAnchorAt: anchor })
      .where(and(eq(tasks.id, found.id), isNull(tasks.recurrenceAnchorAt)));
  }
  return found;
}
