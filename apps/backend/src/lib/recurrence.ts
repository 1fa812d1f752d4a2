import type { Recurrence } from '@todo/contract';

export type RepeatRule = Exclude<Recurrence, 'none'>;

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
 * When the next occurrence of a completed recurring task is due: the first step of its rule after
 * its due date that lies in the future, so an overdue task doesn't spawn an already-late copy.
 * A task without a due date repeats one step from the moment it was completed. Month steps count
 * from the original date (Jan 31 → Feb 28 → Mar 31; Feb 29 → Feb 28 next year).
 */
export function nextDueAt(dueAt: Date | null, rule: RepeatRule, now: Date): Date {
  const from = dueAt ?? now;
  if (rule === 'daily' || rule === 'weekly') {
    const period = FIXED_PERIOD_MS[rule];
    const steps = Math.max(1, Math.floor((now.getTime() - from.getTime()) / period) + 1);
    return new Date(from.getTime() + steps * period);
  }
  const months = MONTHS_PER_STEP[rule];
  const elapsedMonths =
    (now.getUTCFullYear() - from.getUTCFullYear()) * 12 + now.getUTCMonth() - from.getUTCMonth();
  // Start just before `now` and step forward: at most a couple of iterations.
  let step = Math.max(1, Math.floor(elapsedMonths / months));
  let next = addMonths(from, months * step);
  while (next <= now) next = addMonths(from, months * ++step);
  return next;
}
