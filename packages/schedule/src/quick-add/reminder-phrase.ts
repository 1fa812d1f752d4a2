import { REMINDER_LIMITS, type ReminderInput } from '@todo/contract';
import { describeMinutes } from '../due-label.js';
import { zonedParts, zonedTimeToInstant } from '../zoned-time.js';
import { dateLabel, readDateAt } from './date-phrase.js';
import type { Claims } from './spans.js';
import type { Span, Zone } from './types.js';

/**
 * The reminder grammar (docs/quick-add.md): `!30m` `!1h` `!2d` `!1w`, `!at <time>`,
 * `remind me <duration> before`, `remind me at due`, `remind me [at|on] <time>`.
 */

/**
 * A reminder a line asked for, and where. `reminder` null: it has a reminder's shape but asks
 * for something out of range (`!2w`); its words stay in the title and nothing else reads them.
 */
export interface ReminderReading extends Span {
  reminder: ReminderInput | null;
  label: string;
}

const MINUTES_PER: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10_080 };
// A word ends at a space, the line's end or a clause's punctuation (as for `p1`).
const END = String.raw`(?=$|[\s.,;:!?)\]}])`;
const START = String.raw`(?<=^|[\s([{])`;
// `!30m`: compact, the unit one letter (or min/hr/wk) right after the number.
const BANG = new RegExp(
  String.raw`${START}!(?:(\d{1,6})(m|mins?|h|hrs?|d|w|wks?)${END}|(at)\s+|(due)${END})`,
  'gi',
);
// `remind me 30m before`, `… 1 hour before`, `… an hour before`, `… at due`, `… at 5pm`.
const REMIND_ME = new RegExp(
  String.raw`${START}remind me\s+(?:(\d{1,6}|an?|one)\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s+before${END}|(at\s+(?:the\s+)?due(?:\s+time)?)${END}|(?:(?:at|on)\s+)?)`,
  'gi',
);

function minutesOf(count: string, unit: string): number {
  const n = /^\d/.test(count) ? Number(count) : 1;
  return n * (MINUTES_PER[unit.toLowerCase()[0] ?? ''] ?? Number.NaN);
}

function before(minutes: number, span: Span): ReminderReading {
  const { minutesBeforeMin, minutesBeforeMax } = REMINDER_LIMITS;
  // Outside 5 min … 1 week it is not a reminder: the words stay in the title, where they show
  // (chrono would otherwise read `!3m` as "in 3 minutes").
  if (!(minutes >= minutesBeforeMin && minutes <= minutesBeforeMax)) {
    return { ...span, reminder: null, label: '' };
  }
  return {
    ...span,
    reminder: { kind: 'before', minutes_before: minutes },
    label: `Reminder: ${describeMinutes(minutes)} before`,
  };
}

const atDue = (span: Span): ReminderReading => ({
  ...span,
  reminder: { kind: 'due' },
  label: 'Reminder: at due time',
});

// A reminder on a day without a time of day comes in the morning, as the "tomorrow" snooze does.
const MORNING_HOUR = 9;

/** An absolute time read by chrono from `at` on (`5pm`, `tomorrow 9am`, `in 2 hours`). */
function absolute(masked: string, start: number, at: number, zone: Zone): ReminderReading | null {
  const reading = readDateAt(masked, at, zone);
  if (!reading) return null;
  let instant = reading.due;
  if (!reading.hasTime) {
    const day = zonedParts(instant, zone.timeZone);
    instant = zonedTimeToInstant(zone.timeZone, day.year, day.month, day.day, MORNING_HOUR, 0);
  }
  return {
    start,
    end: reading.end,
    reminder: { kind: 'at', at: instant.toISOString() },
    label: `Reminder: ${dateLabel(instant, true, zone)}`,
  };
}

function readBang(masked: string, match: RegExpExecArray, zone: Zone): ReminderReading | null {
  const [whole, count, unit, at, due] = match;
  const span = { start: match.index, end: match.index + whole.length };
  if (due) return atDue(span);
  if (at) return absolute(masked, span.start, span.end, zone);
  return before(minutesOf(count ?? '', unit ?? ''), span);
}

function readRemindMe(masked: string, match: RegExpExecArray, zone: Zone): ReminderReading | null {
  const [whole, count, unit, due] = match;
  const span = { start: match.index, end: match.index + whole.length };
  if (due) return atDue(span);
  if (count && unit) return before(minutesOf(count, unit), span);
  return absolute(masked, span.start, span.end, zone);
}

/**
 * Every free reminder phrase in `masked` (claimed characters already masked), in text order and
 * not overlapping, up to a task's limit of distinct reminders (a later one stays in the title).
 */
export function findReminders(masked: string, claims: Claims, zone: Zone): ReminderReading[] {
  const candidates = [
    ...[...masked.matchAll(BANG)].map((match) => readBang(masked, match, zone)),
    ...[...masked.matchAll(REMIND_ME)].map((match) => readRemindMe(masked, match, zone)),
  ].filter((reading) => reading !== null);
  const found: ReminderReading[] = [];
  const distinct = new Set<string>();
  let end = 0;
  for (const reading of candidates.sort((a, b) => a.start - b.start)) {
    if (reading.start < end || !claims.isFree(reading)) continue;
    const key = reading.reminder && reminderKey(reading.reminder);
    if (key && !distinct.has(key) && distinct.size === REMINDER_LIMITS.perTask) {
      // One too many stays in the title, as read words (not a time chrono reads again).
      found.push({ ...reading, reminder: null });
    } else {
      if (key) distinct.add(key);
      found.push(reading);
    }
    end = reading.end;
  }
  return found;
}

const reminderKey = (reminder: ReminderInput) => JSON.stringify(reminder);

/** The reminders read, each once (`!30m remind me 30 min before` is one). */
export function distinctReminders(readings: readonly ReminderReading[]): ReminderInput[] {
  const byKey = new Map<string, ReminderInput>();
  for (const { reminder } of readings) if (reminder) byKey.set(reminderKey(reminder), reminder);
  return [...byKey.values()];
}
