import { describe, expect, it } from 'vitest';
import { at, nextDue, onTime, plannerTask, series, task } from './support.js';

describe('leap days', () => {
  it('yearly from Feb 29: Feb 28 in common years, Feb 29 again in the next leap year', () => {
    const dues = series(task('FREQ=YEARLY', '2024-02-29T08:00:00Z', 'Europe/Berlin'), onTime, 5);
    expect(dues).toEqual([
      '2024-02-29T08:00:00.000Z',
      '2025-02-28T08:00:00.000Z',
      '2026-02-28T08:00:00.000Z',
      '2027-02-28T08:00:00.000Z',
      '2028-02-29T08:00:00.000Z',
    ]);
  });

  it('daily steps through Feb 29', () => {
    expect(series(task('FREQ=DAILY', '2024-02-28T12:00:00Z'), onTime, 3)).toEqual([
      '2024-02-28T12:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2024-03-01T12:00:00.000Z',
    ]);
  });

  it.each([
    ['the 29th, anchored', 'FREQ=MONTHLY', '2025-01-29T09:00:00Z', ['2025-02-28', '2025-03-29']],
    [
      'BYMONTHDAY=30 in a leap February',
      'FREQ=MONTHLY;BYMONTHDAY=30',
      '2024-01-30T09:00:00Z',
      ['2024-02-29', '2024-03-30'],
    ],
    [
      'every 4 years from Feb 29',
      'FREQ=YEARLY;INTERVAL=4',
      '2024-02-29T09:00:00Z',
      ['2028-02-29', '2032-02-29'],
    ],
    [
      'every year from Feb 28 stays on the 28th',
      'FREQ=YEARLY',
      '2023-02-28T09:00:00Z',
      ['2024-02-28', '2025-02-28'],
    ],
  ])('monthly and yearly: %s', (_name, rrule, due, expected) => {
    const dues = series(task(rrule, due), onTime, 3).slice(1);
    expect(dues.map((iso) => iso.slice(0, 10))).toEqual(expected);
  });

  it('from completion: a year after Feb 29 is Feb 28', () => {
    const yearly = task('FREQ=YEARLY', '2024-02-20T09:00:00Z', 'UTC', 'completion');
    expect(nextDue(yearly, '2024-02-29T15:00:00Z')).toBe('2025-02-28T09:00:00.000Z');
  });
});

describe('the 31st and the last day across months', () => {
  it('a series on the 31st comes back to the 31st after each short month', () => {
    const dues = series(task('FREQ=MONTHLY', '2025-01-31T09:00:00Z'), onTime, 12);
    expect(dues.map((iso) => iso.slice(0, 10))).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
    ]);
  });

  it.each([
    [
      'last day from Jan 31 in a leap year',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      '2024-01-31',
      ['2024-02-29', '2024-03-31', '2024-04-30'],
    ],
    [
      'last day from a 15th: the same month’s end first',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      '2025-04-15',
      ['2025-04-30', '2025-05-31', '2025-06-30'],
    ],
    [
      'the 31st from a 15th',
      'FREQ=MONTHLY;BYMONTHDAY=31',
      '2025-01-15',
      ['2025-01-31', '2025-02-28', '2025-03-31'],
    ],
    [
      'the 15th from a 20th: next month',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      '2025-01-20',
      ['2025-02-15', '2025-03-15', '2025-04-15'],
    ],
    [
      'every 2 months on the last day',
      'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1',
      '2025-01-31',
      ['2025-03-31', '2025-05-31', '2025-07-31'],
    ],
    [
      'every 3 months from Nov 30',
      'FREQ=MONTHLY;INTERVAL=3',
      '2025-11-30',
      ['2026-02-28', '2026-05-30', '2026-08-30'],
    ],
    [
      'across the year end',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      '2025-11-30',
      ['2025-12-31', '2026-01-31', '2026-02-28'],
    ],
  ])('%s', (_name, rrule, due, expected) => {
    const dues = series(task(rrule, `${due}T09:00:00Z`), onTime, 4).slice(1);
    expect(dues.map((iso) => iso.slice(0, 10))).toEqual(expected);
  });

  it('from completion: a month after Jan 31 is Feb 28, then the 28th on', () => {
    const monthly = task('FREQ=MONTHLY', '2025-01-31T09:00:00Z', 'UTC', 'completion');
    expect(nextDue(monthly, '2025-01-31T10:00:00Z')).toBe('2025-02-28T09:00:00.000Z');
  });

  it('from completion on a day of the month: the first such day on or after a month later', () => {
    const on15th = task('FREQ=MONTHLY;BYMONTHDAY=15', '2025-01-15T09:00:00Z', 'UTC', 'completion');
    expect(nextDue(on15th, '2025-01-20T10:00:00Z')).toBe('2025-03-15T09:00:00.000Z');
    expect(nextDue(on15th, '2025-01-10T10:00:00Z')).toBe('2025-02-15T09:00:00.000Z');
    const lastDay = task('FREQ=MONTHLY;BYMONTHDAY=-1', '2025-01-31T09:00:00Z', 'UTC', 'completion');
    expect(nextDue(lastDay, '2025-01-31T10:00:00Z')).toBe('2025-02-28T09:00:00.000Z');
  });
});

