import { storedRule } from './api-fields.js';
import { calendarDate, wallTime } from './calendar.js';
import type { PlannerTask } from './planner.js';
import { formatRRule } from './rrule.js';

/** What the calendar feed knows of a task's series (column names as in the Drizzle schema). */
export type SeriesColumns = Pick<
  PlannerTask,
  'rrule' | 'repeatFrom' | 'timeZone' | 'dueAt' | 'recurrenceAnchorAt' | 'occurrence'
>;

/**
 * BYMONTHDAY for "day `day` of the month, or the month's last day when it is shorter" (ours:
 * Jan 31 → Feb 28 → Mar 31), where RFC 5545's BYMONTHDAY=31 skips short months. The 31st is
 * exactly the last day (-1). The 29th and 30th stay as they are: RFC 5545 can say "that day or
 * the last" only with BYSETPOS over several BYMONTHDAY values, which ical.js (and Thunderbird
 * with it) expand as every one of them; a February missing from the calendar is the lesser harm.
 */
const monthDay = (day: number) => `BYMONTHDAY=${day === 31 ? -1 : day}`;

/**
 * The RFC 5545 RRULE value that, with the task's own due time as DTSTART, gives the dates the
 * planner gives a series completed on time (docs/repeat-rules.md, "In a calendar feed"). Null:
 * the task does not repeat, or repeats from each completion, which has no dates known ahead.
 *
 * - COUNT counts the series' tasks and this task is number `occurrence`: what is left of it.
 * - Monthly without a day, and yearly, take the anchor's day (and month), not the due date's: a
 *   series anchored on the 31st whose current task falls on Feb 28 goes back to the 31st.
 * - The 31st is the month's last day, and Feb 29 February's; the 29th and 30th of a monthly rule
 *   skip February (monthDay: the one place the feed differs from the app).
 */
export function icalendarRule(task: SeriesColumns): string | null {
  const rule = storedRule(task);
  if (!rule || rule.from === 'completion' || !task.dueAt) return null;
  const anchor = calendarDate(wallTime(task.recurrenceAnchorAt ?? task.dueAt, task.timeZone).date);
  const count = rule.count === null ? null : Math.max(1, rule.count - task.occurrence + 1);
  const base = formatRRule({ ...rule, monthDay: null, count });
  const extra =
    rule.frequency === 'monthly'
      ? [monthDay(rule.monthDay ?? anchor.day)]
      : rule.frequency === 'yearly'
        ? // Feb 29 falls on Feb 28 in common years: February's last day.
          [
            `BYMONTH=${anchor.month}`,
            anchor.month === 2 && anchor.day === 29 ? 'BYMONTHDAY=-1' : monthDay(anchor.day),
          ]
        : [];
  return [base, ...extra].join(';');
}
