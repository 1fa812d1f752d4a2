import { describe, expect, it } from 'vitest';
import { summarizeRule } from '../../src/index.js';
import { rule } from './support.js';

describe('summarizeRule', () => {
  it.each([
    ['FREQ=DAILY', 'Every day'],
    ['FREQ=DAILY;INTERVAL=3', 'Every 3 days'],
    ['FREQ=WEEKLY', 'Every week'],
    ['FREQ=WEEKLY;INTERVAL=2', 'Every 2 weeks'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'Every weekday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR', 'Every 2 weeks on Mon, Tue, Wed, Thu, Fri'],
    ['FREQ=WEEKLY;BYDAY=MO', 'Every week on Mon'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,MO', 'Every 2 weeks on Mon, Thu'],
    ['FREQ=WEEKLY;BYDAY=SA,SU', 'Every week on Sat, Sun'],
    ['FREQ=MONTHLY', 'Every month'],
    ['FREQ=MONTHLY;INTERVAL=6', 'Every 6 months'],
    ['FREQ=MONTHLY;BYMONTHDAY=1', 'Every month on the 1st'],
    ['FREQ=MONTHLY;BYMONTHDAY=2', 'Every month on the 2nd'],
    ['FREQ=MONTHLY;BYMONTHDAY=3', 'Every month on the 3rd'],
    ['FREQ=MONTHLY;BYMONTHDAY=11', 'Every month on the 11th'],
    ['FREQ=MONTHLY;BYMONTHDAY=12', 'Every month on the 12th'],
    ['FREQ=MONTHLY;BYMONTHDAY=13', 'Every month on the 13th'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'Every month on the 15th'],
    ['FREQ=MONTHLY;BYMONTHDAY=21', 'Every month on the 21st'],
    ['FREQ=MONTHLY;BYMONTHDAY=22', 'Every month on the 22nd'],
    ['FREQ=MONTHLY;BYMONTHDAY=23', 'Every month on the 23rd'],
    ['FREQ=MONTHLY;BYMONTHDAY=31', 'Every month on the 31st'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'Every month on the last day'],
    ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1', 'Every 3 months on the last day'],
    ['FREQ=YEARLY', 'Every year'],
    ['FREQ=YEARLY;INTERVAL=4', 'Every 4 years'],
    ['FREQ=DAILY;COUNT=5', 'Every day, 5 times'],
    ['FREQ=WEEKLY;COUNT=1', 'Every week, once'],
    ['FREQ=DAILY;UNTIL=20261231T235959Z', 'Every day, until 31 Dec 2026'],
  ])('%s: "%s"', (rrule, summary) => {
    expect(summarizeRule(rule(rrule))).toBe(summary);
  });

  it('says when the next date counts from the completion', () => {
    expect(summarizeRule(rule('FREQ=DAILY;INTERVAL=3', 'completion'))).toBe(
      'Every 3 days after completion',
    );
    expect(summarizeRule(rule('FREQ=WEEKLY;BYDAY=MO;COUNT=4', 'completion'))).toBe(
      'Every week on Mon after completion, 4 times',
    );
  });

  it('writes the end date in the task’s zone', () => {
    const endOfYear = rule('FREQ=DAILY;UNTIL=20261231T230000Z');
    expect(summarizeRule(endOfYear, 'UTC')).toBe('Every day, until 31 Dec 2026');
    expect(summarizeRule(endOfYear, 'Europe/Berlin')).toBe('Every day, until 1 Jan 2027');
    expect(summarizeRule(endOfYear, 'Pacific/Pago_Pago')).toBe('Every day, until 31 Dec 2026');
  });
});
