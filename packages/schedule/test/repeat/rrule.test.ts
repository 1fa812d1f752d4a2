import { describe, expect, it } from 'vitest';
import { formatRRule, parseRRule } from '../../src/index.js';
import { rule } from './support.js';

describe('parseRRule and formatRRule', () => {
  it.each([
    ['FREQ=DAILY', 'FREQ=DAILY'],
    ['FREQ=DAILY;INTERVAL=1', 'FREQ=DAILY'],
    ['FREQ=DAILY;INTERVAL=3', 'FREQ=DAILY;INTERVAL=3'],
    ['freq=weekly;byday=th,mo;interval=2', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH'],
    ['FREQ=WEEKLY;BYDAY=SU,SA,FR,TH,WE,TU,MO', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU'],
    ['FREQ=WEEKLY;WKST=MO;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=MO'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['FREQ=MONTHLY;BYMONTHDAY=+15', 'FREQ=MONTHLY;BYMONTHDAY=15'],
    ['FREQ=MONTHLY;COUNT=12;BYMONTHDAY=31', 'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=12'],
    ['FREQ=YEARLY;UNTIL=20301231T235959Z', 'FREQ=YEARLY;UNTIL=20301231T235959Z'],
    ['RRULE:FREQ=DAILY;COUNT=5', 'FREQ=DAILY;COUNT=5'],
    ['  FREQ = DAILY ; INTERVAL = 007 ', 'FREQ=DAILY;INTERVAL=7'],
    ['FREQ=DAILY;INTERVAL=999;COUNT=1000', 'FREQ=DAILY;INTERVAL=999;COUNT=1000'],
  ])('%s reads as %s, which reads as itself', (input, canonical) => {
    expect(formatRRule(rule(input))).toBe(canonical);
    expect(formatRRule(rule(canonical))).toBe(canonical);
  });

  it('reads every field', () => {
    expect(parseRRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10', 'completion')).toEqual({
      ok: true,
      rule: {
        frequency: 'weekly',
        interval: 2,
        weekdays: ['mo', 'th'],
        monthDay: null,
        count: 10,
        until: null,
        from: 'completion',
      },
    });
    expect(rule('FREQ=DAILY;UNTIL=20261231T235959Z').until).toEqual(
      new Date('2026-12-31T23:59:59Z'),
    );
    expect(rule('FREQ=DAILY').from).toBe('due');
  });

  it.each([
    ['', 'The rule is empty: start it with FREQ, e.g. FREQ=WEEKLY.'],
    ['   ', 'The rule is empty: start it with FREQ, e.g. FREQ=WEEKLY.'],
    ['RRULE:', 'The rule is empty: start it with FREQ, e.g. FREQ=WEEKLY.'],
    ['INTERVAL=2', 'The rule has no FREQ: start it with FREQ, e.g. FREQ=WEEKLY.'],
    ['DAILY', '“DAILY” is not a NAME=VALUE part.'],
    ['FREQ=DAILY;', 'The rule has an empty part (two `;` in a row or one at the end).'],
    ['FREQ=DAILY;;COUNT=2', 'The rule has an empty part (two `;` in a row or one at the end).'],
    ['FREQ=DAILY=WEEKLY', '“FREQ=DAILY=WEEKLY” is not a NAME=VALUE part.'],
    ['=DAILY', '“=DAILY” is not a NAME=VALUE part.'],
    ['FREQ=', 'FREQ has no value.'],
    ['FREQ=HOURLY', 'FREQ=HOURLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.'],
    ['FREQ=SECONDLY', 'FREQ=SECONDLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.'],
    [
      'FREQ=FORTNIGHTLY',
      'FREQ=FORTNIGHTLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY.',
    ],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ appears more than once.'],
    ['FREQ=DAILY;INTERVAL=2;interval=3', 'INTERVAL appears more than once.'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL must be from 1 to 999, not 0.'],
    ['FREQ=DAILY;INTERVAL=-2', 'INTERVAL must be from 1 to 999, not -2.'],
    ['FREQ=DAILY;INTERVAL=1000', 'INTERVAL must be from 1 to 999, not 1000.'],
    ['FREQ=DAILY;INTERVAL=1.5', 'INTERVAL=1.5 is not a whole number.'],
    ['FREQ=DAILY;INTERVAL=two', 'INTERVAL=TWO is not a whole number.'],
    ['FREQ=DAILY;INTERVAL=99999999999', 'INTERVAL=99999999999 is not a whole number.'],
    ['FREQ=DAILY;COUNT=0', 'COUNT must be from 1 to 1000, not 0.'],
    ['FREQ=DAILY;COUNT=1001', 'COUNT must be from 1 to 1000, not 1001.'],
    ['FREQ=DAILY;COUNT=5;UNTIL=20301231T235959Z', 'COUNT and UNTIL cannot both be set.'],
    [
      'FREQ=DAILY;UNTIL=20301231',
      'UNTIL=20301231 is not supported; write a UTC date-time such as 20261231T235959Z.',
    ],
    [
      'FREQ=DAILY;UNTIL=20301231T235959',
      'UNTIL=20301231T235959 is not supported; write a UTC date-time such as 20261231T235959Z.',
    ],
    [
      'FREQ=DAILY;UNTIL=2030-12-31T23:59:59Z',
      'UNTIL=2030-12-31T23:59:59Z is not supported; write a UTC date-time such as 20261231T235959Z.',
    ],
    ['FREQ=DAILY;UNTIL=20300231T000000Z', 'UNTIL=20300231T000000Z is not a real date and time.'],
    ['FREQ=DAILY;UNTIL=20301231T246000Z', 'UNTIL=20301231T246000Z is not a real date and time.'],
    ['FREQ=DAILY;BYDAY=MO', 'BYDAY is only supported with FREQ=WEEKLY.'],
    ['FREQ=MONTHLY;BYDAY=MO', 'BYDAY is only supported with FREQ=WEEKLY.'],
    ['FREQ=WEEKLY;BYDAY=MO,MO', 'BYDAY lists MO more than once.'],
    ['FREQ=WEEKLY;BYDAY=MON', 'BYDAY=MON is not a list of days (MO, TU, WE, TH, FR, SA, SU).'],
    ['FREQ=WEEKLY;BYDAY=MO,', 'BYDAY=MO, is not a list of days (MO, TU, WE, TH, FR, SA, SU).'],
    [
      'FREQ=MONTHLY;BYDAY=1MO',
      'BYDAY with a position (1MO) is not supported; list plain days such as MO,TH.',
    ],
    [
      'FREQ=WEEKLY;BYDAY=-1FR',
      'BYDAY with a position (-1FR) is not supported; list plain days such as MO,TH.',
    ],
    ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY is only supported with FREQ=MONTHLY.'],
    ['FREQ=YEARLY;BYMONTHDAY=1', 'BYMONTHDAY is only supported with FREQ=MONTHLY.'],
    [
      'FREQ=MONTHLY;BYMONTHDAY=0',
      'BYMONTHDAY=0 is not supported; use 1 to 31, or -1 for the last day.',
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=32',
      'BYMONTHDAY=32 is not supported; use 1 to 31, or -1 for the last day.',
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=-2',
      'BYMONTHDAY=-2 is not supported; use 1 to 31, or -1 for the last day.',
    ],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'BYMONTHDAY with more than one value is not supported.'],
    [
      'FREQ=YEARLY;BYMONTH=3',
      'BYMONTH is not supported; a rule may use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT and UNTIL.',
    ],
    [
      'FREQ=MONTHLY;BYSETPOS=-1',
      'BYSETPOS is not supported; a rule may use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT and UNTIL.',
    ],
    [
      'FREQ=DAILY;BYHOUR=9',
      'BYHOUR is not supported; a rule may use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT and UNTIL.',
    ],
    [
      'FREQ=YEARLY;BYYEARDAY=100',
      'BYYEARDAY is not supported; a rule may use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT and UNTIL.',
    ],
    ['FREQ=WEEKLY;WKST=SU', 'WKST=SU is not supported: weeks start on Monday (WKST=MO).'],
    [
      'DTSTART=20250101T000000Z;FREQ=DAILY',
      'DTSTART is not supported; a rule may use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT and UNTIL.',
    ],
    [`FREQ=DAILY;${'X'.repeat(200)}`, 'The rule is longer than 200 characters.'],
  ])('refuses %j: %s', (input, problem) => {
    expect(parseRRule(input)).toEqual({ ok: false, problem });
  });
});
