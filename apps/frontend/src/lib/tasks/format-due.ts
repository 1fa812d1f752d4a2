import { startOfZonedDay } from '@todo/schedule';

export interface DueLabel {
  /** Short text for the list, e.g. "Today 14:00", "Tomorrow 09:30", "Mon 9 Jun 18:00". */
  text: string;
  /** Full date and time for a tooltip / screen readers. */
  full: string;
  overdue: boolean;
  /** Due within the next 24 hours. */
  soon: boolean;
}

const LOCALE = 'en-GB';
const DAY_MS = 24 * 60 * 60 * 1000;

function format(instant: Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, ...options }).format(instant);
}

/** Describes a due date relative to now, in the user's zone (a fixed locale keeps SSR stable). */
export function describeDue(
  dueAt: string,
  now: Date,
  timeZone: string,
  completed = false,
): DueLabel {
  const due = new Date(dueAt);
  const time = format(due, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const today = startOfZonedDay(now, timeZone).getTime();
  const dayDiff = Math.round((startOfZonedDay(due, timeZone).getTime() - today) / DAY_MS);
  let day: string;
  if (dayDiff === 0) day = 'Today';
  else if (dayDiff === 1) day = 'Tomorrow';
  else if (dayDiff === -1) day = 'Yesterday';
  else if (dayDiff > 1 && dayDiff < 7) day = format(due, timeZone, { weekday: 'long' });
  else {
    const sameYear =
      format(due, timeZone, { year: 'numeric' }) === format(now, timeZone, { year: 'numeric' });
    day = format(due, timeZone, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(sameYear ? {} : { year: 'numeric' }),
    });
  }
  const full = format(due, timeZone, { dateStyle: 'full', timeStyle: 'short' });
  const delta = due.getTime() - now.getTime();
  return {
    text: `${day} ${time}`,
    full,
    overdue: !completed && delta < 0,
    soon: !completed && delta >= 0 && delta < DAY_MS,
  };
}
