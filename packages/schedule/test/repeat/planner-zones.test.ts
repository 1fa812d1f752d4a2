import { describe, expect, it } from 'vitest';
import { nextDue, onTime, series, task } from './support.js';

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
