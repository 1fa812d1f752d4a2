import { startOfZonedDay, zonedParts } from './zoned-time.js';

// A fixed locale keeps server and browser renderings identical.
const LOCALE = 'en-GB';
const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant formatted in the zone. Formatters are kept: making one costs about as much as
 * rendering a task row, and the tasks page formatted five per row (17% of the frontend's CPU per
 * page, docs/benchmarks.md "Issue 13: the page"). Zones and option sets are few, so the map stays
 * small.
 */
export function formatInZone(
  instant: Date,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const key = `${timeZone} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALE, { timeZone, ...options });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}

const format = formatInZone;

/**
 * The day of an instant relative to now, in the zone: "Today", "Tomorrow", "Yesterday", a weekday
 * within the coming week ("Friday"), else "Mon 9 Jun" (with the year when it is not this one).
 */
export function describeDay(instant: Date, now: Date, timeZone: string): string {
  const today = startOfZonedDay(now, timeZone).getTime();
  const dayDiff = Math.round((startOfZonedDay(instant, timeZone).getTime() - today) / DAY_MS);
  if (dayDiff === 0) return 'Today';
  if (dayDiff === 1) return 'Tomorrow';
  if (dayDiff === -1) return 'Yesterday';
  if (dayDiff > 1 && dayDiff < 7) return format(instant, timeZone, { weekday: 'long' });
  const sameYear = zonedParts(instant, timeZone).year === zonedParts(now, timeZone).year;
  return format(instant, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** "30 min", "1 hour", "2 days", "1 week": the largest unit that divides the minutes. */
export function describeMinutes(minutes: number): string {
  for (const [size, unit] of [
    [10_080, 'week'],
    [1440, 'day'],
    [60, 'hour'],
  ] as const) {
    if (minutes % size === 0) {
      const n = minutes / size;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return `${minutes} min`;
}
