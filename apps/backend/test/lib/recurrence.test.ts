import { describe, expect, it } from 'vitest';
import { addMonths, isNextOccurrence, nextDueAt } from '../../src/lib/recurrence.js';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('addMonths', () => {
  it('keeps the day and the time of day', () => {
    expect(iso(addMonths(at('2025-03-15T09:30:00Z'), 1))).toBe('2025-04-15T09:30:00.000Z');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(iso(addMonths(at('2025-01-31T08:00:00Z'), 1))).toBe('2025-02-28T08:00:00.000Z');
    expect(iso(addMonths(at('2024-01-31T08:00:00Z'), 1))).toBe('2024-02-29T08:00:00.000Z');
    expect(iso(addMonths(at('2025-03-31T08:00:00Z'), 1))).toBe('2025-04-30T08:00:00.000Z');
  });

  it('crosses year ends', () => {
    expect(iso(addMonths(at('2025-12-31T00:00:00Z'), 2))).toBe('2026-02-28T00:00:00.000Z');
    expect(iso(addMonths(at('2024-02-29T00:00:00Z'), 12))).toBe('2025-02-28T00:00:00.000Z');
    expect(iso(addMonths(at('2024-02-29T00:00:00Z'), 48))).toBe('2028-02-29T00:00:00.000Z');
  });

  it('does not change its argument', () => {
    const date = at('2025-01-31T00:00:00Z');
    addMonths(date, 1);
    expect(iso(date)).toBe('2025-01-31T00:00:00.000Z');
  });
});

describe('nextDueAt', () => {
  // Completed the day before the due date unless a test says otherwise.
  const due = at('2025-01-31T09:00:00Z');
  const dayBefore = at('2025-01-30T12:00:00Z');

  it.each([
    ['daily', '2025-02-01T09:00:00.000Z'],
    ['weekly', '2025-02-07T09:00:00.000Z'],
    ['monthly', '2025-02-28T09:00:00.000Z'],
    ['yearly', '2026-01-31T09:00:00.000Z'],
  ] as const)('steps a %s task one period from its due date', (rule, expected) => {
    expect(iso(nextDueAt(due, rule, dayBefore))).toBe(expected);
  });

  it('steps a monthly Jan 31 to Feb 29 in a leap year', () => {
    expect(iso(nextDueAt(at('2024-01-31T09:00:00Z'), 'monthly', at('2024-01-31T08:00:00Z')))).toBe(
      '2024-02-29T09:00:00.000Z',
    );
  });

  it('counts month steps from the original date: Jan 31 → Feb 28 → Mar 31', () => {
    const original = at('2025-01-31T09:00:00Z');
    expect(iso(nextDueAt(original, 'monthly', at('2025-02-01T00:00:00Z')))).toBe(
      '2025-02-28T09:00:00.000Z',
    );
    // Once Feb 28 has passed, the step after it is Mar 31, not Mar 28.
    expect(iso(nextDueAt(original, 'monthly', at('2025-03-01T00:00:00Z')))).toBe(
      '2025-03-31T09:00:00.000Z',
    );
    expect(iso(nextDueAt(original, 'monthly', at('2025-04-01T00:00:00Z')))).toBe(
      '2025-04-30T09:00:00.000Z',
    );
  });

  it('steps a yearly Feb 29 to Feb 28, and back to Feb 29 in the next leap year', () => {
    const leapDay = at('2024-02-29T12:00:00Z');
    expect(iso(nextDueAt(leapDay, 'yearly', at('2024-02-01T00:00:00Z')))).toBe(
      '2025-02-28T12:00:00.000Z',
    );
    expect(iso(nextDueAt(leapDay, 'yearly', at('2027-06-01T00:00:00Z')))).toBe(
      '2028-02-29T12:00:00.000Z',
    );
  });

  it.each([
    ['daily', '2025-03-10T09:30:00Z', '2025-03-11T09:00:00.000Z'],
    ['daily', '2025-03-10T08:30:00Z', '2025-03-10T09:00:00.000Z'],
    ['weekly', '2025-03-10T00:00:00Z', '2025-03-14T09:00:00.000Z'],
    ['monthly', '2025-05-31T10:00:00Z', '2025-06-30T09:00:00.000Z'],
    ['monthly', '2025-05-31T08:00:00Z', '2025-05-31T09:00:00.000Z'],
    ['yearly', '2027-02-01T00:00:00Z', '2028-01-31T09:00:00.000Z'],
  ] as const)(
    'steps an overdue %s task to its first occurrence after now (%s)',
    (rule, now, expected) => {
      const next = nextDueAt(due, rule, at(now));
      expect(iso(next)).toBe(expected);
      expect(next.getTime()).toBeGreaterThan(at(now).getTime());
    },
  );

  it('never returns now itself when now falls exactly on an occurrence', () => {
    const now = at('2025-02-01T09:00:00Z');
    expect(iso(nextDueAt(due, 'daily', now))).toBe('2025-02-02T09:00:00.000Z');
    expect(iso(nextDueAt(due, 'monthly', at('2025-02-28T09:00:00Z')))).toBe(
      '2025-03-31T09:00:00.000Z',
    );
  });

  it('steps far-overdue tasks without walking every period', () => {
    const old = at('2000-01-31T09:00:00Z');
    const now = at('2025-06-15T00:00:00Z');
    expect(iso(nextDueAt(old, 'daily', now))).toBe('2025-06-15T09:00:00.000Z');
    expect(iso(nextDueAt(old, 'monthly', now))).toBe('2025-06-30T09:00:00.000Z');
    expect(iso(nextDueAt(old, 'yearly', now))).toBe('2026-01-31T09:00:00.000Z');
  });

  it.each([
    ['daily', '2025-05-11T10:15:00.000Z'],
    ['weekly', '2025-05-17T10:15:00.000Z'],
    ['monthly', '2025-06-10T10:15:00.000Z'],
    ['yearly', '2026-05-10T10:15:00.000Z'],
  ] as const)('repeats a %s task without a due date one step from now', (rule, expected) => {
    expect(iso(nextDueAt(null, rule, at('2025-05-10T10:15:00Z')))).toBe(expected);
  });
});

describe('isNextOccurrence', () => {
  const next = at('2031-03-11T08:00:00Z');
  const after = at('2031-03-10T09:00:00Z');

  it('in an anchored series, is only the next step itself', () => {
    const anchor = at('2031-03-01T08:00:00Z');
    expect(isNextOccurrence(next, next, anchor, after)).toBe(true);
    expect(isNextOccurrence(at('2031-03-10T20:00:00Z'), next, anchor, after)).toBe(false);
  });

  it('in a series without a due date, is any date after the completion up to the next step', () => {
    expect(isNextOccurrence(at('2031-03-10T20:00:00Z'), next, null, after)).toBe(true);
    expect(isNextOccurrence(next, next, null, after)).toBe(true);
    expect(isNextOccurrence(after, next, null, after)).toBe(false);
    expect(isNextOccurrence(at('2031-03-11T08:00:01Z'), next, null, after)).toBe(false);
  });
});
