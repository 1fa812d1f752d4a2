import { describeDay, formatInZone, formatTimeOfDay } from '@todo/schedule';

export interface DueLabel {
  /** Short text for the list, e.g. "Today 14:00", "Tomorrow 09:30", "Mon 9 Jun 18:00". */
  text: string;
  /** Full date and time for a tooltip / screen readers. */
  full: string;
  overdue: boolean;
  /** Due within the next 24 hours. */
  soon: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Describes a due date relative to now, in the user's zone (a fixed locale keeps SSR stable). */
export function describeDue(
  dueAt: string,
  now: Date,
  timeZone: string,
  completed = false,
): DueLabel {
  const due = new Date(dueAt);
  const full = formatInZone(due, timeZone, { dateStyle: 'full', timeStyle: 'short' });
  const delta = due.getTime() - now.getTime();
  return {
    text: `${describeDay(due, now, timeZone)} ${formatTimeOfDay(due, timeZone)}`,
    full,
    overdue: !completed && delta < 0,
    soon: !completed && delta >= 0 && delta < DAY_MS,
  };
}
