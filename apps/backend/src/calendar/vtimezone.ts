import { zoneOffsetMinutes } from '@todo/schedule';
import { localDateTime, utcOffset } from './ics-text.js';

/**
 * VTIMEZONE components written from the runtime's own zone data (Intl), so a calendar expands a
 * TZID'd repeat rule across DST the way the app does: 09:00 stays 09:00. The zone's current
 * rule is written as yearly RRULEs ("last Sunday of March at 02:00"), so a series years ahead
 * still lands right; transitions before that rule took hold are written one by one.
 */

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

interface Transition {
  /** The instant the offset changes. */
  at: number;
  from: number;
  to: number;
}

const offsetAt = (instant: number, timeZone: string) =>
  zoneOffsetMinutes(new Date(instant), timeZone);

/**
 * Every offset change from `start` to `end`. The offset is sampled weekly (no zone changes
 * twice within a week), then each change is narrowed to the minute by halving.
 */
function transitions(timeZone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let before = offsetAt(start, timeZone);
  for (let low = start; low < end; low += WEEK) {
    const high = Math.min(low + WEEK, end);
    const after = offsetAt(high, timeZone);
    if (after === before) continue;
    let [from, to] = [low, high];
    while (to - from > MINUTE) {
      const middle = from + Math.floor((to - from) / MINUTE / 2) * MINUTE;
      if (offsetAt(middle, timeZone) === before) from = middle;
      else to = middle;
    }
    found.push({ at: to, from: before, to: after });
    before = after;
  }
  return found;
}

/** The wall-clock time a transition happens at, on the clock before it (RFC 5545 §3.6.5). */
function localStart(transition: Transition) {
  const wall = new Date(transition.at + transition.from * MINUTE);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: WEEKDAYS[wall.getUTCDay()] as string,
  };
}

/** The yearly rule naming a transition's day: the nth weekday of its month, or the last one. */
function yearlyRule(transition: Transition): string {
  const { year, month, day, weekday } = localStart(transition);
  const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const position = day + 7 > monthLength ? -1 : Math.ceil(day / 7);
  return `FREQ=YEARLY;BYMONTH=${month};BYDAY=${position}${weekday}`;
}

/** What must be equal from year to year for one yearly RRULE to describe a transition. */
function signature(transition: Transition): string {
  const { hour, minute, second } = localStart(transition);
  return `${yearlyRule(transition)} ${hour}:${minute}:${second} ${transition.from}>${transition.to}`;
}

function observance(transition: Transition, rrule?: string): string[] {
  const kind = transition.to > transition.from ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localDateTime(localStart(transition))}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${utcOffset(transition.from)}`,
    `TZOFFSETTO:${utcOffset(transition.to)}`,
    `END:${kind}`,
  ];
}

const yearOf = (transition: Transition) => new Date(transition.at).getUTCFullYear();

/**
 * The VTIMEZONE lines for `timeZone` (an IANA name the runtime knows), right for every date from
 * `fromYear` on. The zone's transitions up to `toYear` are read; the years at the end that all
 * repeat the same ones become RRULEs, the earlier ones are written as they happened.
 */
export function vtimezoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const found = transitions(timeZone, start, Date.UTC(toYear + 1, 0, 1));
  const byYear = new Map<number, Transition[]>();
  for (const transition of found) {
    byYear.set(yearOf(transition), [...(byYear.get(yearOf(transition)) ?? []), transition]);
  }
  const key = (year: number) => (byYear.get(year) ?? []).map(signature).join('|');
  // The run of years ending at toYear with the same transitions: the rule in force now.
  let ruleYear = toYear + 1;
  const current = key(toYear);
  if (current !== '') while (ruleYear - 1 >= fromYear && key(ruleYear - 1) === current) ruleYear--;
  const initial = offsetAt(start, timeZone);
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    // The offset in force when the window starts, for any date before its first transition.
    ...observance({ at: start - initial * MINUTE, from: initial, to: initial }),
  ];
  for (const transition of found) {
    if (yearOf(transition) < ruleYear) lines.push(...observance(transition));
  }
  for (const transition of byYear.get(ruleYear) ?? []) {
    lines.push(...observance(transition, yearlyRule(transition)));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
