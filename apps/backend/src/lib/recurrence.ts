import type { Recurrence, RecurrenceOutput, Repeat, RepeatFrom } from '@todo/contract';

export type RepeatRule = Exclude<Recurrence, 'none'>;

// Temporary bridge until the planner (@todo/schedule) lands: the four first-version values as
// the rules migration 0004 wrote for them; any other rule is answered as `custom`.
const SUMMARIES: Record<RepeatRule, string> = {
  daily: 'Every day',
  weekly: 'Every week',
  monthly: 'Every month',
  yearly: 'Every year',
};

export const rruleOf = (recurrence: Recurrence): string | null =>
  recurrence === 'none' ? null : `FREQ=${recurrence.toUpperCase()}`;

export function ruleOf(rrule: string | null): RepeatRule | null {
  const rule = rrule?.replace(/^FREQ=/, '').toLowerCase();
  return rule && rule in SUMMARIES ? (rule as RepeatRule) : null;
}

export function recurrenceOf(rrule: string | null): RecurrenceOutput {
  if (rrule === null) return 'none';
  return ruleOf(rrule) ?? 'custom';
}

export function repeatOf(rrule: string | null, from: RepeatFrom): Repeat | null {
  const rule = ruleOf(rrule);
  if (!rrule || !rule) return null;
  return {
    rrule,
    frequency: rule,
    interval: 1,
    weekdays: [],
    month_day: null,
    count: null,
    until: null,
    from,
    summary: SUMMARIES[rule],
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const FIXED_PERIOD_MS = { daily: DAY_MS, weekly: 7 * DAY_MS } as const;
const MONTHS_PER_STEP = { monthly: 1, yearly: 12 } as const;

/** Adds whole months in UTC, clamping to the last day of a shorter month (Jan 31 → Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date);
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}

/**
 * When the next occurrence of a recurring series is due: the first step of its rule from
 * `anchor` (the series' first due date) that lies after `after`, so an overdue task doesn't
 * spawn an already-late copy. A series without a due date repeats one step after `after`. Month
 * steps count from the anchor (Jan 31 → Feb 28 → Mar 31; Feb 29 → Feb 28, then Feb 29 again in
 * the next leap year).
 */
export function nextDueAt(anchor: Date | null, rule: RepeatRule, after: Date): Date {
  const from = anchor ?? after;
  if (rule === 'daily' || rule === 'weekly') {
    const period = FIXED_PERIOD_MS[rule];
    const steps = Math.max(1, Math.floor((after.getTime() - from.getTime()) / period) + 1);
    return new Date(from.getTime() + steps * period);
  }
  const months = MONTHS_PER_STEP[rule];
  const elapsedMonths =
    (after.getUTCFullYear() - from.getUTCFullYear()) * 12 +
    after.getUTCMonth() -
    from.getUTCMonth();
  // Start just before `after` and step forward: at most a couple of iterations.
  let step = Math.max(1, Math.floor(elapsedMonths / months));
  let next = addMonths(from, months * step);
  while (next <= after) next = addMonths(from, months * ++step);
  return next;
}

/**
 * Whether a pending task of the same series, due at `due`, already is the occurrence that a
 * completion would create at `next`. An anchored series has fixed steps, so only `next` itself
 * is; a series without a due date counts from each completion, so an occurrence counted from an
 * earlier one (restored by an undo after its deletion) is any date after `after` up to `next`.
 */
export function isNextOccurrence(due: Date, next: Date, anchor: Date | null, after: Date): boolean {
  return anchor ? due.getTime() === next.getTime() : due > after && due <= next;
}
