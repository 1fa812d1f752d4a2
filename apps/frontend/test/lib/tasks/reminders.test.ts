import { describe, expect, it } from 'vitest';
import {
  addReminder,
  BEFORE_OPTIONS,
  beforeLabel,
  describeReminder,
  fireTime,
  reminderInputs,
  sameReminders,
} from '@/lib/tasks/reminders';

// Wednesday 4 June 2025, 10:00 in Berlin.
const now = new Date('2025-06-04T08:00:00Z');
const zone = 'Europe/Berlin';
const due = '2025-06-04T16:30:00Z';

describe('beforeLabel', () => {
  it('names every choice the editor offers in its largest whole unit', () => {
    expect(BEFORE_OPTIONS.map((option) => option.label)).toEqual([
      '5 min before',
      '10 min before',
      '15 min before',
      '30 min before',
      '1 hour before',
      '2 hours before',
      '1 day before',
      '2 days before',
      '1 week before',
    ]);
    expect(beforeLabel(90)).toBe('90 min before');
  });
});

describe('describeReminder', () => {
  it.each([
    [{ kind: 'due' } as const, 'At the due time'],
    [{ kind: 'before', minutes_before: 30 } as const, '30 min before'],
    [{ kind: 'at', at: '2025-06-05T07:00:00Z' } as const, 'At Tomorrow 09:00'],
  ])('%o → %s', (reminder, text) => {
    expect(describeReminder(reminder, now, zone)).toBe(text);
  });
});

describe('fireTime', () => {
  it('works out relative reminders from the due time', () => {
    expect(fireTime({ kind: 'due' }, due, now)).toEqual({ at: '2025-06-04T16:30:00.000Z' });
    expect(fireTime({ kind: 'before', minutes_before: 60 }, due, now)).toEqual({
      at: '2025-06-04T15:30:00.000Z',
    });
  });

  it('says why a reminder will not fire', () => {
    expect(fireTime({ kind: 'due' }, null, now)).toEqual({ reason: 'Needs a due time' });
    expect(fireTime({ kind: 'before', minutes_before: 600 }, due, now)).toEqual({
      reason: 'That time has passed',
    });
    expect(fireTime({ kind: 'at', at: '2025-06-05T07:00:00Z' }, null, now, true)).toEqual({
      reason: 'The task is completed',
    });
  });

  it('fires an absolute reminder without a due time', () => {
    expect(fireTime({ kind: 'at', at: '2025-06-05T07:00:00Z' }, null, now)).toEqual({
      at: '2025-06-05T07:00:00.000Z',
    });
  });
});

describe('reminder lists', () => {
  it('turns a task’s reminders back into what the editor writes', () => {
    expect(
      reminderInputs([
        { id: 1, kind: 'due', minutes_before: null, at: null, fire_at: null },
        { id: 2, kind: 'before', minutes_before: 15, at: null, fire_at: null },
        { id: 3, kind: 'at', minutes_before: null, at: due, fire_at: due },
      ]),
    ).toEqual([{ kind: 'due' }, { kind: 'before', minutes_before: 15 }, { kind: 'at', at: due }]);
  });

  it('compares lists regardless of order and of how an instant is written', () => {
    expect(
      sameReminders(
        [{ kind: 'due' }, { kind: 'at', at: '2025-06-04T16:30:00Z' }],
        [{ kind: 'at', at: '2025-06-04T18:30:00+02:00' }, { kind: 'due' }],
      ),
    ).toBe(true);
    expect(sameReminders([{ kind: 'due' }], [{ kind: 'before', minutes_before: 5 }])).toBe(false);
  });

  it('refuses a duplicate and an eleventh reminder', () => {
    expect(addReminder([{ kind: 'due' }], { kind: 'due' }).error).toMatch(/already/);
    const ten = Array.from({ length: 10 }, (_, index) => ({
      kind: 'before' as const,
      minutes_before: 5 + index,
    }));
    expect(addReminder(ten, { kind: 'due' })).toMatchObject({
      reminders: ten,
      error: 'A task can have at most 10 reminders.',
    });
    expect(addReminder([], { kind: 'due' })).toEqual({ reminders: [{ kind: 'due' }] });
  });
});
