import type { Repeat } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import {
  intervalUnit,
  newRepeatDraft,
  type RepeatDraft,
  repeatDraftFromTask,
  repeatSummary,
  summarizeFields,
  validateRepeat,
} from '@/lib/tasks/repeat-draft';

const weekly = (changes: Partial<RepeatDraft> = {}): RepeatDraft => ({
  ...newRepeatDraft('weekly'),
  ...changes,
});

describe('validateRepeat', () => {
  it('turns the editor into structured fields, every field present, weekdays in week order', () => {
    expect(
      validateRepeat(weekly({ interval: ' 2 ', weekdays: ['th', 'mo'] }), 'Europe/Berlin', null),
    ).toEqual({
      ok: true,
      fields: {
        frequency: 'weekly',
        interval: 2,
        weekdays: ['mo', 'th'],
        month_day: null,
        count: null,
        until: null,
        from: 'due',
      },
    });
    expect(validateRepeat(null, 'UTC', null)).toEqual({ ok: true, fields: null });
  });

  it('keeps only what the frequency uses (weekdays for weekly, the day for monthly)', () => {
    const monthly = validateRepeat(
      { ...weekly({ weekdays: ['mo'] }), frequency: 'monthly', monthDayMode: 'last' },
      'UTC',
      null,
    );
    expect(monthly).toMatchObject({ ok: true, fields: { weekdays: [], month_day: -1 } });
    const onThe15th = validateRepeat(
      { ...newRepeatDraft('monthly'), monthDayMode: 'day', monthDay: '15' },
      'UTC',
      null,
    );
    expect(onThe15th).toMatchObject({ ok: true, fields: { month_day: 15 } });
    const yearly = validateRepeat(
      { ...newRepeatDraft('yearly'), monthDayMode: 'last' },
      'UTC',
      null,
    );
    expect(yearly).toMatchObject({ ok: true, fields: { month_day: null } });
  });

  it('ends after a count, or at the end of a day in the zone', () => {
    expect(validateRepeat(weekly({ end: 'count', count: '5' }), 'UTC', null)).toMatchObject({
      ok: true,
      fields: { count: 5, until: null },
    });
    // 23:59 on 31 Dec in Berlin (UTC+1) is 22:59Z; in Pago Pago (UTC-11) it is the next day.
    expect(
      validateRepeat(weekly({ end: 'until', until: '2026-12-31' }), 'Europe/Berlin', null),
    ).toMatchObject({ ok: true, fields: { until: '2026-12-31T22:59:00.000Z', count: null } });
    expect(
      validateRepeat(weekly({ end: 'until', until: '2026-12-31' }), 'Pacific/Pago_Pago', null),
    ).toMatchObject({ ok: true, fields: { until: '2027-01-01T10:59:00.000Z' } });
  });

  it('says in words what is wrong with each part', () => {
    expect(
      validateRepeat(
        {
          ...newRepeatDraft('monthly'),
          interval: '1000',
          monthDayMode: 'day',
          monthDay: '32',
          end: 'count',
          count: '0',
        },
        'UTC',
        null,
      ),
    ).toEqual({
      ok: false,
      errors: {
        repeatInterval: 'Enter how many months apart, a whole number from 1 to 999.',
        repeatMonthDay: 'Enter a day of the month from 1 to 31.',
        repeatCount: 'Enter how many times, a whole number from 1 to 1000.',
      },
    });
    expect(validateRepeat(weekly({ interval: '1.5' }), 'UTC', null)).toMatchObject({
      ok: false,
      errors: { repeatInterval: expect.stringContaining('whole number') },
    });
    expect(validateRepeat(weekly({ end: 'until', until: '' }), 'UTC', null)).toEqual({
      ok: false,
      errors: { repeatUntil: 'Enter the date the repeat ends.' },
    });
    expect(
      validateRepeat(weekly({ end: 'until', until: '2030-01-01' }), 'UTC', '2030-02-01T09:00:00Z'),
    ).toEqual({
      ok: false,
      errors: { repeatUntil: 'The end date is before the due date: pick a later one.' },
    });
    expect(validateRepeat({ ...weekly(), frequency: 'hourly' as never }, 'UTC', null)).toEqual({
      ok: false,
      errors: { repeat: 'Choose how often the task repeats.' },
    });
  });
});

describe('repeatDraftFromTask', () => {
  const repeat: Repeat = {
    rrule: 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1;UNTIL=20261231T225900Z',
    frequency: 'monthly',
    interval: 2,
    weekdays: [],
    month_day: -1,
    count: null,
    until: '2026-12-31T22:59:00.000Z',
    from: 'completion',
    summary: 'Every 2 months on the last day after completion, until 31 Dec 2026',
  };

  it('opens the task’s rule, the end date as a day in the zone', () => {
    expect(repeatDraftFromTask({ repeat, recurrence: 'custom' }, 'Europe/Berlin')).toEqual({
      frequency: 'monthly',
      interval: '2',
      weekdays: [],
      monthDayMode: 'last',
      monthDay: '',
      end: 'until',
      count: '',
      until: '2026-12-31',
      from: 'completion',
    });
  });

  it('round-trips: opening and checking gives back the same fields', () => {
    const draft = repeatDraftFromTask({ repeat, recurrence: 'custom' }, 'Europe/Berlin');
    expect(validateRepeat(draft, 'Europe/Berlin', null)).toMatchObject({
      ok: true,
      fields: { frequency: 'monthly', interval: 2, month_day: -1, until: repeat.until },
    });
  });

  it('opens a legacy value (no structured rule) as that frequency, every 1', () => {
    expect(repeatDraftFromTask({ repeat: null, recurrence: 'yearly' }, 'UTC')).toEqual(
      newRepeatDraft('yearly'),
    );
    expect(repeatDraftFromTask({ repeat: null, recurrence: 'none' }, 'UTC')).toBeNull();
  });
});

describe('the rule in words', () => {
  it('summarises the editor live, and says nothing while the rule is unfinished', () => {
    expect(repeatSummary(weekly({ interval: '2', weekdays: ['th', 'mo'] }), 'UTC')).toBe(
      'Every 2 weeks on Mon, Thu',
    );
    expect(repeatSummary({ ...newRepeatDraft('monthly'), monthDayMode: 'last' }, 'UTC')).toBe(
      'Every month on the last day',
    );
    expect(repeatSummary(weekly({ interval: '' }), 'UTC')).toBeNull();
  });

  it('writes the end date in the task’s zone', () => {
    const draft = weekly({ end: 'until', until: '2026-12-31' });
    expect(repeatSummary(draft, 'Pacific/Pago_Pago')).toMatch(/until 31 Dec 2026$/);
    expect(summarizeFields({ rrule: 'FREQ=DAILY;INTERVAL=3' }, 'UTC')).toBe('Every 3 days');
  });

  it('names the interval’s unit in the singular for 1', () => {
    expect(intervalUnit('daily', '1')).toBe('day');
    expect(intervalUnit('monthly', '3')).toBe('months');
  });
});
