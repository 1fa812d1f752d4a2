import { planCompletion } from '@todo/schedule';
import { describe, expect, it } from 'vitest';
import { type FeedTask, feedDocument } from '../../src/calendar/feed-document.js';
import { occurrences, parseFeed } from './parse-feed.js';

const ORIGIN = 'https://todo.example.com';
const NOW = new Date('2026-12-01T12:00:00Z');

function feedTask(fields: Partial<FeedTask> & Pick<FeedTask, 'dueAt'>): FeedTask {
  return {
    id: 7,
    title: 'A task',
    description: null,
    priority: 'medium',
    tags: [],
    updatedAt: new Date('2026-11-30T10:00:00Z'),
    rrule: null,
    repeatFrom: 'due',
    timeZone: 'UTC',
    recurrenceAnchorAt: null,
    occurrence: 1,
    ...fields,
  };
}

const documentOf = (tasks: FeedTask[], name = 'Todo') =>
  feedDocument({ name, appOrigin: ORIGIN, tasks }, NOW);

/** The one event of a one-task feed, as ical.js reads it. */
function onlyEvent(task: FeedTask) {
  const { events } = parseFeed(documentOf([task]));
  expect(events).toHaveLength(1);
  return events[0] as (typeof events)[number];
}

/** The planner's series from `task`, each occurrence completed an hour before it is due. */
function plannerSeries(task: FeedTask, count: number): string[] {
  const dues: string[] = [];
  let current = { ...task, completed: false, nextOccurrenceId: null };
  while (dues.length < count) {
    dues.push(current.dueAt.toISOString());
    const plan = planCompletion(current, new Date(current.dueAt.getTime() - 3_600_000));
    if (!plan.create) break;
    current = { ...current, ...plan.next };
  }
  return dues;
}

