import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '@/lib/tasks/filters';
import { dueRange, listQueryString, toListQuery } from '@/lib/tasks/query';

describe('dueRange', () => {
  // Wednesday 4 June 2025, 23:30 UTC: already Thursday in Berlin, still Wednesday in Los Angeles.
  const now = new Date('2025-06-04T23:30:00Z');

  it('"today" is the user’s calendar day, not the server’s', () => {
    expect(dueRange('today', now, 'Europe/Berlin')).toEqual({
      due_after: '2025-06-04T22:00:00.000Z',
      due_before: '2025-06-05T22:00:00.000Z',
    });
    expect(dueRange('today', now, 'America/Los_Angeles')).toEqual({
      due_after: '2025-06-04T07:00:00.000Z',
      due_before: '2025-06-05T07:00:00.000Z',
    });
    expect(dueRange('today', now, 'UTC')).toEqual({
      due_after: '2025-06-04T00:00:00.000Z',
      due_before: '2025-06-05T00:00:00.000Z',
    });
  });

  it('"week" runs from Monday 00:00 to the next Monday in the user’s zone', () => {
    expect(dueRange('week', now, 'Europe/Berlin')).toEqual({
      due_after: '2025-06-01T22:00:00.000Z',
      due_before: '2025-06-08T22:00:00.000Z',
    });
    // On a Sunday the week is the one ending that day.
    expect(dueRange('week', new Date('2025-06-08T12:00:00Z'), 'UTC')).toEqual({
      due_after: '2025-06-02T00:00:00.000Z',
      due_before: '2025-06-09T00:00:00.000Z',
    });
  });

  it('keeps day boundaries right across a daylight-saving change', () => {
    // Berlin springs forward on Sunday 30 March 2025: that day has 23 hours.
    expect(dueRange('today', new Date('2025-03-30T12:00:00Z'), 'Europe/Berlin')).toEqual({
      due_after: '2025-03-29T23:00:00.000Z',
      due_before: '2025-03-30T22:00:00.000Z',
    });
    // The week containing it is 167 hours long.
    const week = dueRange('week', new Date('2025-03-27T12:00:00Z'), 'Europe/Berlin');
    expect(week).toEqual({
      due_after: '2025-03-23T23:00:00.000Z',
      due_before: '2025-03-30T22:00:00.000Z',
    });
  });

  it('maps overdue, none and no filter to the backend’s flags', () => {
    expect(dueRange('overdue', now, 'UTC')).toEqual({ overdue: true });
    expect(dueRange('none', now, 'UTC')).toEqual({ has_due: false });
    expect(dueRange(null, now, 'UTC')).toEqual({});
  });
});

describe('toListQuery', () => {
  it('turns URL filters into the backend query with paging, top-level tasks only', () => {
    const query = toListQuery(
      { ...DEFAULT_FILTERS, priorities: ['high'], tags: ['work'], q: 'milk', due: 'none', page: 3 },
      new Date(),
      'UTC',
    );
    expect(query).toEqual({
      status: 'all',
      sort: 'created',
      order: 'desc',
      limit: 50,
      offset: 100,
      top_level: true,
      has_due: false,
      priority: ['high'],
      tag: ['work'],
      q: 'milk',
    });
  });

  it('uses the sort field’s natural order unless one is given', () => {
    const now = new Date();
    expect(toListQuery({ ...DEFAULT_FILTERS, sort: 'due' }, now, 'UTC').order).toBe('asc');
    expect(toListQuery({ ...DEFAULT_FILTERS, sort: 'due', order: 'desc' }, now, 'UTC').order).toBe(
      'desc',
    );
  });
});

describe('listQueryString', () => {
  it('repeats keys for arrays and skips undefined values', () => {
    expect(
      listQueryString({ tag: ['a b', 'c'], priority: ['high'], q: undefined, overdue: true }),
    ).toBe('tag=a+b&tag=c&priority=high&overdue=true');
  });
});
