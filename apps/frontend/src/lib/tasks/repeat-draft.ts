import {
  FREQUENCIES,
  type Frequency,
  RECURRENCES,
  REPEAT_FROM,
  REPEAT_LIMITS,
  type Repeat,
  type RepeatFrom,
  type RepeatInput,
  type RepeatRuleFields,
  type Task,
  WEEKDAYS,
  type Weekday,
} from '@todo/contract';
import {
  canonicalTimeZone,
  fromDateTimeLocal,
  ruleFromInput,
  summarizeRule,
  toDateTimeLocal,
} from '@todo/schedule';
import type { FieldErrors } from '@/lib/forms/field-errors';

/** Monthly rules: on the due date's day, on a day the person names, or on the month's last day. */
export const MONTH_DAY_MODES = ['due', 'day', 'last'] as const;
export type MonthDayMode = (typeof MONTH_DAY_MODES)[number];
export const REPEAT_ENDS = ['never', 'count', 'until'] as const;
export type RepeatEnd = (typeof REPEAT_ENDS)[number];

/** The repeat editor's state: numbers and dates as typed, checked by validateRepeat. */
export interface RepeatDraft {
  frequency: Frequency;
  interval: string;
  /** Weekly rules only; empty: the due date's weekday. */
  weekdays: Weekday[];
  monthDayMode: MonthDayMode;
  /** The day of the month when monthDayMode is 'day'. */
  monthDay: string;
  end: RepeatEnd;
  count: string;
  /** `YYYY-MM-DD` in the draft's zone: the last day an occurrence may fall on. */
  until: string;
  from: RepeatFrom;
}

export const REPEAT_ERROR_FIELDS = [
  'repeatInterval',
  'repeatMonthDay',
  'repeatCount',
  'repeatUntil',
] as const;
export type RepeatErrors = FieldErrors<(typeof REPEAT_ERROR_FIELDS)[number] | 'repeat'>;

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Whether a value sent by a browser has the editor's shape (its content is checked after). */
export function isRepeatDraft(value: unknown): value is RepeatDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<keyof RepeatDraft, unknown>;
  return (
    ['frequency', 'interval', 'monthDayMode', 'monthDay', 'end', 'count', 'until', 'from'].every(
      (key) => typeof draft[key as keyof RepeatDraft] === 'string',
    ) && isStrings(draft.weekdays)
  );
}

/** The rule the editor starts from when the person picks a frequency. */
export function newRepeatDraft(frequency: Frequency): RepeatDraft {
  return {
    frequency,
    interval: '1',
    weekdays: [],
    monthDayMode: 'due',
    monthDay: '',
    end: 'never',
    count: '',
    until: '',
    from: 'due',
  };
}

function repeatDraftFromRule(repeat: Repeat, timeZone: string): RepeatDraft {
  const monthDay = repeat.month_day;
  return {
    frequency: repeat.frequency,
    interval: String(repeat.interval),
    weekdays: [...repeat.weekdays],
    monthDayMode: monthDay === -1 ? 'last' : monthDay === null ? 'due' : 'day',
    monthDay: monthDay !== null && monthDay > 0 ? String(monthDay) : '',
    end: repeat.count !== null ? 'count' : repeat.until !== null ? 'until' : 'never',
    count: repeat.count !== null ? String(repeat.count) : '',
    until: repeat.until ? toDateTimeLocal(repeat.until, timeZone).slice(0, 10) : '',
    from: repeat.from,
  };
}

/**
 * The editor's state for a task's rule. A task written by a first-version client may carry only
 * the legacy `recurrence` value (daily … yearly); it opens as that frequency, every 1.
 */
export function repeatDraftFromTask(
  task: Pick<Task, 'repeat'> & Partial<Pick<Task, 'recurrence'>>,
  timeZone: string,
): RepeatDraft | null {
  if (task.repeat) return repeatDraftFromRule(task.repeat, timeZone);
  const legacy = RECURRENCES.find((value) => value === task.recurrence);
  return legacy && legacy !== 'none' ? newRepeatDraft(legacy) : null;
}

