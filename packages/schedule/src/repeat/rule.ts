import {
  FREQUENCIES,
  type Frequency,
  REPEAT_FROM,
  REPEAT_LIMITS,
  type RepeatFrom,
  WEEKDAYS,
  type Weekday,
} from '@todo/contract';

/**
 * A repeat rule: the RFC 5545 RRULE subset the app supports (FREQ, INTERVAL, BYDAY, BYMONTHDAY,
 * COUNT, UNTIL) plus `from`, which RRULE has no word for. docs/repeat-rules.md has the grammar
 * and every decision the planner makes.
 */
export interface RepeatRule {
  frequency: Frequency;
  /** Every n days/weeks/months/years, 1 to 999. */
  interval: number;
  /** Weekly rules only, Monday first and without duplicates; empty: the anchor's weekday. */
  weekdays: Weekday[];
  /** Monthly rules only: 1–31, -1 for the last day; null: the anchor's day. */
  monthDay: number | null;
  /** The series has this many occurrences; null: no limit. */
  count: number | null;
  /** No occurrence after this instant (whole seconds); null: no end date. */
  until: Date | null;
  /** `due`: a fixed schedule counted from the series' first due date; `completion`: from each completion. */
  from: RepeatFrom;
}

export type RuleResult = { ok: true; rule: RepeatRule } | { ok: false; problem: string };

const fail = (problem: string): RuleResult => ({ ok: false, problem });

const isIntegerIn = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/** Monday-first order, the one order a rule's weekdays are kept and written in. */
export function sortWeekdays(weekdays: readonly Weekday[]): Weekday[] {
  return [...weekdays].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

/**
 * Checks a rule's fields together and answers it normalised (weekdays in order, UNTIL in whole
 * seconds), or the first problem found as one sentence. Both the RRULE parser and the structured
 * input come through here, so a rule is valid the same way whichever way it was written.
 */
export function checkRule(rule: RepeatRule): RuleResult {
  if (!FREQUENCIES.includes(rule.frequency)) {
    return fail('The frequency must be daily, weekly, monthly or yearly.');
  }
  if (!isIntegerIn(rule.interval, 1, REPEAT_LIMITS.intervalMax)) {
    return fail(`The interval must be a whole number from 1 to ${REPEAT_LIMITS.intervalMax}.`);
  }
  if (rule.weekdays.some((day) => !WEEKDAYS.includes(day))) {
    return fail('Weekdays must be among mo, tu, we, th, fr, sa, su.');
  }
  if (new Set(rule.weekdays).size !== rule.weekdays.length) {
    return fail('Each weekday may be listed only once.');
  }
  if (rule.weekdays.length > 0 && rule.frequency !== 'weekly') {
    return fail('Weekdays can only be chosen for a weekly rule.');
  }
  if (rule.monthDay !== null) {
    if (rule.frequency !== 'monthly') {
      return fail('A day of the month can only be chosen for a monthly rule.');
    }
    if (rule.monthDay !== -1 && !isIntegerIn(rule.monthDay, 1, 31)) {
      return fail('The day of the month must be 1 to 31, or -1 for the last day.');
    }
  }
  if (rule.count !== null && !isIntegerIn(rule.count, 1, REPEAT_LIMITS.countMax)) {
    return fail(`The count must be a whole number from 1 to ${REPEAT_LIMITS.countMax}.`);
  }
  const untilYear = rule.until?.getUTCFullYear() ?? 2000;
  if (!(untilYear >= 1 && untilYear <= 9999)) {
    return fail('The end date must be a valid date-time between the years 1 and 9999.');
  }
  if (rule.count !== null && rule.until !== null) {
    return fail('A rule ends either after a count or at a date, not both.');
  }
  if (!REPEAT_FROM.includes(rule.from)) {
    return fail('The next date counts either from the due date or from the completion.');
  }
  const until = rule.until && new Date(Math.floor(rule.until.getTime() / 1000) * 1000);
  return { ok: true, rule: { ...rule, weekdays: sortWeekdays(rule.weekdays), until } };
}
