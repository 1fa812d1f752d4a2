import {
  FREQUENCIES,
  type Frequency,
  REPEAT_LIMITS,
  type RepeatFrom,
  WEEKDAYS,
  type Weekday,
} from '@todo/contract';
import { checkRule, type RepeatRule, type RuleResult, sortWeekdays } from './rule.js';

/**
 * The RRULE subset (RFC 5545 §3.3.10), strictly: NAME=VALUE parts separated by `;`, names and
 * values in any letter case, each name once, FREQ required. Anything else is refused with a
 * sentence naming the part, so a client learns what to change instead of getting a rule that
 * silently means something else.
 */
const SUPPORTED = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST'] as const;
type PartName = (typeof SUPPORTED)[number];

const fail = (problem: string): RuleResult => ({ ok: false, problem });
const SUPPORTED_LIST = 'FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT and UNTIL';
const UNTIL_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const NUMBER_PATTERN = /^[+-]?\d{1,6}$/;

/** Reads an RRULE value (an `RRULE:` prefix is allowed); `from` is kept beside it in storage. */
export function parseRRule(rrule: string, from: RepeatFrom = 'due'): RuleResult {
  if (rrule.length > REPEAT_LIMITS.rruleMax) {
    return fail(`The rule is longer than ${REPEAT_LIMITS.rruleMax} characters.`);
  }
  const body = rrule.trim().replace(/^RRULE:/i, '');
  if (body === '') return fail('The rule is empty: start it with FREQ, e.g. FREQ=WEEKLY.');
  const parts = new Map<PartName, string>();
  for (const part of body.split(';')) {
    const [rawName = '', value, ...extra] = part.split('=');
    const name = rawName.trim().toUpperCase();
    if (part.trim() === '')
      return fail('The rule has an empty part (two `;` in a row or one at the end).');
    if (value === undefined || extra.length > 0 || name === '') {
      return fail(`“${part}” is not a NAME=VALUE part.`);
    }
    if (!(SUPPORTED as readonly string[]).includes(name)) {
      return fail(`${name} is not supported; a rule may use ${SUPPORTED_LIST}.`);
    }
    if (parts.has(name as PartName)) return fail(`${name} appears more than once.`);
    if (value.trim() === '') return fail(`${name} has no value.`);
    parts.set(name as PartName, value.trim().toUpperCase());
  }
  return readParts(parts, from);
}

function readParts(parts: Map<PartName, string>, from: RepeatFrom): RuleResult {
  const freq = parts.get('FREQ');
  if (freq === undefined)
    return fail('The rule has no FREQ: start it with FREQ, e.g. FREQ=WEEKLY.');
  const frequency = freq.toLowerCase() as Frequency;
  if (!FREQUENCIES.includes(frequency)) {
    return fail(`FREQ=${freq} is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.`);
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined && wkst !== 'MO') {
    return fail(`WKST=${wkst} is not supported: weeks start on Monday (WKST=MO).`);
  }
  const interval = readNumber(parts, 'INTERVAL', 1);
  if (typeof interval === 'string') return fail(interval);
  const count = readNumber(parts, 'COUNT', null);
  if (typeof count === 'string') return fail(count);
  const monthDay = readNumber(parts, 'BYMONTHDAY', null);
  if (typeof monthDay === 'string') return fail(monthDay);
  if (monthDay !== null && frequency !== 'monthly') {
    return fail('BYMONTHDAY is only supported with FREQ=MONTHLY.');
  }
  if (monthDay !== null && monthDay !== -1 && (monthDay < 1 || monthDay > 31)) {
    return fail(`BYMONTHDAY=${monthDay} is not supported; use 1 to 31, or -1 for the last day.`);
  }
  const weekdays = readWeekdays(parts.get('BYDAY'));
  if (typeof weekdays === 'string') return fail(weekdays);
  if (weekdays.length > 0 && frequency !== 'weekly') {
    return fail('BYDAY is only supported with FREQ=WEEKLY.');
  }
  const until = readUntil(parts.get('UNTIL'));
  if (typeof until === 'string') return fail(until);
  if (count !== null && until !== null) return fail('COUNT and UNTIL cannot both be set.');
  return checkRule({ frequency, interval, weekdays, monthDay, count, until, from });
}

function readNumber<T extends number | null>(
  parts: Map<PartName, string>,
  name: 'INTERVAL' | 'COUNT' | 'BYMONTHDAY',
  absent: T,
): number | T | string {
  const value = parts.get(name);
  if (value === undefined) return absent;
  if (value.includes(',')) return `${name} with more than one value is not supported.`;
  if (!NUMBER_PATTERN.test(value)) return `${name}=${value} is not a whole number.`;
  const number = Number(value);
  if (name === 'BYMONTHDAY') return number;
  const max = name === 'INTERVAL' ? REPEAT_LIMITS.intervalMax : REPEAT_LIMITS.countMax;
  if (number < 1 || number > max) return `${name} must be from 1 to ${max}, not ${value}.`;
  return number;
}

function readWeekdays(value: string | undefined): Weekday[] | string {
  if (value === undefined) return [];
  const days: Weekday[] = [];
  for (const code of value.split(',')) {
    const day = code.trim().toLowerCase() as Weekday;
    if (!WEEKDAYS.includes(day)) {
      return /^[+-]?\d+[A-Z]{2}$/.test(code.trim())
        ? `BYDAY with a position (${code}) is not supported; list plain days such as MO,TH.`
        : `BYDAY=${value} is not a list of days (MO, TU, WE, TH, FR, SA, SU).`;
    }
    if (days.includes(day)) return `BYDAY lists ${code.trim()} more than once.`;
    days.push(day);
  }
  return days;
}

function readUntil(value: string | undefined): Date | null | string {
  if (value === undefined) return null;
  const match = UNTIL_PATTERN.exec(value);
  if (!match) {
    return `UNTIL=${value} is not supported; write a UTC date-time such as 20261231T235959Z.`;
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  const fieldsKept =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return fieldsKept && year >= 1 ? date : `UNTIL=${value} is not a real date and time.`;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** UNTIL's form: 20261231T235959Z. */
function formatUntil(until: Date): string {
  const date = `${pad(until.getUTCFullYear(), 4)}${pad(until.getUTCMonth() + 1)}${pad(until.getUTCDate())}`;
  return `${date}T${pad(until.getUTCHours())}${pad(until.getUTCMinutes())}${pad(until.getUTCSeconds())}Z`;
}

/**
 * The canonical RRULE value: FREQ first, then INTERVAL (when not 1), BYDAY (Monday first),
 * BYMONTHDAY, COUNT, UNTIL. Equal rules give equal strings, so storage can compare them.
 */
export function formatRRule(rule: RepeatRule): string {
  const parts = [`FREQ=${rule.frequency.toUpperCase()}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.weekdays.length > 0) {
    parts.push(`BYDAY=${sortWeekdays(rule.weekdays).join(',').toUpperCase()}`);
  }
  if (rule.monthDay !== null) parts.push(`BYMONTHDAY=${rule.monthDay}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null) parts.push(`UNTIL=${formatUntil(rule.until)}`);
  return parts.join(';');
}
