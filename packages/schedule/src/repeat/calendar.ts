import { WEEKDAYS, type Weekday } from '@todo/contract';
import { zonedParts, zonedTimeToInstant } from '../zoned-time.js';

/**
 * Wall-clock arithmetic for the planner: a date is a day number (days since 1970-01-01 on the
 * proleptic calendar, no zone), so stepping days is adding numbers and DST never enters it; only
 * turning a date and a time of day back into an instant asks the zone.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A moment as a wall clock in a zone shows it. */
export interface WallTime {
  date: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

export function calendarDate(date: number): CalendarDate {
  const utc = new Date(date * DAY_MS);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** ISO weekday, 0 = Monday … 6 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayIndex(date: number): number {
  return (((date + 3) % 7) + 7) % 7;
}

export const weekdayOf = (date: number): Weekday => WEEKDAYS[weekdayIndex(date)] as Weekday;

export function daysInMonth(year: number, month: number): number {
  return calendarDate(dayNumber(year, month + 1, 1) - 1).day;
}

/** Months counted from year 0, so month steps are additions too. */
export const monthIndex = ({ year, month }: CalendarDate) => year * 12 + month - 1;

/**
 * The date `day` of the month at `index`; a month without that day takes its last day, and -1
 * means the last day.
 */
export function dateInMonth(index: number, day: number): number {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = daysInMonth(year, month);
  return dayNumber(year, month, day === -1 ? last : Math.min(day, last));
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const p = zonedParts(instant, timeZone);
  const millisecond = ((instant.getTime() % 1000) + 1000) % 1000;
  return {
    date: dayNumber(p.year, p.month, p.day),
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    millisecond,
  };
}

/** The instant `date` at the time of day of `time` happens in the zone (DST: see zonedTimeToInstant). */
export function instantAt(date: number, time: WallTime, timeZone: string): Date {
  const { year, month, day } = calendarDate(date);
  return zonedTimeToInstant(
    timeZone,
    year,
    month,
    day,
    time.hour,
    time.minute,
    time.second,
    time.millisecond,
  );
}
