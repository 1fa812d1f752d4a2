import * as chrono from 'chrono-node/en';
import { describeDay } from '../due-label.js';
import {
  formatTimeOfDay,
  startOfZonedDay,
  zonedTimeToInstant,
  zoneOffsetMinutes,
} from '../zoned-time.js';
import type { Span, Zone } from './types.js';

/** A date phrase chrono found, resolved in the person's zone. */
export interface DateReading extends Span {
  due: Date;
  /** A time of day was written ("9am", "tonight"); without one the date is due at 23:59. */
  hasTime: boolean;
}

// Ordinary words chrono's casual parser reads as dates; alone they are left in the title.
const IGNORED_WORDS = new Set([
  'now',
  'sat',
  'sun',
  'wed',
  'morning',
  'afternoon',
  'evening',
  'night',
]);
// "a day", "one day", "3 hours", "the day after": a length of time, not a date ("in 3 hours" is).
const BARE_DURATION =
  /^(?:an?|one|the|[\d.]+)\s*(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\b/i;
// Parts of the day chrono gives an implied hour to: that hour is meant, not "end of the day".
const TIME_OF_DAY_TAGS = ['tonight', 'evening', 'morning', 'afternoon', 'noon', 'midnight', 'now'];
// Words before a date that belong to it ("pay by friday", "on dec 24", "starting jan 5"): they
// leave the title with it. chrono keeps "on"/"at" itself only before some forms.
const LEAD_WORDS = /(?:^|\s)(?:by|due|on|at|starting|from)\s+$/i;

const DAY_AFTER = /\bday after\s+$/i;

function reference(instant: Date, timeZone: string): chrono.ParsingReference {
  return { instant, timezone: zoneOffsetMinutes(instant, timeZone) };
}

// chrono's "3 days ago" and "3 days later/from now" patterns are ~85% of what V8 spends compiling
// chrono's expressions on first use (0.5 of 0.6 s measured here: the first keystrokes stalled for
// it). A due date is never "ago", and "in 3 days" says "later". chrono does not export its parser
// classes, so they are known by their patterns (pattern() only builds, the compiling is lazy);
// test/quick-add/date-parser.test.ts fails if a chrono upgrade changes which go.
const SLOW_RELATIVE = /\(\?:ago\|before\|earlier\)|\(\?:later\|after\|from now/;
const PROBE = { option: { forwardDate: true } } as Parameters<chrono.Parser['pattern']>[0];
export const dateParser = chrono.casual.clone();
dateParser.parsers = dateParser.parsers.filter(
  (parser) => !SLOW_RELATIVE.test(parser.pattern(PROBE).source),
);

function parse(text: string, instant: Date, timeZone: string): chrono.ParsedResult[] {
  return dateParser.parse(text, reference(instant, timeZone), { forwardDate: true });
}

function ignorable(result: chrono.ParsedResult): boolean {
  const text = result.text.toLowerCase();
  if (IGNORED_WORDS.has(text) || BARE_DURATION.test(text)) return true;
  // A month alone ("march in the parade") names no day.
  const start = result.start;
  return start.isCertain('month') && !start.isCertain('day') && !start.isCertain('weekday');
}

function wallClock(
  components: chrono.ParsedResult['start'],
  timeZone: string,
  hour: number,
  minute: number,
): Date {
  return zonedTimeToInstant(
    timeZone,
    components.get('year') ?? 0,
    components.get('month') ?? 1,
    components.get('day') ?? 1,
    hour,
    minute,
  );
}

function resolve(result: chrono.ParsedResult, { now, timeZone }: Zone): DateReading {
  const start = result.start;
  const tags = start.tags();
  const hasTime =
    start.isCertain('hour') || TIME_OF_DAY_TAGS.some((tag) => tags.has(`casualReference/${tag}`));
  // chrono's match may carry a space at either end ("dec 24 " before a masked token).
  const lead = result.text.length - result.text.trimStart().length;
  const span = { start: result.index + lead, end: result.index + result.text.trimEnd().length };
  let due: Date;
  if (tags.has('result/relativeDateAndTime')) {
    // "in 3 hours" is an exact span of time from now, even across a DST change.
    due = start.date();
  } else if (hasTime) {
    due = wallClock(start, timeZone, start.get('hour') ?? 0, start.get('minute') ?? 0);
  } else {
    // Read against the start of today: chrono implies noon, so "tue" typed on a Tuesday
    // afternoon would otherwise mean next week, and "Dec 1" on Dec 1 next year.
    const again = parse(result.text, startOfZonedDay(now, timeZone), timeZone)[0];
    due = wallClock(again?.start ?? start, timeZone, 23, 59);
  }
  return { ...span, due, hasTime };
}

function withLeadWord(text: string, reading: DateReading): DateReading {
  const lead = LEAD_WORDS.exec(text.slice(0, reading.start));
  if (!lead) return reading;
  const start = reading.start - lead[0].trimStart().length;
  return { ...reading, start };
}

/**
 * The first date phrase in `text` (other parts already masked), or null. Later ones stay in the
 * title.
 */
export function findDate(text: string, zone: Zone): DateReading | null {
  for (const result of parse(text, zone.now, zone.timeZone)) {
    // "the day after tomorrow" would be read as tomorrow: a wrong date is worse than none.
    const dayAfter = DAY_AFTER.test(text.slice(0, result.index));
    if (!dayAfter && !ignorable(result)) return withLeadWord(text, resolve(result, zone));
  }
  return null;
}

// Long enough for "December 31st 2027 at 11:30pm"; keeps the repeat's end date cheap to read.
const END_DATE_WINDOW = 40;

/** A date phrase starting exactly at `at` (after spaces), e.g. a repeat's "until dec 31". */
export function readDateAt(text: string, at: number, zone: Zone): DateReading | null {
  const window = text.slice(at, at + END_DATE_WINDOW);
  const lead = window.length - window.trimStart().length;
  const result = parse(window, zone.now, zone.timeZone)[0];
  if (!result || result.index !== lead || ignorable(result)) return null;
  const reading = resolve(result, zone);
  return { ...reading, start: reading.start + at, end: reading.end + at };
}

/** A chip's text: "Tomorrow 09:00", "Friday", "Thu 24 Dec 18:00". */
export function dateLabel(due: Date, hasTime: boolean, zone: Zone): string {
  const day = describeDay(due, zone.now, zone.timeZone);
  return hasTime ? `${day} ${formatTimeOfDay(due, zone.timeZone)}` : day;
}
