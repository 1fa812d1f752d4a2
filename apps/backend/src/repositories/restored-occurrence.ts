import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { type CompletionPlan, isNextOccurrence } from '@todo/schedule';
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';

const { tasks } = schema;

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * A pending task of the series that already is the occurrence a completion of `completedId`
 * would create. Deleting an occurrence unlinks it (ON DELETE SET NULL), and undoing the deletion
 * creates it again as a new task: completing the task before it once more must not add a twin.
 * The one found takes the series' anchor and place, as the deleted occurrence had them.
 */
export async function restoredOccurrence(
  tx: Transaction,
  completedId: number,
  occurrence: { userId: string; title: string; rrule: string | null },
  plan: Extract<CompletionPlan, { create: true }>,
): Promise<{ id: number } | undefined> {
  const candidates = await tx
    .select({ id: tasks.id, dueAt: tasks.dueAt })
    .from(tasks)
    .where(
      and(
        eq(tasks.userId, occurrence.userId),
        eq(tasks.title, occurrence.title),
        occurrence.rrule === null ? isNull(tasks.rrule) : eq(tasks.rrule, occurrence.rrule),
        eq(tasks.completed, false),
        sql`${tasks.id} <> ${completedId}`,
        gt(tasks.dueAt, plan.after),
        lte(tasks.dueAt, plan.next.dueAt),
      ),
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id));
  const found = candidates.find((task) => task.dueAt && isNextOccurrence(task.dueAt, plan));
  if (found) {
    const { recurrenceAnchorAt, occurrence: place } = plan.next;
    await tx
      .update(tasks)
      .set({ recurrenceAnchorAt, occurrence: place })
      .where(eq(tasks.id, found.id));
  }
  return found;
}