describe('completing early, on time and late', () => {
  const due = '2025-06-10T09:00:00Z'; // a Tuesday

  it.each([
    [
      'early, from the due date: the date after the due one',
      'FREQ=DAILY',
      'due',
      '2025-06-05T12:00:00Z',
      '2025-06-11T09:00:00.000Z',
    ],
    ['on time, weekly', 'FREQ=WEEKLY', 'due', '2025-06-10T08:00:00Z', '2025-06-17T09:00:00.000Z'],
    [
      'three weeks late, weekly: the first date after now',
      'FREQ=WEEKLY',
      'due',
      '2025-07-02T12:00:00Z',
      '2025-07-08T09:00:00.000Z',
    ],
    [
      'late on the very next date’s time: the one after',
      'FREQ=WEEKLY',
      'due',
      '2025-06-17T09:00:00Z',
      '2025-06-24T09:00:00.000Z',
    ],
    [
      'months late, monthly',
      'FREQ=MONTHLY',
      'due',
      '2025-09-20T12:00:00Z',
      '2025-10-10T09:00:00.000Z',
    ],
    [
      'early, from completion: counts from the completion',
      'FREQ=DAILY',
      'completion',
      '2025-06-05T12:00:00Z',
      '2025-06-06T09:00:00.000Z',
    ],
    [
      'late, from completion',
      'FREQ=WEEKLY',
      'completion',
      '2025-07-02T12:00:00Z',
      '2025-07-09T09:00:00.000Z',
    ],
    [
      'late, from completion, weekly on Mon: the first Monday a week after',
      'FREQ=WEEKLY;BYDAY=MO',
      'completion',
      '2025-06-11T12:00:00Z',
      '2025-06-23T09:00:00.000Z',
    ],
  ] as const)('%s', (_name, rrule, from, completed, expected) => {
    expect(nextDue(task(rrule, due, 'UTC', from), completed)).toBe(expected);
  });

  it('every 2 weeks on Mon, Thu: weeks stay aligned to the anchor’s week', () => {
    // Monday 2 June 2025, 09:00 Berlin.
    const first = task(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      '2025-06-02T07:00:00Z',
      'Europe/Berlin',
    );
    expect(series(first, onTime, 6).map((iso) => iso.slice(0, 10))).toEqual([
      '2025-06-02',
      '2025-06-05',
      '2025-06-16',
      '2025-06-19',
      '2025-06-30',
      '2025-07-03',
    ]);
    // Thursday 5 June completed on Wednesday 25 June: the week of 16 June is over, so 30 June.
    const thursday = {
      ...first,
      dueAt: at('2025-06-05T07:00:00Z'),
      recurrenceAnchorAt: first.dueAt,
    };
    expect(nextDue(thursday, '2025-06-25T10:00:00Z')).toBe('2025-06-30T07:00:00.000Z');
  });

  it('weekly on days that do not include the anchor’s own day starts from the next listed one', () => {
    // Wednesday 4 June 2025; the rule lists Mon and Fri.
    const dues = series(task('FREQ=WEEKLY;BYDAY=MO,FR', '2025-06-04T09:00:00Z'), onTime, 4);
    expect(dues.map((iso) => iso.slice(0, 10))).toEqual([
      '2025-06-04',
      '2025-06-06',
      '2025-06-09',
      '2025-06-13',
    ]);
  });

  it('without a due date: one interval after the completion, at its time of day', () => {
    const noDue = (rrule: string) => plannerTask({ rrule, timeZone: 'Europe/Berlin' });
    expect(nextDue(noDue('FREQ=DAILY;INTERVAL=3'), '2025-03-28T10:00:00Z')).toBe(
      '2025-03-31T09:00:00.000Z',
    );
    // Weekly on Fri, completed Monday 2 June 12:00 Berlin: a week later is Monday 9th, then Friday.
    expect(nextDue(noDue('FREQ=WEEKLY;BYDAY=FR'), '2025-06-02T10:00:00Z')).toBe(
      '2025-06-13T10:00:00.000Z',
    );
  });
});
