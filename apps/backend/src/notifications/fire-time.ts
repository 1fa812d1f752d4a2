import type { ReminderKind } from '@todo/contract';

/** A reminder as stored, with what its fire time depends on. */
export interface ReminderTiming {
  kind: ReminderKind;
  minutesBefore: number | null;
  at: Date | null;
}

/** A write may set a fire time up to this far in the past: it fires at once (clock skew, slow typing). */
export const PAST_GRACE_MS = 60_000;

/** When the reminder fires for a task due at `dueAt`, before the past and completion are considered. */
export function scheduledTime(reminder: ReminderTiming, dueAt: Date | null): Date | null {
  if (reminder.kind === 'at') return reminder.at;
  if (!dueAt) return null;
  const before = reminder.kind === 'before' ? (reminder.minutesBefore ?? 0) : 0;
  return new Date(dueAt.getTime() - before * 60_000);
}

/**
 * The fire time to store: none for a completed task; a time that did not change is kept (it may
 * have fired already); a new one more than a minute in the past will not fire.
 */
export function fireTime(
  reminder: ReminderTiming & { fireAt: Date | null },
  task: { dueAt: Date | null; completed: boolean },
  now: Date,
): Date | null {
  if (task.completed) return null;
  const time = scheduledTime(reminder, task.dueAt);
  if (!time) return null;
  if (reminder.fireAt && reminder.fireAt.getTime() === time.getTime()) return time;
  return time.getTime() < now.getTime() - PAST_GRACE_MS ? null : time;
}
