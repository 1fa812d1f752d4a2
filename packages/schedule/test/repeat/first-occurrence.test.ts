import { describe, expect, it } from 'vitest';
import { firstOccurrence } from '../../src/index.js';
import { at, rule } from './support.js';

describe('firstOccurrence: where a series typed without a date starts', () => {
  it.each([
    // Wednesday 4 June 2025, 09:00 in Berlin (07:00Z).
    [
      'every mon: next Monday',
      'FREQ=WEEKLY;BYDAY=MO',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-09T07:00:00.000Z',
    ],
    [
      'every wed: today',
      'FREQ=WEEKLY;BYDAY=WE',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-04T07:00:00.000Z',
    ],
    [
      'every 2 weeks on mon, thu: Thursday',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-05T07:00:00.000Z',
    ],
    [
      'every weekday on a Saturday: Monday',
      'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      'Europe/Berlin',
      '2025-06-07T07:00:00Z',
      '2025-06-09T07:00:00.000Z',
    ],
    [
      'every day: the start itself',
      'FREQ=DAILY',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-04T07:00:00.000Z',
    ],
    [
      'every week: the start itself',
      'FREQ=WEEKLY',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-04T07:00:00.000Z',
    ],
    [
      'every year: the start itself',
      'FREQ=YEARLY',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-04T07:00:00.000Z',
    ],
    [
      'every month on the last day: this month’s',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-30T07:00:00.000Z',
    ],
    [
      'every month on the 1st: next month’s',
      'FREQ=MONTHLY;BYMONTHDAY=1',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-07-01T07:00:00.000Z',
    ],
    [
      'every month on the 31st in June: June 30',
      'FREQ=MONTHLY;BYMONTHDAY=31',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-30T07:00:00.000Z',
    ],
    [
      'every month on the 4th: today',
      'FREQ=MONTHLY;BYMONTHDAY=4',
      'Europe/Berlin',
      '2025-06-04T07:00:00Z',
      '2025-06-04T07:00:00.000Z',
    ],
    // Sunday 18:00Z is Monday 08:00 on Kiritimati: Monday is today there.
    [
      'every mon on Kiritimati',
      'FREQ=WEEKLY;BYDAY=MO',
      'Pacific/Kiritimati',
      '2025-06-01T18:00:00Z',
      '2025-06-01T18:00:00.000Z',
    ],
    // Monday 07:00Z is Sunday 20:00 in Pago Pago: Monday is tomorrow there.
    [
      'every mon in Pago Pago',
      'FREQ=WEEKLY;BYDAY=MO',
      'Pacific/Pago_Pago',
      '2025-06-02T07:00:00Z',
      '2025-06-03T07:00:00.000Z',
    ],
    // Saturday 29 March 2025, 09:00 CET; the next Monday is in summer time, still 09:00.
    [
      'every mon across the spring change',
      'FREQ=WEEKLY;BYDAY=MO',
      'Europe/Berlin',
      '2025-03-29T08:00:00Z',
      '2025-03-31T07:00:00.000Z',
    ],
  ])('%s', (_name, rrule, zone, start, expected) => {
    expect(firstOccurrence(rule(rrule), at(start), zone).toISOString()).toBe(expected);
  });
});
