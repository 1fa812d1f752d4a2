import type { Recurrence } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { formatRRule, planCompletion, ruleFromRecurrence } from '../../src/index.js';
import { at, nextDue, plannerTask } from './support.js';

/**
 * The four first-version values, migrated to FREQ=… in UTC, must behave exactly as the backend's
 * recurrence.ts did: these are its test cases (apps/backend/test/lib/recurrence.test.ts and the
 * route tests), run through the planner.
 */
type Legacy = Exclude<Recurrence, 'none'>;

/** The migrated task: the rule migration 0004 wrote, due and anchored as the old code kept it. */
const legacyTask = (value: Legacy, due: string | null, anchor: string | null = due) => {
  const rule = ruleFromRecurrence(value);
  return plannerTask({
    rrule: rule && formatRRule(rule),
    dueAt: due ? at(due) : null,
    recurrenceAnchorAt: anchor ? at(anchor) : null,
  });
};

describe('legacy rules, as migration 0004 wrote them', () => {
  it.each([
    ['daily', 'FREQ=DAILY'],
    ['weekly', 'FREQ=WEEKLY'],
    ['monthly', 'FREQ=MONTHLY'],
    ['yearly', 'FREQ=YEARLY'],
  ] as const)('%s is %s', (value, rrule) => {
    const rule = ruleFromRecurrence(value);
    expect(rule && formatRRule(rule)).toBe(rrule);
  });
});

