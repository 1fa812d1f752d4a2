import {
  MINUTES_BEFORE_CHOICES,
  REMINDER_LIMITS,
  type Reminder,
  type ReminderInput as ReminderInputValue,
} from '@todo/contract';
import { describeMinutes } from '@todo/schedule';
import { describeDue } from '@/lib/tasks/format-due';

/**
 * Reminders as the task editor holds them: the contract's ReminderInput (an `at` already an
 * instant), so a draft's reminders are sent as they are. The fire time shown is the server's
 * `fire_at` once saved; before that it is worked out here the same way.
 */

/** "30 min before", "1 hour before", "2 days before": quick add's chips say the same. */
export const beforeLabel = (minutes: number): string => `${describeMinutes(minutes)} before`;

export const BEFORE_OPTIONS = MINUTES_BEFORE_CHOICES.map((minutes) => ({
  value: String(minutes),
  label: beforeLabel(minutes),
}));

/** What a reminder is, in words: "At the due time", "15 min before", "At Mon 9 Jun 18:00". */
export function describeReminder(
  reminder: ReminderInputValue,
  now: Date,
  timeZone: string,
): string {
  if (reminder.kind === 'due') return 'At the due time';
  if (reminder.kind === 'before') return beforeLabel(reminder.minutes_before);
  return `At ${describeDue(reminder.at, now, timeZone).text}`;
}

/** The reminders a task has, as the editor writes them back. */
export function reminderInputs(reminders: readonly Reminder[]): ReminderInputValue[] {
  return reminders.map((reminder): ReminderInputValue => {
    if (reminder.kind === 'before' && reminder.minutes_before !== null) {
      return { kind: 'before', minutes_before: reminder.minutes_before };
    }
    if (reminder.kind === 'at' && reminder.at !== null) return { kind: 'at', at: reminder.at };
    return { kind: 'due' };
  });
}

/** Names a reminder; two with the same key are the same reminder. */
export const reminderKey = (reminder: ReminderInputValue): string =>
  reminder.kind === 'due'
    ? 'due'
    : reminder.kind === 'before'
      ? `before:${reminder.minutes_before}`
      : `at:${Date.parse(reminder.at)}`;

export function sameReminders(
  a: readonly ReminderInputValue[],
  b: readonly ReminderInputValue[],
): boolean {
  const keys = (list: readonly ReminderInputValue[]) => list.map(reminderKey).sort().join('|');
  return keys(a) === keys(b);
}

/** Adds a reminder unless the task has the same one already or is at the limit. */
export function addReminder(
  reminders: readonly ReminderInputValue[],
  added: ReminderInputValue,
): { reminders: ReminderInputValue[]; error?: string } {
  if (reminders.some((each) => reminderKey(each) === reminderKey(added))) {
    return { reminders: [...reminders], error: 'The task has that reminder already.' };
  }
  if (reminders.length >= REMINDER_LIMITS.perTask) {
    return {
      reminders: [...reminders],
      error: `A task can have at most ${REMINDER_LIMITS.perTask} reminders.`,
    };
  }
  return { reminders: [...reminders, added] };
}

export type FireTime = { at: string } | { reason: string };

/**
 * When a reminder fires for a task due at `dueAt`, or why it will not: the backend's rule
 * (relative reminders need a due time; a time already passed does not fire; nor does a
 * completed task's).
 */
export function fireTime(
  reminder: ReminderInputValue,
  dueAt: string | null,
  now: Date,
  completed = false,
): FireTime {
  if (completed) return { reason: 'The task is completed' };
  let at: number;
  if (reminder.kind === 'at') at = Date.parse(reminder.at);
  else if (!dueAt) return { reason: 'Needs a due time' };
  else at = Date.parse(dueAt) - (reminder.kind === 'before' ? reminder.minutes_before : 0) * 60_000;
  if (Number.isNaN(at)) return { reason: 'Not a valid time' };
  if (at <= now.getTime()) return { reason: 'That time has passed' };
  return { at: new Date(at).toISOString() };
}
