import type { Reminder } from '@todo/contract';
import { toDateTimeLocal } from '@todo/schedule';
import { describe, expect, it } from 'vitest';
import { remindersAfterSnooze, snoozeUntil } from '../../src/notifications/snooze.js';

const now = new Date('2026-12-01T22:30:00Z');

describe('snoozeUntil', () => {
  it('adds 10 minutes or an hour to now', () => {
    expect(snoozeUntil({ preset: '10m' }, now, 'UTC').toISOString()).toBe(
      '2026-12-01T22:40:00.000Z',
    );
    expect(snoozeUntil({ preset: '1h' }, now, 'UTC').toISOString()).toBe(
      '2026-12-01T23:30:00.000Z',
    );
  });

  it.each([
    ['Europe/Berlin', '2026-12-02T09:00', 'already 23:30 on the 1st there'],
    ['Pacific/Kiritimati', '2026-12-03T09:00', 'already 12:30 on the 2nd there'],
    ['America/Los_Angeles', '2026-12-02T09:00', '14:30 on the 1st there'],
  ])('"tomorrow" is 09:00 on the next day of the task’s zone: %s', (zone, wallClock) => {
    expect(
      toDateTimeLocal(snoozeUntil({ preset: 'tomorrow' }, now, zone).toISOString(), zone),
    ).toBe(wallClock);
  });

  it('"tomorrow" is 09:00 on a day the clocks change (Berlin, 29 March 2026)', () => {
    const saturday = new Date('2026-03-28T12:00:00Z');
    const until = snoozeUntil({ preset: 'tomorrow' }, saturday, 'Europe/Berlin');
    expect(until.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('takes an until ahead of now, and refuses one that is not', () => {
    expect(snoozeUntil({ until: '2026-12-05T08:00:00+01:00' }, now, 'UTC').toISOString()).toBe(
      '2026-12-05T07:00:00.000Z',
    );
    for (const until of [now.toISOString(), '2026-12-01T22:29:59Z', '2020-01-01T00:00:00Z']) {
      expect(() => snoozeUntil({ until }, now, 'UTC')).toThrow('until: must be in the future');
    }
  });
});

const reminder = (fields: Partial<Reminder> & Pick<Reminder, 'kind'>): Reminder => ({
  id: 1,
  minutes_before: null,
  at: null,
  fire_at: null,
  ...fields,
});

describe('remindersAfterSnooze', () => {
  const at = new Date('2026-12-01T22:40:00Z');

  it('keeps the task’s reminders and adds one at the snooze time', () => {
    const current = [
      reminder({ kind: 'due' }),
      reminder({ kind: 'before', minutes_before: 30 }),
      reminder({ kind: 'at', at: '2026-12-24T18:00:00.000Z' }),
    ];
    expect(remindersAfterSnooze(current, at, now)).toEqual([
      { kind: 'due' },
      { kind: 'before', minutes_before: 30 },
      { kind: 'at', at: '2026-12-24T18:00:00.000Z' },
      { kind: 'at', at: '2026-12-01T22:40:00.000Z' },
    ]);
  });

  it('drops `at` reminders already past, so snoozing again does not pile them up', () => {
    const current = [
      reminder({ kind: 'at', at: '2026-12-01T22:20:00.000Z' }),
      reminder({ kind: 'at', at: '2026-12-01T22:30:00.000Z' }),
    ];
    expect(remindersAfterSnooze(current, at, now)).toEqual([
      { kind: 'at', at: '2026-12-01T22:40:00.000Z' },
    ]);
  });

  it('does not add the same time twice', () => {
    const current = [reminder({ kind: 'at', at: at.toISOString() })];
    expect(remindersAfterSnooze(current, at, now)).toEqual([{ kind: 'at', at: at.toISOString() }]);
  });

  it('refuses with 409 when the task has ten reminders still to come', () => {
    const current = Array.from({ length: 10 }, (_, n) =>
      reminder({ kind: 'before', minutes_before: 5 + n }),
    );
    expect(() => remindersAfterSnooze(current, at, now)).toThrow(/10 reminders already/);
  });
});