describe('the calendar document', () => {
  it('is a VCALENDAR of CRLF lines of at most 75 octets, named as asked', () => {
    const text = documentOf(
      [feedTask({ dueAt: new Date('2026-12-03T09:00:00Z'), title: 'x'.repeat(200) })],
      'Work',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.every((line) => !line.includes('\n') && Buffer.byteLength(line) <= 75)).toBe(true);
    const { calendar } = parseFeed(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Todo/);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Work');
    expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT1H');
  });

  it('writes a task as an event: UID, times, duration, text, link, tags, priority', () => {
    const event = onlyEvent(
      feedTask({
        id: 42,
        title: 'Call the bank',
        description: 'About the loan',
        priority: 'high',
        tags: ['finance', 'phone'],
        dueAt: new Date('2026-12-03T09:15:00Z'),
      }),
    );
    expect(event.uid).toBe('task-42@todo.example.com');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T09:15:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-03T09:45:00.000Z');
    expect(event.summary).toBe('Call the bank');
    expect(event.description).toBe(`About the loan\n\n${ORIGIN}/tasks/42`);
    expect(event.component.getFirstPropertyValue('url')).toBe(`${ORIGIN}/tasks/42`);
    expect(event.component.getFirstProperty('categories')?.getValues()).toEqual([
      'finance',
      'phone',
    ]);
    expect(event.component.getFirstPropertyValue('priority')).toBe(1);
    expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe(
      '2026-11-30T10:00:00Z',
    );
    expect(event.isRecurring()).toBe(false);
  });

  it('maps priorities high, medium, low to 1, 5, 9', () => {
    const priorities = (['high', 'medium', 'low'] as const).map((priority) =>
      onlyEvent(
        feedTask({ priority, dueAt: new Date('2026-12-03T09:00:00Z') }),
      ).component.getFirstPropertyValue('priority'),
    );
    expect(priorities).toEqual([1, 5, 9]);
  });

  it('round-trips commas, semicolons, backslashes, line breaks, emoji and long text', () => {
    const title = 'Buy milk, eggs; flour \\ sugar 🎉👩‍👩‍👧';
    const description = `${'Ünïcödé façade — '.repeat(30)}\nsecond line\r\nthird, line; 🚀${'é'.repeat(80)}`;
    const event = onlyEvent(
      feedTask({
        title,
        description,
        tags: ['a,b', 'c;d', 'e\\f'],
        dueAt: new Date('2026-12-03T09:00:00Z'),
      }),
    );
    expect(event.summary).toBe(title);
    expect(event.description).toBe(`${description.replace('\r\n', '\n')}\n\n${ORIGIN}/tasks/7`);
    expect(event.component.getFirstProperty('categories')?.getValues()).toEqual([
      'a,b',
      'c;d',
      'e\\f',
    ]);
  });

  it('starts an event at the due time in the task’s zone, with that zone’s VTIMEZONE', () => {
    const event = onlyEvent(
      feedTask({ timeZone: 'Europe/Paris', dueAt: new Date('2026-07-01T07:30:00Z') }),
    );
    expect(event.startDate.zone.tzid).toBe('Europe/Paris');
    expect(event.startDate.toString()).toBe('2026-07-01T09:30:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-01T07:30:00.000Z');
  });

  it('repeats daily at 09:00 local across both DST changes, in Paris and New York', () => {
    const paris = onlyEvent(
      feedTask({
        timeZone: 'Europe/Paris',
        rrule: 'FREQ=DAILY',
        dueAt: new Date('2027-03-26T08:00:00Z'),
      }),
    );
    expect(occurrences(paris, 4)).toEqual([
      { utc: '2027-03-26T08:00:00.000Z', local: '2027-03-26T09:00' },
      { utc: '2027-03-27T08:00:00.000Z', local: '2027-03-27T09:00' },
      { utc: '2027-03-28T07:00:00.000Z', local: '2027-03-28T09:00' },
      { utc: '2027-03-29T07:00:00.000Z', local: '2027-03-29T09:00' },
    ]);
    const newYork = onlyEvent(
      feedTask({
        timeZone: 'America/New_York',
        rrule: 'FREQ=WEEKLY',
        dueAt: new Date('2027-10-24T13:00:00Z'),
      }),
    );
    expect(occurrences(newYork, 3)).toEqual([
      { utc: '2027-10-24T13:00:00.000Z', local: '2027-10-24T09:00' },
      { utc: '2027-10-31T13:00:00.000Z', local: '2027-10-31T09:00' },
      { utc: '2027-11-07T14:00:00.000Z', local: '2027-11-07T09:00' },
    ]);
  });

  it('stays right decades ahead and for years before a zone changed its rules', () => {
    // New York's DST rule changed in 2007: a task due in 2005 gets those years written out.
    const old = onlyEvent(
      feedTask({
        timeZone: 'America/New_York',
        rrule: 'FREQ=YEARLY',
        dueAt: new Date('2005-04-10T13:00:00Z'),
      }),
    );
    const starts = occurrences(old, 40);
    expect(starts.every(({ local }) => local.endsWith('-04-10T09:00'))).toBe(true);
    // 10 April is after DST began in every year of both rules: always UTC−4.
    expect(starts.every(({ utc }) => utc.endsWith('T13:00:00.000Z'))).toBe(true);
    // 1 April: before the second Sunday of March under the old rule, after it under the new.
    const april = onlyEvent(
      feedTask({
        timeZone: 'America/New_York',
        rrule: 'FREQ=YEARLY',
        dueAt: new Date('2006-04-01T14:00:00Z'),
      }),
    );
    const [in2006, in2007] = occurrences(april, 2);
    expect(in2006).toEqual({ utc: '2006-04-01T14:00:00.000Z', local: '2006-04-01T09:00' });
    expect(in2007).toEqual({ utc: '2007-04-01T13:00:00.000Z', local: '2007-04-01T09:00' });
  });

  it('writes a zone without DST as its one offset', () => {
    const event = onlyEvent(
      feedTask({
        timeZone: 'Asia/Tokyo',
        rrule: 'FREQ=DAILY',
        dueAt: new Date('2026-12-03T00:00:00Z'),
      }),
    );
    expect(occurrences(event, 2)).toEqual([
      { utc: '2026-12-03T00:00:00.000Z', local: '2026-12-03T09:00' },
      { utc: '2026-12-04T00:00:00.000Z', local: '2026-12-04T09:00' },
    ]);
  });

  it.each([
    ['FREQ=DAILY;INTERVAL=3', 'Europe/Berlin', '2027-03-20T08:00:00Z'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', 'America/New_York', '2027-10-25T13:00:00Z'],
    ['FREQ=MONTHLY', 'Europe/Paris', '2027-01-31T08:00:00Z'],
    ['FREQ=MONTHLY;BYMONTHDAY=31', 'Europe/Paris', '2027-01-31T08:00:00Z'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'Australia/Sydney', '2027-01-30T22:00:00Z'],
    ['FREQ=YEARLY', 'UTC', '2028-02-29T12:00:00Z'],
    ['FREQ=YEARLY;INTERVAL=2', 'Europe/London', '2027-06-15T08:00:00Z'],
    ['FREQ=WEEKLY;COUNT=4', 'UTC', '2027-01-04T08:00:00Z'],
    ['FREQ=DAILY;UNTIL=20270105T080000Z', 'UTC', '2027-01-01T08:00:00Z'],
  ])('%s in %s expands to the dates the planner gives', (rrule, timeZone, due) => {
    const task = feedTask({ rrule, timeZone, dueAt: new Date(due) });
    const expected = plannerSeries(task, 12);
    const expanded = occurrences(onlyEvent(task), 12).map(({ utc }) => utc);
    expect(expanded).toEqual(expected);
  });

  it('skips February for a monthly rule on the 29th or 30th, as RFC 5545 does (documented)', () => {
    const task = feedTask({
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=30',
      dueAt: new Date('2027-01-30T08:00:00Z'),
    });
    const planned = plannerSeries(task, 13);
    expect(planned[1]).toBe('2027-02-28T08:00:00.000Z');
    expect(occurrences(onlyEvent(task), 12).map(({ utc }) => utc)).toEqual(
      planned.filter((due) => !due.includes('-02-')),
    );
  });

  it('counts what is left of a COUNT, and keeps a series anchored on the 31st', () => {
    // The third of five, due 28 Feb of a series anchored on 31 Jan: 31 Mar and 30 Apr remain.
    const task = feedTask({
      rrule: 'FREQ=MONTHLY;COUNT=5',
      dueAt: new Date('2027-02-28T08:00:00Z'),
      recurrenceAnchorAt: new Date('2026-12-31T08:00:00Z'),
      occurrence: 3,
    });
    expect(occurrences(onlyEvent(task), 10).map(({ utc }) => utc)).toEqual([
      '2027-02-28T08:00:00.000Z',
      '2027-03-31T08:00:00.000Z',
      '2027-04-30T08:00:00.000Z',
    ]);
    expect(plannerSeries(task, 10)).toEqual(occurrences(onlyEvent(task), 10).map(({ utc }) => utc));
  });

  it('writes a task repeating from its completion as one event: its next date is unknown', () => {
    const event = onlyEvent(
      feedTask({
        rrule: 'FREQ=DAILY',
        repeatFrom: 'completion',
        dueAt: new Date('2027-01-01T08:00:00Z'),
      }),
    );
    expect(event.isRecurring()).toBe(false);
  });

  it('is the same text for the same tasks, whenever it is made in the year', () => {
    const tasks = [feedTask({ timeZone: 'Europe/Paris', dueAt: new Date('2026-12-03T09:00:00Z') })];
    expect(feedDocument({ name: 'Todo', appOrigin: ORIGIN, tasks }, NOW)).toBe(
      feedDocument({ name: 'Todo', appOrigin: ORIGIN, tasks }, new Date('2026-01-02T00:00:00Z')),
    );
  });
});
