import type { Weekday } from '@todo/contract';
import { zonedParts } from '../zoned-time.js';
import type { RepeatRule } from './rule.js';

const UNITS = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' } as const;
const DAY_NAMES: Record<Weekday, string> = {
  mo: 'Mon',
  tu: 'Tue',
  we: 'Wed',
  th: 'Thu',
  fr: 'Fri',
  sa: 'Sat',
  su: 'Sun',
};
const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const WORKWEEK = 'mo,tu,we,th,fr';

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 31st. */
function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th');
  return `${day}${suffix}`;
}

/**
 * The rule in words, as lists and the quick-add chips show it: "Every 2 weeks on Mon, Thu",
 * "Every month on the last day after completion, 5 times". The end date is written in the
 * task's zone, since that is the calendar its person reads.
 */
export function summarizeRule(rule: RepeatRule, timeZone = 'UTC'): string {
  const unit = UNITS[rule.frequency];
  const workweek = rule.weekdays.join(',') === WORKWEEK && rule.interval === 1;
  let text = workweek
    ? 'Every weekday'
    : rule.interval === 1
      ? `Every ${unit}`
      : `Every ${rule.interval} ${unit}s`;
  if (rule.weekdays.length > 0 && !workweek) {
    text += ` on ${rule.weekdays.map((day) => DAY_NAMES[day]).join(', ')}`;
  }
  if (rule.monthDay !== null) {
    text += rule.monthDay === -1 ? ' on the last day' : ` on the ${ordinal(rule.monthDay)}`;
  }
  if (rule.from === 'completion') text += ' after completion';
  if (rule.count !== null) text += rule.count === 1 ? ', once' : `, ${rule.count} times`;
  if (rule.until !== null) {
    const end = zonedParts(rule.until, timeZone);
    text += `, until ${end.day} ${MONTH_NAMES[end.month - 1]} ${end.year}`;
  }
  return text;
}