function wholeNumber(typed: string, min: number, max: number): number | null {
  const text = typed.trim();
  if (!/^\d{1,6}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

const UNIT: Record<Frequency, string> = {
  daily: 'days',
  weekly: 'weeks',
  monthly: 'months',
  yearly: 'years',
};

/** The words after "Every [n]" in the editor: days, weeks, months, years. */
export function intervalUnit(frequency: Frequency, interval: string): string {
  const unit = UNIT[frequency];
  return interval.trim() === '1' ? unit.slice(0, -1) : unit;
}

export type RepeatCheck =
  | { ok: true; fields: RepeatRuleFields | null }
  | { ok: false; errors: RepeatErrors };

/**
 * Checks the editor's rule and turns it into the contract's structured fields, every field
 * present so two rules compare by value. `dueAt` (the task's due instant, if any) lets the end
 * date be checked against it. Runs in the browser and again in the Server Action.
 */
export function validateRepeat(
  draft: RepeatDraft | null,
  timeZone: string,
  dueAt: string | null,
): RepeatCheck {
  if (draft === null) return { ok: true, fields: null };
  const errors: RepeatErrors = {};
  if (!FREQUENCIES.includes(draft.frequency)) {
    return { ok: false, errors: { repeat: 'Choose how often the task repeats.' } };
  }
  const interval = wholeNumber(draft.interval, 1, REPEAT_LIMITS.intervalMax);
  if (interval === null) {
    errors.repeatInterval = `Enter how many ${UNIT[draft.frequency]} apart, a whole number from 1 to ${REPEAT_LIMITS.intervalMax}.`;
  }
  let monthDay: number | null = null;
  if (draft.frequency === 'monthly') {
    if (draft.monthDayMode === 'last') monthDay = -1;
    else if (draft.monthDayMode === 'day') {
      monthDay = wholeNumber(draft.monthDay, 1, 31);
      if (monthDay === null) errors.repeatMonthDay = 'Enter a day of the month from 1 to 31.';
    }
  }
  let count: number | null = null;
  let until: string | null = null;
  if (draft.end === 'count') {
    count = wholeNumber(draft.count, 1, REPEAT_LIMITS.countMax);
    if (count === null) {
      errors.repeatCount = `Enter how many times, a whole number from 1 to ${REPEAT_LIMITS.countMax}.`;
    }
  } else if (draft.end === 'until') {
    until = endOfDay(draft.until, timeZone);
    if (until === null) errors.repeatUntil = 'Enter the date the repeat ends.';
    else if (dueAt !== null && until < dueAt) {
      errors.repeatUntil = 'The end date is before the due date: pick a later one.';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const weekdays =
    draft.frequency === 'weekly' ? WEEKDAYS.filter((day) => draft.weekdays.includes(day)) : [];
  const fields: RepeatRuleFields = {
    frequency: draft.frequency,
    interval: interval ?? 1,
    weekdays,
    month_day: monthDay,
    count,
    until,
    from: REPEAT_FROM.includes(draft.from) ? draft.from : 'due',
  };
  // The shared rule module has the last word, so the form never accepts what the API refuses.
  const rule = ruleFromInput(fields);
  return rule.ok ? { ok: true, fields } : { ok: false, errors: { repeat: rule.problem } };
}

/** A rule as a client sends it, in words ("Every 2 weeks on Mon, Thu"); null if not valid. */
export function summarizeFields(fields: RepeatInput, timeZone: string): string | null {
  const rule = ruleFromInput(fields);
  return rule.ok ? summarizeRule(rule.rule, timeZone) : null;
}

/** The editor's rule in words, or null while it is not a valid rule. */
export function repeatSummary(draft: RepeatDraft, timeZone: string): string | null {
  const checked = validateRepeat(draft, timeZone, null);
  return checked.ok && checked.fields ? summarizeFields(checked.fields, timeZone) : null;
}

/** The last minute of a `YYYY-MM-DD` day in the zone, as an ISO instant; null if not a date. */
function endOfDay(date: string, timeZone: string): string | null {
  const zone = canonicalTimeZone(typeof timeZone === 'string' ? timeZone : '');
  if (!zone || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return fromDateTimeLocal(`${date}T23:59`, zone)?.toISOString() ?? null;
}

/** Whether two checked rules (from validateRepeat) are the same rule. */
export function sameRepeat(a: RepeatRuleFields | null, b: RepeatRuleFields | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
