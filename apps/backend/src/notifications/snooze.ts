import {
  REMINDER_LIMITS,
  type Reminder,
  type ReminderInput,
  type SnoozeBody,
} from '@todo/contract';
import { startOfZonedDay, zonedParts, zonedTimeToInstant } from '@todo/schedule';
import { refused } from '../lib/refused.js';

const PRESET_MINUTES = { '10m': 10, '1h': 60 } as const;
/** `tomorrow`: this hour of the next day in the task's zone. */
export const SNOOZE_MORNING_HOUR = 9;

/** When a snooze asks to be reminded again; `until` must lie ahead. */
export function snoozeUntil(body: SnoozeBody, now: Date, timeZone: string): Date {
  if ('until' in body) {
    const until = new Date(body.until);
    if (!(until.getTime() > now.getTime())) throw refused(422, 'until: must be in the future');
    return until;
  }
  if (body.preset === 'tomorrow') {
    const day = zonedParts(startOfZonedDay(now, timeZone, 1), timeZone);
    return zonedTimeToInstant(timeZone, day.year, day.month, day.day, SNOOZE_MORNING_HOUR, 0);
  }
  return new Date(now.getTime() + PRESET_MINUTES[body.preset] * 60_000);
}

function inputOf(reminder: Reminder): ReminderInput | null {
  if (reminder.kind === 'before' && reminder.minutes_before !== null) {
    return { kind: 'before', minutes_before: reminder.minutes_before };
  }
  if (reminder.kind === 'at') return reminder.at === null ? null : { kind: 'at', at: reminder.at };
  return { kind: 'due' };
}

/**
 * The task's reminders with one more at `at`. `at` reminders already past are dropped, so
 * snoozing again and again does not fill the task up with spent ones; the others stay.
 */
export function remindersAfterSnooze(
  current: readonly Reminder[],
  at: Date,
  now: Date,
): ReminderInput[] {
  const kept = current
    .map(inputOf)
    .filter((reminder) => reminder !== null)
    .filter((reminder) => reminder.kind !== 'at' || new Date(reminder.at) > now)
    .filter(
      (reminder) => reminder.kind !== 'at' || new Date(reminder.at).getTime() !== at.getTime(),
    );
  if (kept.length >= REMINDER_LIMITS.perTask) {
    throw refused(
      409,
      `The task has ${REMINDER_LIMITS.perTask} reminders already, the most it may have; remove one first`,
    );
  }
  return [...kept, { kind: 'at', at: at.toISOString() }];
}
