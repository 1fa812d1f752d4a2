import { describe, expect, it } from 'vitest';
import { at, nextDue, plannerTask, series } from './support.js';

/** A new series due at `due` in `timeZone`, from its due date. */
const task = (
  rrule: string,
  due: string,
  timeZone = 'UTC',
  repeatFrom: 'due' | 'completion' = 'due',
) => plannerTask({ rrule, dueAt: at(due), timeZone, repeatFrom });

/** Each occurrence completed an hour before it is due. */
const onTime = (due: Date) => new Date(due.getTime() - 3_600_000);

describe('DST: the wall-clock time stays', () => {
  it.each([
    // Berlin springs forward on 30 March 2025 (CET +1 → CEST +2) and falls back on 26 October.
    [
      'daily 09:00 into summer time',
      'FREQ=DAILY',
      'Europe/Berlin',
      '2025-03-29T08:00:00Z',
      '2025-03-30T07:00:00.000Z',
    ],
    [
      'weekly 09:00 into winter time',
      'FREQ=WEEKLY',
      'Europe/Berlin',
      '2025-10-25T07:00:00Z',
      '2025-11-01T08:00:00.000Z',
    ],
    [
      'monthly 09:00 across the change',
      'FREQ=MONTHLY',
      'Europe/Berlin',
      '2025-03-15T08:00:00Z',
      '2025-04-15T07:00:00.000Z',
    ],
    [
      'yearly 09:00 from summer to winter',
      'FREQ=YEARLY',
      'Europe/Berlin',
      '2025-07-01T07:00:00Z',
      '2026-07-01T07:00:00.000Z',
    ],
    [
      'every 2 weeks on Mon, Thu across spring',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      'Europe/Berlin',
      '2025-03-27T08:00:00Z',
      '2025-04-07T07:00:00.000Z',
    ],
    // New York springs forward on 9 March 2025 (EST -5 → EDT -4) and falls back on 2 November.
    [
      'daily 09:00 into daylight time',
      'FREQ=DAILY',
      'America/New_York',
      '2025-03-08T14:00:00Z',
      '2025-03-09T13:00:00.000Z',
    ],
    [
      'daily 09:00 into standard time',
      'FREQ=DAILY',
      'America/New_York',
      '2025-11-01T13:00:00Z',
      '2025-11-02T14:00:00.000Z',
    ],
    [
      'weekly on Sun 09:00 into standard time',
      'FREQ=WEEKLY;BYDAY=SU',
      'America/New_York',
      '2025-10-26T13:00:00Z',
      '2025-11-02T14:00:00.000Z',
    ],
  ])('%s', (_name, rrule, zone, due, expected) => {
    expect(nextDue(task(rrule, due, zone), due)).toBe(expected);
  });

  it('moves a time the spring gap skips forward by the gap, then returns to it', () => {
    // 02:30 does not exist in Berlin on 30 March 2025: 03:30 CEST instead.
    const dues = series(task('FREQ=DAILY', '2025-03-29T01:30:00Z', 'Europe/Berlin'), onTime, 3);
    expect(dues).toEqual([
      '2025-03-29T01:30:00.000Z', // 02:30 CET
      '2025-03-30T01:30:00.000Z', // 03:30 CEST
      '2025-03-31T00:30:00.000Z', // 02:30 CEST
    ]);
    // New York: 02:15 on 9 March 2025 becomes 03:15 EDT.
    expect(
      nextDue(
        task('FREQ=DAILY', '2025-03-08T07:15:00Z', 'America/New_York'),
        '2025-03-08T07:00:00Z',
      ),
    ).toBe('2025-03-09T07:15:00.000Z');
  });

  it('takes the earlier of a time that happens twice when clocks go back', () => {
    // 02:30 happens twice in Berlin on 26 October 2025: 00:30Z (CEST) and 01:30Z (CET).
    const dues = series(task('FREQ=DAILY', '2025-10-25T00:30:00Z', 'Europe/Berlin'), onTime, 3);
    expect(dues).toEqual([
      '2025-10-25T00:30:00.000Z', // 02:30 CEST
      '2025-10-26T00:30:00.000Z', // 02:30 CEST, the first of the two
      '2025-10-27T01:30:00.000Z', // 02:30 CET
    ]);
    // New York: 01:30 happens twice on 2 November 2025; EDT's comes first.
    expect(
      nextDue(
        task('FREQ=DAILY', '2025-11-01T05:30:00Z', 'America/New_York'),
        '2025-11-01T05:00:00Z',
      ),
    ).toBe('2025-11-02T05:30:00.000Z');
  });

  it('counts from the completion at the due time of day, across the change', () => {
    const due = '2025-03-29T08:00:00Z'; // 09:00 CET
    const late = task('FREQ=DAILY', due, 'Europe/Berlin', 'completion');
    // Completed at 20:00 CET on the 29th: the next day's 09:00, now CEST.
    expect(nextDue(late, '2025-03-29T19:00:00Z')).toBe('2025-03-30T07:00:00.000Z');
  });
});

