import { describe, expect, it } from 'vitest';
import {
  COPIED_FIELDS,
  copiedFields,
  isNextOccurrence,
  needsPlanner,
  PLANNER_NOT_NEEDED_WHEN,
  planCompletion,
  seriesAnchor,
} from '../../src/index.js';
import { at, nextDue, onTime, plannerTask, series } from './support.js';

const daily = (rrule: string, due = '2025-06-01T09:00:00Z', timeZone = 'UTC') =>
  plannerTask({ rrule, dueAt: at(due), timeZone });

describe('series that end', () => {
  it('COUNT=3 makes three occurrences, numbered 1 to 3', () => {
    const first = daily('FREQ=DAILY;COUNT=3');
    expect(series(first, onTime)).toEqual([
      '2025-06-01T09:00:00.000Z',
      '2025-06-02T09:00:00.000Z',
      '2025-06-03T09:00:00.000Z',
    ]);
    const third = { ...first, occurrence: 3, dueAt: at('2025-06-03T09:00:00Z') };
    expect(planCompletion(third, at('2025-06-03T08:00:00Z'))).toEqual({
      create: false,
      reason: 'series-ended',
    });
    const second = planCompletion({ ...first, occurrence: 2 }, at('2025-06-01T08:00:00Z'));
    expect(second.create && second.next.occurrence).toBe(3);
  });

  it('COUNT=1 is a single task', () => {
    expect(nextDue(daily('FREQ=WEEKLY;COUNT=1'), '2025-06-01T08:00:00Z')).toBe('series-ended');
  });

  it('COUNT counts tasks, not the dates an overdue completion skips', () => {
    const plan = planCompletion(daily('FREQ=DAILY;COUNT=3'), at('2025-06-10T12:00:00Z'));
    expect(plan).toMatchObject({ create: true, next: { occurrence: 2 } });
    expect(plan.create && plan.next.dueAt.toISOString()).toBe('2025-06-11T09:00:00.000Z');
  });

  it('COUNT with weekdays counts each listed day', () => {
    // Monday 2 June 2025, Mon/Wed/Fri, four times.
    const first = daily('FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=4', '2025-06-02T09:00:00Z');
    expect(series(first, onTime).map((iso) => iso.slice(0, 10))).toEqual([
      '2025-06-02',
      '2025-06-04',
      '2025-06-06',
      '2025-06-09',
    ]);
  });

  it('UNTIL keeps a date at that very instant and none after', () => {
    const first = daily('FREQ=DAILY;UNTIL=20250605T090000Z');
    expect(series(first, onTime).map((iso) => iso.slice(0, 10))).toEqual([
      '2025-06-01',
      '2025-06-02',
      '2025-06-03',
      '2025-06-04',
      '2025-06-05',
    ]);
  });

  it('UNTIL is an instant: 09:00 Berlin on the 5th is after 06:59:59Z', () => {
    const first = daily(
      'FREQ=DAILY;UNTIL=20250605T065959Z',
      '2025-06-01T07:00:00Z',
      'Europe/Berlin',
    );
    expect(series(first, onTime)).toHaveLength(4);
  });

  it('an overdue completion past UNTIL ends the series', () => {
    expect(nextDue(daily('FREQ=DAILY;UNTIL=20250605T235959Z'), '2025-06-07T12:00:00Z')).toBe(
      'series-ended',
    );
  });

  it('a series without an end goes on (100 weekly occurrences)', () => {
    expect(series(daily('FREQ=WEEKLY'), onTime, 100)).toHaveLength(100);
  });
});

describe('when completing creates nothing', () => {
  const pending = daily('FREQ=DAILY');

  it.each([
    ['a task that does not repeat', { rrule: null }, 'no-repeat'],
    ['a task already completed', { completed: true }, 'already-completed'],
    ['a task whose next occurrence exists', { nextOccurrenceId: 42 }, 'already-planned'],
    ['a stored rule the parser refuses', { rrule: 'FREQ=HOURLY' }, 'invalid-rule'],
  ] as const)('%s', (_name, fields, reason) => {
    expect(planCompletion({ ...pending, ...fields }, at('2025-06-01T08:00:00Z'))).toEqual({
      create: false,
      reason,
    });
  });

  it('un-completing then completing again finds the next occurrence linked and makes no twin', () => {
    const first = planCompletion(pending, at('2025-06-01T08:00:00Z'));
    expect(first.create).toBe(true);
    // The repository stores next_occurrence_id; un-completing keeps it.
    const uncompleted = { ...pending, completed: false, nextOccurrenceId: 7 };
    expect(planCompletion(uncompleted, at('2025-06-01T08:05:00Z'))).toMatchObject({
      create: false,
      reason: 'already-planned',
    });
  });
});

describe('the needs-planner predicate', () => {
  it('is the fast path’s three columns', () => {
    expect(PLANNER_NOT_NEEDED_WHEN.map(({ column, is }) => `${column} ${is}`)).toEqual([
      'rrule null',
      'completed true',
      'nextOccurrenceId not null',
    ]);
  });

  it.each([
    [{ rrule: 'FREQ=DAILY', completed: false, nextOccurrenceId: null }, true],
    [{ rrule: null, completed: false, nextOccurrenceId: null }, false],
    [{ rrule: 'FREQ=DAILY', completed: true, nextOccurrenceId: null }, false],
    [{ rrule: 'FREQ=DAILY', completed: false, nextOccurrenceId: 3 }, false],
  ])('%o → %s, as planCompletion decides', (task, expected) => {
    expect(needsPlanner(task)).toBe(expected);
    const plan = planCompletion({ ...daily('FREQ=DAILY'), ...task }, at('2025-06-01T08:00:00Z'));
    expect(plan.create).toBe(expected);
  });
});

