import { WEEKDAYS, type Weekday } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { formatRRule, planCompletion, type RepeatRule } from '../../src/index.js';
import { plannerTask } from './support.js';

/**
 * The planner jumps close to the completion and steps from there; this oracle walks day by day
 * from the anchor and asks of each day only "does the rule name it?", sharing no code with the
 * planner. Zones with a fixed offset since the 1990s keep the oracle's own clock arithmetic
 * trivial: UTC, Kiritimati (UTC+14) and Pago Pago (UTC−11).
 */
const ZONES = { UTC: 0, 'Pacific/Kiritimati': 14, 'Pacific/Pago_Pago': -11 } as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Deterministic, so a failure names a case that can be run again. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

const lastDay = (year: number, month: number) =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

function ruleNames(rule: RepeatRule, anchor: Date, day: Date): boolean {
  const n = rule.interval;
  const days = Math.round((day.getTime() - anchor.getTime()) / DAY);
  const months =
    (day.getUTCFullYear() - anchor.getUTCFullYear()) * 12 +
    day.getUTCMonth() -
    anchor.getUTCMonth();
  const clamp = (wanted: number) =>
    Math.min(wanted === -1 ? 31 : wanted, lastDay(day.getUTCFullYear(), day.getUTCMonth()));
  switch (rule.frequency) {
    case 'daily':
      return days % n === 0;
    case 'weekly': {
      if (rule.weekdays.length === 0) return days % (7 * n) === 0;
      const isoDay = (date: Date) => (date.getUTCDay() + 6) % 7;
      const weeks = Math.floor((days + isoDay(anchor)) / 7);
      return weeks % n === 0 && rule.weekdays.includes(WEEKDAYS[isoDay(day)] as Weekday);
    }
    case 'monthly':
      return months % n === 0 && day.getUTCDate() === clamp(rule.monthDay ?? anchor.getUTCDate());
    case 'yearly':
      return months % (12 * n) === 0 && day.getUTCDate() === clamp(anchor.getUTCDate());
  }
}

/** The first date the rule names after `after`, found by walking one local day at a time. */
function oracle(rule: RepeatRule, anchor: Date, offsetHours: number, after: Date): Date {
  const local = new Date(anchor.getTime() + offsetHours * HOUR);
  const midnight = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()),
  );
  const timeOfDay = local.getTime() - midnight.getTime();
  for (let day = midnight; ; day = new Date(day.getTime() + DAY)) {
    const instant = new Date(day.getTime() + timeOfDay - offsetHours * HOUR);
    if (instant > after && ruleNames(rule, midnight, day)) return instant;
  }
}

describe('the planner agrees with a day-by-day walk', () => {
  const next = random(20_251_201);
  const frequencies = ['daily', 'weekly', 'monthly', 'yearly'] as const;
  const cases = Array.from({ length: 400 }, (_, index) => {
    const frequency = frequencies[index % 4] ?? 'daily';
    const zone = (Object.keys(ZONES) as (keyof typeof ZONES)[])[next(3)] ?? 'UTC';
    const weekdays =
      frequency === 'weekly' && next(3) > 0 ? WEEKDAYS.filter(() => next(2) === 1) : [];
    const monthDay =
      frequency === 'monthly' && next(2) === 1
        ? ([-1, 1, 15, 28, 29, 30, 31][next(7)] ?? null)
        : null;
    const rule: RepeatRule = {
      frequency,
      interval: 1 + next(frequency === 'daily' ? 10 : 3),
      weekdays,
      monthDay,
      count: null,
      until: null,
      from: 'due',
    };
    // Anchors from 2000 to 2030 at a whole minute; completions up to four years later.
    const anchor = new Date(Date.UTC(2000 + next(30), next(12), 1 + next(31), next(24), next(60)));
    const completedAt = new Date(anchor.getTime() + next(4 * 366) * DAY + next(DAY));
    return { rrule: formatRRule(rule), rule, zone, anchor, completedAt };
  });

  it.each(cases)('$rrule in $zone from $anchor completed $completedAt', (c) => {
    const task = plannerTask({ rrule: c.rrule, timeZone: c.zone, dueAt: c.anchor });
    const plan = planCompletion(task, c.completedAt);
    expect(plan.create).toBe(true);
    const expected = oracle(c.rule, c.anchor, ZONES[c.zone], c.completedAt);
    expect(plan.create && plan.next.dueAt.toISOString()).toBe(expected.toISOString());
  });
});
