import { vtimezoneLines } from './vtimezone.js';

/**
 * Years of a zone's history written out before its current rule: older due dates get the offset
 * in force at the window's start. Bounds the work (~52 Intl calls a year) whatever a task's date.
 */
const HISTORY_YEARS = 30;
const MAX_CACHED = 200;
const cache = new Map<string, string[]>();

/** One VTIMEZONE, cached: a zone's transitions cost a few hundred Intl calls to find. */
function cachedVtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const key = `${timeZone}|${fromYear}|${toYear}`;
  let lines = cache.get(key);
  if (!lines) {
    lines = vtimezoneLines(timeZone, fromYear, toYear);
    if (cache.size >= MAX_CACHED) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, lines);
  }
  return lines;
}

/**
 * The VTIMEZONE of every zone the events use, each covering its events' years: from the year
 * before the earliest (a due date early in January may be the year before on the local clock)
 * to two years ahead, the zone's current rule repeating beyond.
 */
export function zoneDefinitions(
  uses: readonly { timeZone: string; year: number }[],
  currentYear: number,
): string[] {
  const earliest = new Map<string, number>();
  for (const { timeZone, year } of uses) {
    earliest.set(timeZone, Math.min(year, earliest.get(timeZone) ?? year));
  }
  const toYear = currentYear + 2;
  return [...earliest].flatMap(([timeZone, year]) =>
    cachedVtimezone(timeZone, Math.min(Math.max(year - 1, toYear - HISTORY_YEARS), toYear), toYear),
  );
}