describe('what the next occurrence copies', () => {
  it('lists the fields as data and picks exactly them', () => {
    const copied = {
      title: 'Water',
      description: 'All plants',
      priority: 'high',
      tags: ['home'],
      projectId: 3,
      parentId: 9,
      rrule: 'FREQ=DAILY',
      repeatFrom: 'completion',
      timeZone: 'Europe/Berlin',
    };
    const row = {
      id: 1,
      ...copied,
      completed: true,
      dueAt: at('2025-06-01T09:00:00Z'),
      version: 4,
    };
    expect(copiedFields(row)).toEqual(copied);
    expect(Object.keys(copiedFields(row))).toEqual([...COPIED_FIELDS]);
  });
});

describe('seriesAnchor: a new due date or rule starts a new series', () => {
  const current = {
    rrule: 'FREQ=MONTHLY',
    timeZone: 'UTC',
    dueAt: at('2025-02-28T09:00:00Z'),
    recurrenceAnchorAt: at('2025-01-31T09:00:00Z'),
    occurrence: 2,
  };

  it.each([
    ['nothing changed: the anchor and count stay', {}, '2025-01-31T09:00:00.000Z', 2],
    [
      'a new due date: anchored there, count kept',
      { dueAt: at('2025-02-15T09:00:00Z') },
      '2025-02-15T09:00:00.000Z',
      2,
    ],
    [
      'a new zone: anchored on the due date',
      { timeZone: 'Europe/Berlin' },
      '2025-02-28T09:00:00.000Z',
      2,
    ],
    ['a new rule: a new series from 1', { rrule: 'FREQ=WEEKLY' }, '2025-02-28T09:00:00.000Z', 1],
    ['no rule any more', { rrule: null }, null, 1],
    ['the due date cleared', { dueAt: null }, null, 2],
  ])('%s', (_name, change, anchor, occurrence) => {
    const next = {
      rrule: current.rrule,
      timeZone: current.timeZone,
      dueAt: current.dueAt,
      ...change,
    };
    const result = seriesAnchor(current, next);
    expect(result.recurrenceAnchorAt?.toISOString() ?? null).toBe(anchor);
    expect(result.occurrence).toBe(occurrence);
  });

  it('a row without an anchor takes its due date', () => {
    const result = seriesAnchor({ ...current, recurrenceAnchorAt: null }, current);
    expect(result.recurrenceAnchorAt).toEqual(current.dueAt);
  });

  it('the re-anchored series follows the new date (Feb 15 → Mar 15, not Mar 31)', () => {
    const moved = { ...current, dueAt: at('2025-02-15T09:00:00Z') };
    const task = plannerTask({ ...moved, ...seriesAnchor(current, moved) });
    expect(nextDue(task, '2025-02-15T08:00:00Z')).toBe('2025-03-15T09:00:00.000Z');
  });
});

describe('isNextOccurrence: a restored occurrence is found, not twinned', () => {
  it('on a fixed schedule, only the planned date itself', () => {
    const plan = planCompletion(daily('FREQ=DAILY'), at('2025-06-01T08:00:00Z'));
    if (!plan.create) throw new Error('planned nothing');
    expect(plan.fixedSchedule).toBe(true);
    expect(isNextOccurrence(at('2025-06-02T09:00:00Z'), plan)).toBe(true);
    expect(isNextOccurrence(at('2025-06-02T08:00:00Z'), plan)).toBe(false);
    expect(isNextOccurrence(at('2025-06-03T09:00:00Z'), plan)).toBe(false);
  });

  it('counted from completions, any date after the completion up to the planned one', () => {
    const noDue = plannerTask({ rrule: 'FREQ=DAILY' });
    const plan = planCompletion(noDue, at('2025-06-01T08:00:00Z'));
    if (!plan.create) throw new Error('planned nothing');
    expect(plan.fixedSchedule).toBe(false);
    expect(plan.after).toEqual(at('2025-06-01T08:00:00Z'));
    expect(isNextOccurrence(at('2025-06-01T20:00:00Z'), plan)).toBe(true);
    expect(isNextOccurrence(at('2025-06-02T08:00:00Z'), plan)).toBe(true);
    expect(isNextOccurrence(at('2025-06-01T08:00:00Z'), plan)).toBe(false);
    expect(isNextOccurrence(at('2025-06-02T08:00:01Z'), plan)).toBe(false);
  });

  it('the planned occurrence keeps the series’ anchor', () => {
    const february = plannerTask({
      rrule: 'FREQ=MONTHLY',
      dueAt: at('2025-02-28T09:00:00Z'),
      recurrenceAnchorAt: at('2025-01-31T09:00:00Z'),
    });
    const plan = planCompletion(february, at('2025-02-28T08:00:00Z'));
    expect(plan).toMatchObject({
      create: true,
      next: { recurrenceAnchorAt: at('2025-01-31T09:00:00Z') },
    });
    expect(plan.create && plan.after).toEqual(at('2025-02-28T09:00:00Z'));
  });
});
