import { describeDay, formatInZone, formatTimeOfDay } from '@todo/schedule';

export interface DueLabel {
  /** Short text for the list, e.g. "Today 14:00", "Tomorrow 09:30", "Mon 9 Jun 18:00". */
  text: string;
  /** Full date and time, in words (the edit conflict's comparison, the MCP tools). */
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
  const delta = due.getTime() - now.getTime();
  return {
    text: `${describeDay(due, now, timeZone)} ${formatTimeOfDay(due, timeZone)}`,
    // Formatted when read: the list's rows never read it, and it was one Intl format per row.
    get full() {
      return formatInZone(due, timeZone, { dateStyle: 'full', timeStyle: 'short' });
    },
    overdue: !completed && delta < 0,
    soon: !completed && delta >= 0 && delta < DAY_MS,
  };
}
