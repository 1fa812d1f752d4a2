import type { ReminderInput } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { refused } from '../lib/refused.js';
import type { Transaction } from '../repositories/restored-occurrence.js';
import { fireTime } from './fire-time.js';
import type { ReminderJobs } from './queue.js';

const { reminders, tasks, notificationSettings } = schema;

type Runner = Database | Transaction;

/**
 * The reminders a task gets when its write names none: the user's default reminder for a task
 * with a due time (none without a settings row or a due time).
 */
export async function defaultReminders(
  runner: Runner,
  userId: string,
  dueAt: Date | null,
): Promise<ReminderInput[]> {
  if (!dueAt) return [];
  const [settings] = await runner
    .select({
      kind: notificationSettings.defaultReminderKind,
      minutes: notificationSettings.defaultMinutesBefore,
    })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  if (settings?.kind === 'due') return [{ kind: 'due' }];
  if (settings?.kind === 'before' && settings.minutes !== null) {
    return [{ kind: 'before', minutes_before: settings.minutes }];
  }
  return [];
}

/** Refuses reminders relative to a due time the task does not have; nothing is written then. */
export function checkReminders(inputs: readonly ReminderInput[], dueAt: Date | null): void {
  if (dueAt || inputs.every((input) => input.kind === 'at')) return;
  throw refused(
    422,
    'reminders: "due" and "before" reminders need the task to have a due time (due_at)',
  );
}

/**
 * Replaces the reminders of task `taskId` with `inputs` and cancels the old ones' jobs. The new
 * rows have no fire time yet: syncReminders gives them one with the task as written.
 */
export async function replaceReminders(
  tx: Transaction,
  jobs: ReminderJobs,
  task: { id: number; userId: string },
  inputs: readonly ReminderInput[],
): Promise<void> {
  const old = await tx
    .delete(reminders)
    .where(eq(reminders.taskId, task.id))
    .returning({ jobId: reminders.jobId });
  await jobs.cancel(tx, jobIdsOf(old));
  await insertReminders(tx, [{ task, inputs }]);
}

/**
 * Writes the reminders of new tasks (or of tasks whose old ones are gone), without fire times:
 * syncReminders gives them theirs with the tasks as written.
 */
export async function insertReminders(
  tx: Transaction,
  named: readonly { task: { id: number; userId: string }; inputs: readonly ReminderInput[] }[],
): Promise<void> {
  const rows = named.flatMap(({ task, inputs }) =>
    inputs.map((input) => ({
      userId: task.userId,
      taskId: task.id,
      kind: input.kind,
      minutesBefore: input.kind === 'before' ? input.minutes_before : null,
      at: input.kind === 'at' ? new Date(input.at) : null,
    })),
  );
  if (rows.length > 0) await tx.insert(reminders).values(rows);
}

/**
 * Gives the next occurrence of a repeating task copies of the completed one's reminders: those
 * relative to the due time as they are, absolute ones moved as far as the due time moved.
 */
export async function copyReminders(
  tx: Transaction,
  fromTaskId: number,
  toTaskId: number,
  shiftMs: number,
): Promise<void> {
  const rows = await tx.select().from(reminders).where(eq(reminders.taskId, fromTaskId));
  if (rows.length === 0) return;
  await tx.insert(reminders).values(
    rows.map((row) => ({
      userId: row.userId,
      taskId: toTaskId,
      kind: row.kind,
      minutesBefore: row.minutesBefore,
      at: row.at ? new Date(row.at.getTime() + shiftMs) : null,
    })),
  );
}

const sameTime = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Brings the fire time and the queued job of every reminder of these tasks in line with the task
 * as it now is, in the caller's transaction: a reminder whose fire time changed has its old job
 * cancelled and a new one queued. Answers how many changed.
 */
export async function syncReminders(
  tx: Transaction,
  jobs: ReminderJobs,
  taskIds: readonly number[],
  now = new Date(),
): Promise<number> {
  if (taskIds.length === 0) return 0;
  const rows = await tx
    .select({
      id: reminders.id,
      kind: reminders.kind,
      minutesBefore: reminders.minutesBefore,
      at: reminders.at,
      fireAt: reminders.fireAt,
      jobId: reminders.jobId,
      dueAt: tasks.dueAt,
      completed: tasks.completed,
    })
    .from(reminders)
    .innerJoin(tasks, eq(tasks.id, reminders.taskId))
    .where(inArray(reminders.taskId, [...taskIds]))
    .orderBy(reminders.id)
    .for('update', { of: reminders });
  let changed = 0;
  for (const row of rows) {
    const next = fireTime(row, row, now);
    if (sameTime(next, row.fireAt) && (next === null || row.jobId !== null)) continue;
    await jobs.cancel(tx, jobIdsOf([row]));
    const jobId = next
      ? await jobs.schedule(tx, { reminderId: row.id, fireAt: next.toISOString() })
      : null;
    await tx.update(reminders).set({ fireAt: next, jobId }).where(eq(reminders.id, row.id));
    changed++;
  }
  return changed;
}

/** Cancels the queued jobs of the reminders of the tasks `which` selects (before deleting them). */
export async function cancelRemindersOf(
  tx: Transaction,
  jobs: ReminderJobs,
  which: SQL | undefined,
): Promise<void> {
  const rows = await tx
    .select({ jobId: reminders.jobId })
    .from(reminders)
    .innerJoin(tasks, eq(tasks.id, reminders.taskId))
    .where(and(which, isNotNull(reminders.jobId)));
  await jobs.cancel(tx, jobIdsOf(rows));
}

function jobIdsOf(rows: readonly { jobId: string | null }[]): string[] {
  return rows.flatMap((row) => (row.jobId ? [row.jobId] : []));
}
