import type { Recurrence, RecurrenceOutput, Repeat, RepeatFrom, RepeatInput } from '@todo/contract';
import { formatRRule, parseRRule } from './rrule.js';
import { checkRule, type RepeatRule, type RuleResult } from './rule.js';
import { summarizeRule } from './summary.js';

/** A rule from the API's `repeat` field: the structured fields or an RRULE string. */
export function ruleFromInput(input: RepeatInput): RuleResult {
  if ('rrule' in input) return parseRRule(input.rrule, input.from ?? 'due');
  const until = input.until ? new Date(input.until) : null;
  return checkRule({
    frequency: input.frequency,
    interval: input.interval ?? 1,
    weekdays: input.weekdays ?? [],
    monthDay: input.month_day ?? null,
    count: input.count ?? null,
    until,
    from: input.from ?? 'due',
  });
}

/** The rule a first-version `recurrence` value stands for; null for `none`. */
export function ruleFromRecurrence(value: Recurrence): RepeatRule | null {
  if (value === 'none') return null;
  return {
    frequency: value,
    interval: 1,
    weekdays: [],
    monthDay: null,
    count: null,
    until: null,
    from: 'due',
  };
}

/** The first-version value of a rule: one of the four when it is exactly one, else `custom`. */
export function recurrenceOf(rule: RepeatRule | null): RecurrenceOutput {
  if (rule === null) return 'none';
  const legacy = ruleFromRecurrence(rule.frequency);
  return legacy && formatRRule(legacy) === formatRRule(rule) && rule.from === legacy.from
    ? rule.frequency
    : 'custom';
}

/** The API's `repeat` object: every field, the RRULE string and the summary. */
export function toRepeat(rule: RepeatRule, timeZone = 'UTC'): Repeat {
  return {
    rrule: formatRRule(rule),
    frequency: rule.frequency,
    interval: rule.interval,
    weekdays: rule.weekdays,
    month_day: rule.monthDay,
    count: rule.count,
    until: rule.until?.toISOString() ?? null,
    from: rule.from,
    summary: summarizeRule(rule, timeZone),
  };
}

/** A task's rule columns, as the Drizzle schema names them. */
export interface RuleColumns {
  rrule: string | null;
  repeatFrom: RepeatFrom;
}

/** What to store for a rule (null: the task does not repeat). */
export function ruleColumns(rule: RepeatRule | null): RuleColumns {
  return rule
    ? { rrule: formatRRule(rule), repeatFrom: rule.from }
    : { rrule: null, repeatFrom: 'due' };
}

/**
 * The rule a stored task has. Only rules that passed checkRule are stored; one that does not
 * parse (a hand-edited row) reads as no rule, as planCompletion treats it, rather than failing
 * every read of the task.
 */
export function storedRule(columns: RuleColumns): RepeatRule | null {
  if (columns.rrule === null) return null;
  const parsed = parseRRule(columns.rrule, columns.repeatFrom);
  return parsed.ok ? parsed.rule : null;
}

/** The API's `repeat` and `recurrence` of a stored task. */
export function repeatFields(columns: RuleColumns & { timeZone: string }): {
  repeat: Repeat | null;
  recurrence: RecurrenceOutput;
} {
  const rule = storedRule(columns);
  return { repeat: rule && toRepeat(rule, columns.timeZone), recurrence: recurrenceOf(rule) };
}
