import { RECURRENCES } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import {
  formatRRule,
  recurrenceOf,
  repeatFields,
  ruleColumns,
  ruleFromInput,
  ruleFromRecurrence,
  storedRule,
  toRepeat,
} from '../../src/index.js';
import { rule } from './support.js';

describe('ruleFromInput', () => {
  it('takes structured fields with their defaults', () => {
    expect(ruleFromInput({ frequency: 'daily' })).toEqual({
      ok: true,
      rule: {
        frequency: 'daily',
        interval: 1,
        weekdays: [],
        monthDay: null,
        count: null,
        until: null,
        from: 'due',
      },
    });
  });

  it.each([
    [
      { frequency: 'weekly', interval: 2, weekdays: ['th', 'mo'] },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    ],
    [{ frequency: 'monthly', month_day: -1 }, 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    [{ frequency: 'monthly', month_day: null, count: 3 }, 'FREQ=MONTHLY;COUNT=3'],
    [
      { frequency: 'yearly', until: '2030-06-30T12:00:00.750Z' },
      'FREQ=YEARLY;UNTIL=20300630T120000Z',
    ],
    [
      { frequency: 'daily', until: '2030-06-30T14:00:00+02:00' },
      'FREQ=DAILY;UNTIL=20300630T120000Z',
    ],
    [{ rrule: 'freq=weekly;byday=fr' }, 'FREQ=WEEKLY;BYDAY=FR'],
  ] as const)('%o is %s', (input, rrule) => {
    const result = ruleFromInput(input as Parameters<typeof ruleFromInput>[0]);
    expect(result.ok && formatRRule(result.rule)).toBe(rrule);
  });

  it('keeps `from` beside an RRULE string', () => {
    const result = ruleFromInput({ rrule: 'FREQ=DAILY', from: 'completion' });
    expect(result.ok && result.rule.from).toBe('completion');
  });

  it.each([
    [{ frequency: 'daily', weekdays: ['mo'] }, 'Weekdays can only be chosen for a weekly rule.'],
    [{ frequency: 'monthly', weekdays: ['mo'] }, 'Weekdays can only be chosen for a weekly rule.'],
    [
      { frequency: 'weekly', month_day: 1 },
      'A day of the month can only be chosen for a monthly rule.',
    ],
    [
      { frequency: 'yearly', month_day: -1 },
      'A day of the month can only be chosen for a monthly rule.',
    ],
    [
      { frequency: 'daily', count: 3, until: '2030-01-01T00:00:00Z' },
      'A rule ends either after a count or at a date, not both.',
    ],
    [{ frequency: 'daily', interval: 0 }, 'The interval must be a whole number from 1 to 999.'],
    [{ frequency: 'daily', interval: 2.5 }, 'The interval must be a whole number from 1 to 999.'],
    [{ frequency: 'daily', count: 0 }, 'The count must be a whole number from 1 to 1000.'],
    [{ frequency: 'weekly', weekdays: ['mo', 'mo'] }, 'Each weekday may be listed only once.'],
    [
      { frequency: 'weekly', weekdays: ['xx'] },
      'Weekdays must be among mo, tu, we, th, fr, sa, su.',
    ],
    [
      { frequency: 'monthly', month_day: 0 },
      'The day of the month must be 1 to 31, or -1 for the last day.',
    ],
    [
      { frequency: 'monthly', month_day: -2 },
      'The day of the month must be 1 to 31, or -1 for the last day.',
    ],
    [{ frequency: 'hourly' }, 'The frequency must be daily, weekly, monthly or yearly.'],
    [
      { frequency: 'daily', until: 'tomorrow' },
      'The end date must be a valid date-time between the years 1 and 9999.',
    ],
    [
      { frequency: 'daily', from: 'start' },
      'The next date counts either from the due date or from the completion.',
    ],
    [{ rrule: 'FREQ=DAILY;BYDAY=MO' }, 'BYDAY is only supported with FREQ=WEEKLY.'],
  ])('refuses %o: %s', (input, problem) => {
    // Callers such as quick add may skip the schema, so the checks do not rely on it.
    expect(ruleFromInput(input as unknown as Parameters<typeof ruleFromInput>[0])).toEqual({
      ok: false,
      problem,
    });
  });
});

describe('legacy recurrence values', () => {
  it('none is no rule; each other value is its rule, and answers as itself', () => {
    expect(ruleFromRecurrence('none')).toBeNull();
    expect(recurrenceOf(null)).toBe('none');
    for (const value of RECURRENCES) expect(recurrenceOf(ruleFromRecurrence(value))).toBe(value);
  });

  it.each([
    'FREQ=DAILY;INTERVAL=2',
    'FREQ=WEEKLY;BYDAY=MO',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=YEARLY;COUNT=3',
    'FREQ=DAILY;UNTIL=20301231T235959Z',
  ])('%s is custom', (rrule) => {
    expect(recurrenceOf(rule(rrule))).toBe('custom');
  });

  it('a rule counted from completion is custom too', () => {
    expect(recurrenceOf(rule('FREQ=DAILY', 'completion'))).toBe('custom');
  });
});

describe('toRepeat', () => {
  it('answers every field, the RRULE and the summary', () => {
    expect(toRepeat(rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6'))).toEqual({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6',
      frequency: 'weekly',
      interval: 2,
      weekdays: ['mo', 'th'],
      month_day: null,
      count: 6,
      until: null,
      from: 'due',
      summary: 'Every 2 weeks on Mon, Thu, 6 times',
    });
    expect(toRepeat(rule('FREQ=MONTHLY;UNTIL=20301231T230000Z'), 'Europe/Berlin')).toMatchObject({
      until: '2030-12-31T23:00:00.000Z',
      summary: 'Every month, until 1 Jan 2031',
    });
  });

  it('round-trips through the API input', () => {
    const repeat = toRepeat(rule('FREQ=MONTHLY;BYMONTHDAY=15;COUNT=4', 'completion'));
    const { rrule: _rrule, summary: _summary, ...fields } = repeat;
    const again = ruleFromInput(fields);
    expect(again.ok && toRepeat(again.rule)).toEqual(repeat);
  });
});

describe('stored columns', () => {
  it('stores a rule as its canonical string and `from`, and no rule as null', () => {
    expect(ruleColumns(rule('freq=weekly;byday=th,mo', 'completion'))).toEqual({
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
      repeatFrom: 'completion',
    });
    expect(ruleColumns(null)).toEqual({ rrule: null, repeatFrom: 'due' });
  });

  it('answers the API fields of a stored task', () => {
    expect(repeatFields({ rrule: 'FREQ=MONTHLY', repeatFrom: 'due', timeZone: 'UTC' })).toEqual({
      recurrence: 'monthly',
      repeat: expect.objectContaining({ rrule: 'FREQ=MONTHLY', summary: 'Every month' }),
    });
    expect(repeatFields({ rrule: null, repeatFrom: 'due', timeZone: 'UTC' })).toEqual({
      recurrence: 'none',
      repeat: null,
    });
    const custom = repeatFields({
      rrule: 'FREQ=DAILY;COUNT=2',
      repeatFrom: 'due',
      timeZone: 'UTC',
    });
    expect(custom.recurrence).toBe('custom');
    expect(custom.repeat?.summary).toBe('Every day, 2 times');
  });

  it('reads a stored rule that does not parse as no rule, without throwing', () => {
    expect(storedRule({ rrule: 'FREQ=HOURLY', repeatFrom: 'due' })).toBeNull();
    expect(repeatFields({ rrule: 'garbage', repeatFrom: 'due', timeZone: 'UTC' })).toEqual({
      recurrence: 'none',
      repeat: null,
    });
  });
});