describe('legacy: one period from the due date', () => {
  // Completed the day before the due date unless a test says otherwise.
  const due = '2025-01-31T09:00:00Z';
  const dayBefore = '2025-01-30T12:00:00Z';

  it.each([
    ['daily', '2025-02-01T09:00:00.000Z'],
    ['weekly', '2025-02-07T09:00:00.000Z'],
    ['monthly', '2025-02-28T09:00:00.000Z'],
    ['yearly', '2026-01-31T09:00:00.000Z'],
  ] as const)('steps a %s task one period from its due date', (value, expected) => {
    expect(nextDue(legacyTask(value, due), dayBefore)).toBe(expected);
  });

  it.each([
    ['2025-03-15T09:30:00Z', '2025-04-15T09:30:00.000Z'],
    ['2025-01-31T08:00:00Z', '2025-02-28T08:00:00.000Z'],
    ['2024-01-31T08:00:00Z', '2024-02-29T08:00:00.000Z'],
    ['2025-03-31T08:00:00Z', '2025-04-30T08:00:00.000Z'],
    ['2025-12-31T00:00:00Z', '2026-01-31T00:00:00.000Z'],
  ])('monthly from %s keeps the time of day and clamps to a shorter month: %s', (due, expected) => {
    expect(nextDue(legacyTask('monthly', due), due)).toBe(expected);
  });

  it('steps a yearly Feb 29 to Feb 28, and back to Feb 29 in the next leap year', () => {
    const leapDay = legacyTask('yearly', '2024-02-29T12:00:00Z');
    expect(nextDue(leapDay, '2024-02-01T00:00:00Z')).toBe('2025-02-28T12:00:00.000Z');
    // Completed overdue in mid-2027: the due date that followed is the anchor's, not Feb 28's.
    expect(nextDue(leapDay, '2027-06-01T00:00:00Z')).toBe('2028-02-29T12:00:00.000Z');
  });

  it('counts month steps from the anchor: Jan 31 → Feb 28 → Mar 31 → Apr 30', () => {
    const anchor = '2025-01-31T09:00:00Z';
    expect(nextDue(legacyTask('monthly', anchor), '2025-02-01T00:00:00Z')).toBe(
      '2025-02-28T09:00:00.000Z',
    );
    const february = legacyTask('monthly', '2025-02-28T09:00:00Z', anchor);
    expect(nextDue(february, '2025-03-01T00:00:00Z')).toBe('2025-03-31T09:00:00.000Z');
    const march = legacyTask('monthly', '2025-03-31T09:00:00Z', anchor);
    expect(nextDue(march, '2025-04-01T00:00:00Z')).toBe('2025-04-30T09:00:00.000Z');
  });

  it.each([
    ['daily', '2025-03-10T09:30:00Z', '2025-03-11T09:00:00.000Z'],
    ['daily', '2025-03-10T08:30:00Z', '2025-03-10T09:00:00.000Z'],
    ['weekly', '2025-03-10T00:00:00Z', '2025-03-14T09:00:00.000Z'],
    ['monthly', '2025-05-31T10:00:00Z', '2025-06-30T09:00:00.000Z'],
    ['monthly', '2025-05-31T08:00:00Z', '2025-05-31T09:00:00.000Z'],
    ['yearly', '2027-02-01T00:00:00Z', '2028-01-31T09:00:00.000Z'],
  ] as const)(
    'steps an overdue %s task completed %s to its first date after then: %s',
    (value, now, expected) => {
      expect(nextDue(legacyTask(value, due), now)).toBe(expected);
    },
  );

  it('never answers the completion instant itself when it falls on an occurrence', () => {
    expect(nextDue(legacyTask('daily', due), '2025-02-01T09:00:00Z')).toBe(
      '2025-02-02T09:00:00.000Z',
    );
    const february = legacyTask('monthly', '2025-02-28T09:00:00Z', due);
    expect(nextDue(february, '2025-02-28T09:00:00Z')).toBe('2025-03-31T09:00:00.000Z');
  });

  it('steps a task due years ago in a few steps, not one per period', () => {
    const old = '2000-01-31T09:00:00Z';
    const now = '2025-06-15T00:00:00Z';
    expect(nextDue(legacyTask('daily', old), now)).toBe('2025-06-15T09:00:00.000Z');
    expect(nextDue(legacyTask('monthly', old), now)).toBe('2025-06-30T09:00:00.000Z');
    expect(nextDue(legacyTask('yearly', old), now)).toBe('2026-01-31T09:00:00.000Z');
  });

  it('keeps the milliseconds of an overdue due date (route test: 3.5 days overdue → +4 days)', () => {
    const now = at('2031-06-10T12:34:56.789Z');
    const due = new Date(now.getTime() - 3.5 * 86_400_000);
    const plan = planCompletion(legacyTask('daily', due.toISOString()), now);
    expect(plan.create && plan.next.dueAt.getTime()).toBe(due.getTime() + 4 * 86_400_000);
  });

  it.each([
    ['daily', '2025-05-11T10:15:00.123Z'],
    ['weekly', '2025-05-17T10:15:00.123Z'],
    ['monthly', '2025-06-10T10:15:00.123Z'],
    ['yearly', '2026-05-10T10:15:00.123Z'],
  ] as const)(
    'repeats a %s task without a due date one step from the completion',
    (value, expected) => {
      expect(nextDue(legacyTask(value, null), '2025-05-10T10:15:00.123Z')).toBe(expected);
    },
  );

  it('keeps a migrated row without an anchor on its due date', () => {
    expect(nextDue(legacyTask('monthly', '2025-01-31T09:00:00Z', null), dayBefore)).toBe(
      '2025-02-28T09:00:00.000Z',
    );
  });

  it('ends a series whose next date would pass the year 9999', () => {
    expect(nextDue(legacyTask('yearly', '9999-06-01T00:00:00Z'), '9999-05-01T00:00:00Z')).toBe(
      'series-ended',
    );
    expect(nextDue(legacyTask('daily', '9999-12-30T00:00:00Z'), '9999-12-29T00:00:00Z')).toBe(
      '9999-12-31T00:00:00.000Z',
    );
    expect(nextDue(legacyTask('daily', '9999-12-31T00:00:00Z'), '9999-12-29T00:00:00Z')).toBe(
      'series-ended',
    );
  });
});
