import { WEEKDAYS } from '@todo/contract';
import {
  calendarDate,
  dateInMonth,
  instantAt,
  monthIndex,
  type WallTime,
  wallTime,
  weekdayIndex,
  weekdayOf,
} from './calendar.js';
import type { RepeatRule } from './rule.js';

/**
 * The rule's dates in its k-th period from the anchor date, ascending. Weekly periods are whole
 * weeks from the Monday of the anchor's week (RFC 5545 WKST=MO); a month or year without the
 * anchor's day (or BYMONTHDAY) takes its last day, unlike RFC 5545, which skips it.
 */
function datesInPeriod(rule: RepeatRule, anchor: number, k: number): number[] {
  const steps = rule.interval * k;
  const start = calendarDate(anchor);
  switch (rule.frequency) {
    case 'daily':
      return [anchor + steps];
    case 'weekly': {
      if (rule.weekdays.length === 0) return [anchor + 7 * steps];
      const monday = anchor - weekdayIndex(anchor) + 7 * steps;
      return rule.weekdays.map((day) => monday + WEEKDAYS.indexOf(day));
    }
    case 'monthly':
      return [dateInMonth(monthIndex(start) + steps, rule.monthDay ?? start.day)];
    case 'yearly':
      return [dateInMonth(monthIndex(start) + 12 * steps, start.day)];
  }
}

/** The period `date` falls in, counted from the anchor date (may be negative). */
function periodOf(rule: RepeatRule, anchor: number, date: number): number {
  const months = monthIndex(calendarDate(date)) - monthIndex(calendarDate(anchor));
  const elapsed = {
    daily: date - anchor,
    weekly: (date - (anchor - weekdayIndex(anchor))) / 7,
    monthly: months,
    yearly: months / 12,
  }[rule.frequency];
  return Math.floor(elapsed / rule.interval);
}

/**
 * The first date of a fixed schedule (the rule counted from `anchor`, at the anchor's time of
 * day) that comes after both `after` and the anchor itself. Starts one period before the one
 * `after` falls in, so a series years overdue takes a few steps, not thousands.
 */
export function firstOnSchedule(
  rule: RepeatRule,
  anchor: Date,
  timeZone: string,
  after: Date,
): Date {
  const threshold = anchor > after ? anchor : after;
  const start = wallTime(anchor, timeZone);
  const thresholdDate = wallTime(threshold, timeZone).date;
  for (let k = Math.max(0, periodOf(rule, start.date, thresholdDate) - 1); ; k++) {
    for (const date of datesInPeriod(rule, start.date, k)) {
      // Two days before the threshold's date is before it in any zone: no need to ask Intl.
      if (date < thresholdDate - 1) continue;
      const instant = instantAt(date, start, timeZone);
      if (instant > threshold) return instant;
    }
  }
}

/**
 * The first date of the rule on or after `from`'s date: for weekly weekdays the first listed
 * day, for a monthly day of the month the first such day (a short month: its last day).
 */
function firstMatchingDate(rule: RepeatRule, from: number): number {
  if (rule.frequency === 'weekly' && rule.weekdays.length > 0) {
    let date = from;
    while (!rule.weekdays.includes(weekdayOf(date))) date++;
    return date;
  }
  if (rule.frequency === 'monthly' && rule.monthDay !== null) {
    const month = monthIndex(calendarDate(from));
    const inMonth = dateInMonth(month, rule.monthDay);
    return inMonth >= from ? inMonth : dateInMonth(month + 1, rule.monthDay);
  }
  return from;
}

/**
 * A date counted from a completion: `interval` days/weeks/months/years after its wall-clock date
 * (Jan 31 + 1 month = Feb 28), then the first date the rule allows, at the time of day of `time`.
 */
export function afterCompletion(
  rule: RepeatRule,
  completedAt: Date,
  time: WallTime,
  timeZone: string,
): Date {
  const done = wallTime(completedAt, timeZone).date;
  const day = calendarDate(done).day;
  const step = {
    daily: () => done + rule.interval,
    weekly: () => done + 7 * rule.interval,
    monthly: () => dateInMonth(monthIndex(calendarDate(done)) + rule.interval, day),
    yearly: () => dateInMonth(monthIndex(calendarDate(done)) + 12 * rule.interval, day),
  }[rule.frequency]();
  return instantAt(firstMatchingDate(rule, step), time, timeZone);
}

/**
 * Where a new series starts: the first date of the rule at or after `start`, at `start`'s time
 * of day in the zone. Quick add uses it for a repeat typed without a date: "every mon 9am" typed
 * on a Wednesday, with `start` today 09:00, is next Monday 09:00.
 */
export function firstOccurrence(rule: RepeatRule, start: Date, timeZone: string): Date {
  const time = wallTime(start, timeZone);
  return instantAt(firstMatchingDate(rule, time.date), time, timeZone);
}