describe('far east and far west: the local date decides, not the UTC one', () => {
  it.each([
    // Kiritimati is UTC+14: Monday 08:00 there is Sunday 18:00 UTC.
    [
      'Mon → Thu on Kiritimati',
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'Pacific/Kiritimati',
      '2025-06-01T18:00:00Z',
      '2025-06-04T18:00:00.000Z',
    ],
    [
      'Thu → Mon on Kiritimati',
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'Pacific/Kiritimati',
      '2025-06-04T18:00:00Z',
      '2025-06-08T18:00:00.000Z',
    ],
    [
      'last day on Kiritimati',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'Pacific/Kiritimati',
      '2025-06-29T18:00:00Z',
      '2025-07-30T18:00:00.000Z',
    ],
    [
      'the 1st on Kiritimati',
      'FREQ=MONTHLY;BYMONTHDAY=1',
      'Pacific/Kiritimati',
      '2025-05-31T18:00:00Z',
      '2025-06-30T18:00:00.000Z',
    ],
    // Pago Pago is UTC-11: Friday 20:00 there is Saturday 07:00 UTC.
    [
      'Fri → Fri in Pago Pago',
      'FREQ=WEEKLY;BYDAY=FR',
      'Pacific/Pago_Pago',
      '2025-06-07T07:00:00Z',
      '2025-06-14T07:00:00.000Z',
    ],
    [
      'Fri → Sat in Pago Pago',
      'FREQ=WEEKLY;BYDAY=FR,SA',
      'Pacific/Pago_Pago',
      '2025-06-07T07:00:00Z',
      '2025-06-08T07:00:00.000Z',
    ],
    [
      'the 1st in Pago Pago',
      'FREQ=MONTHLY;BYMONTHDAY=1',
      'Pacific/Pago_Pago',
      '2025-07-02T07:00:00Z',
      '2025-08-02T07:00:00.000Z',
    ],
    [
      'Dec 31 in Pago Pago',
      'FREQ=YEARLY',
      'Pacific/Pago_Pago',
      '2026-01-01T07:00:00Z',
      '2027-01-01T07:00:00.000Z',
    ],
    [
      'Jan 31 → Feb 28 in Pago Pago',
      'FREQ=MONTHLY',
      'Pacific/Pago_Pago',
      '2025-02-01T07:00:00Z',
      '2025-03-01T07:00:00.000Z',
    ],
  ])('%s', (_name, rrule, zone, due, expected) => {
    expect(nextDue(task(rrule, due, zone), due)).toBe(expected);
  });

  it('counts days from the completion’s local date', () => {
    // Due 09:00 on Kiritimati (19:00Z the day before); completed 12:00 local on 5 June (22:00Z on the 4th).
    const rule = task(
      'FREQ=DAILY;INTERVAL=3',
      '2025-05-31T19:00:00Z',
      'Pacific/Kiritimati',
      'completion',
    );
    expect(nextDue(rule, '2025-06-04T22:00:00Z')).toBe('2025-06-07T19:00:00.000Z');
    // In Pago Pago 22:00Z on the 4th is 11:00 on the 4th: three days later is the 7th, 09:00 local.
    const west = task(
      'FREQ=DAILY;INTERVAL=3',
      '2025-06-01T20:00:00Z',
      'Pacific/Pago_Pago',
      'completion',
    );
    expect(nextDue(west, '2025-06-04T22:00:00Z')).toBe('2025-06-07T20:00:00.000Z');
  });
});

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
