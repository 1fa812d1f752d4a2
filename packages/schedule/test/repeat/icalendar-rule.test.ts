import { describe, expect, it } from 'vitest';
import { icalendarRule, type SeriesColumns } from '../../src/index.js';

const series = (fields: Partial<SeriesColumns> & Pick<SeriesColumns, 'rrule'>): SeriesColumns => ({
  repeatFrom: 'due',
  timeZone: 'UTC',
  dueAt: new Date('2027-01-31T09:00:00Z'),
  recurrenceAnchorAt: null,
  occurrence: 1,
  ...fields,
});

describe('icalendarRule', () => {
  it.each([
    ['FREQ=DAILY', 'FREQ=DAILY'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH'],
    ['FREQ=DAILY;UNTIL=20271231T235959Z', 'FREQ=DAILY;UNTIL=20271231T235959Z'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'FREQ=MONTHLY;BYMONTHDAY=15'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    // Ours takes the month's last day when it is shorter: the 31st is always the last day.
    ['FREQ=MONTHLY;BYMONTHDAY=31', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['FREQ=MONTHLY;BYMONTHDAY=30', 'FREQ=MONTHLY;BYMONTHDAY=30'],
    // Without a day, the anchor's (31 January here).
    ['FREQ=MONTHLY;INTERVAL=3', 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1'],
    ['FREQ=YEARLY', 'FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=-1'],
  ])('%s is written %s', (rrule, expected) => {
    expect(icalendarRule(series({ rrule }))).toBe(expected);
  });

  it('takes the anchor’s day, in the task’s zone, not the current due date’s', () => {
    const task = series({
      rrule: 'FREQ=MONTHLY',
      timeZone: 'Pacific/Kiritimati',
      // 15 March 08:00 in Kiritimati (UTC+14) is 14 March in UTC.
      recurrenceAnchorAt: new Date('2027-03-14T18:00:00Z'),
      dueAt: new Date('2027-04-14T18:00:00Z'),
    });
    expect(icalendarRule(task)).toBe('FREQ=MONTHLY;BYMONTHDAY=15');
  });

  it('writes Feb 29 as February’s last day, Feb 28 in common years as the app does', () => {
    const leap = new Date('2028-02-29T09:00:00Z');
    expect(icalendarRule(series({ rrule: 'FREQ=YEARLY', dueAt: leap }))).toBe(
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1',
    );
  });

  it('keeps what is left of a COUNT: this task is number `occurrence` of the series', () => {
    expect(icalendarRule(series({ rrule: 'FREQ=DAILY;COUNT=5', occurrence: 3 }))).toBe(
      'FREQ=DAILY;COUNT=3',
    );
  });

  it('has no rule for no repeat, a repeat from completion, or an unreadable rule', () => {
    expect(icalendarRule(series({ rrule: null }))).toBeNull();
    expect(icalendarRule(series({ rrule: 'FREQ=DAILY', repeatFrom: 'completion' }))).toBeNull();
    expect(icalendarRule(series({ rrule: 'FREQ=HOURLY' }))).toBeNull();
  });
});
