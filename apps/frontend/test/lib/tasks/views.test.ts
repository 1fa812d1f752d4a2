import { describe, expect, it } from 'vitest';
import {
  groupTasks,
  groupToday,
  groupUpcoming,
  todayQuery,
  upcomingQuery,
} from '@/lib/tasks/views';
import { taskFixture } from '../../support/task-fixture';

const due = (id: number, due_at: string | null) => taskFixture({ id, title: `t${id}`, due_at });
const titles = (groups: { title: string | null; tasks: { title: string }[] }[]) =>
  groups.map((group) => [group.title, group.tasks.map((task) => task.title)]);

describe('todayQuery and upcomingQuery', () => {
  it('cut at midnight in the user’s zone, not the server’s', () => {
    // 23:30 on 1 Dec in Berlin is 22:30 UTC; in Tokyo it is already 2 Dec.
    const now = new Date('2026-12-01T22:30:00Z');
    expect(todayQuery(now, 'Europe/Berlin')).toEqual({
      status: 'pending',
      due_before: '2026-12-01T23:00:00.000Z',
      sort: 'due',
      order: 'asc',
      limit: 100,
    });
    expect(todayQuery(now, 'Asia/Tokyo').due_before).toBe('2026-12-02T15:00:00.000Z');
    expect(upcomingQuery(now, 'America/Los_Angeles')).toMatchObject({
      status: 'pending',
      due_after: '2026-12-01T08:00:00.000Z',
      sort: 'due',
    });
  });
});

describe('groupToday', () => {
  it('puts earlier days under Overdue and today under Today, in the user’s zone', () => {
    const now = new Date('2026-12-01T22:30:00Z'); // 23:30 in Berlin, 07:30 on 2 Dec in Tokyo
    const tasks = [
      due(1, '2026-11-30T10:00:00Z'),
      due(2, '2026-12-01T06:00:00Z'),
      due(3, '2026-12-01T22:59:00Z'),
      due(4, '2026-12-01T23:00:00Z'),
      due(5, null),
    ];
    expect(titles(groupToday(tasks, now, 'Europe/Berlin'))).toEqual([
      ['Overdue', ['t1']],
      ['Today', ['t2', 't3']],
    ]);
    expect(titles(groupToday(tasks, now, 'Asia/Tokyo'))).toEqual([
      ['Overdue', ['t1', 't2']],
      ['Today', ['t3', 't4']],
    ]);
  });

  it('shows no group without tasks', () => {
    expect(groupToday([], new Date(), 'UTC')).toEqual([]);
  });
});

describe('groupUpcoming', () => {
  it('groups seven days by heading, then Later', () => {
    const now = new Date('2026-12-01T09:00:00Z'); // Tuesday
    const tasks = [
      due(1, '2026-12-01T18:00:00Z'),
      due(2, '2026-12-02T08:00:00Z'),
      due(3, '2026-12-02T20:00:00Z'),
      due(4, '2026-12-04T12:00:00Z'),
      due(5, '2026-12-07T22:00:00Z'),
      due(6, '2026-12-08T00:30:00Z'),
      due(7, '2027-01-10T10:00:00Z'),
    ];
    expect(titles(groupUpcoming(tasks, now, 'UTC'))).toEqual([
      ['Today · Tue 1 Dec', ['t1']],
      ['Tomorrow · Wed 2 Dec', ['t2', 't3']],
      ['Fri 4 Dec', ['t4']],
      ['Mon 7 Dec', ['t5']],
      ['Later', ['t6', 't7']],
    ]);
  });

  it('takes the day in the user’s zone, across a daylight-saving change', () => {
    // Berlin leaves summer time on 25 Oct 2026: that day has 25 hours.
    const now = new Date('2026-10-24T21:30:00Z'); // 23:30 on Sat 24 Oct in Berlin
    const tasks = [
      due(1, '2026-10-24T21:45:00Z'),
      due(2, '2026-10-25T22:30:00Z'), // 23:30 on Sunday, winter time
      due(3, '2026-10-25T23:30:00Z'), // 00:30 on Monday
    ];
    expect(titles(groupUpcoming(tasks, now, 'Europe/Berlin'))).toEqual([
      ['Today · Sat 24 Oct', ['t1']],
      ['Tomorrow · Sun 25 Oct', ['t2']],
      ['Mon 26 Oct', ['t3']],
    ]);
  });
});

describe('groupTasks', () => {
  it('leaves the other views as one ungrouped list', () => {
    const tasks = [due(1, null), due(2, null)];
    expect(titles(groupTasks('project', tasks, new Date(), 'UTC'))).toEqual([[null, ['t1', 't2']]]);
    expect(groupTasks('inbox', [], new Date(), 'UTC')).toEqual([]);
  });
});
