import { describe, expect, it } from 'vitest';
import { delayUntil, planReminders, type ReminderTask } from '@/lib/tasks/reminders';

const MINUTE = 60_000;
const now = Date.parse('2025-06-04T12:00:00Z');
const task = (id: number, dueInMinutes: number | null, completed = false): ReminderTask => ({
  id,
  title: `Task ${id}`,
  due_at: dueInMinutes === null ? null : new Date(now + dueInMinutes * MINUTE).toISOString(),
  completed,
});

describe('planReminders', () => {
  it('plans one 15 minutes before and one at the due time, soonest first', () => {
    const plan = planReminders([task(2, 60), task(1, 30)], now);
    expect(
      plan.map((reminder) => [reminder.taskId, reminder.title, (reminder.at - now) / MINUTE]),
    ).toEqual([
      [1, 'Due in 15 minutes', 15],
      [1, 'Due now', 30],
      [2, 'Due in 15 minutes', 45],
      [2, 'Due now', 60],
    ]);
    expect(plan[0]?.body).toBe('Task 1');
  });

  it('skips completed tasks and tasks without a due date', () => {
    expect(planReminders([task(1, 30, true), task(2, null)], now)).toEqual([]);
  });

  it('shows a just-missed reminder at once but drops old ones', () => {
    const late = planReminders([task(1, 14)], now);
    expect(late.map((reminder) => reminder.title)).toEqual(['Due in 15 minutes', 'Due now']);
    expect(late.map((reminder) => delayUntil(reminder, now))).toEqual([0, 14 * MINUTE]);
    // Opened 10 minutes before: the lead reminder is 5 minutes stale, only "due now" remains.
    expect(planReminders([task(1, 10)], now).map((reminder) => reminder.title)).toEqual([
      'Due now',
    ]);
    // Overdue by an hour: nothing to say any more.
    expect(planReminders([task(1, -60)], now)).toEqual([]);
  });

  it('never repeats a lead reminder once the due time has passed', () => {
    expect(planReminders([task(1, -1)], now).map((reminder) => reminder.title)).toEqual([
      'Due now',
    ]);
  });

  it('leaves out reminders already shown and those beyond the horizon', () => {
    const [first] = planReminders([task(1, 30)], now);
    const shown = new Set([first?.key ?? '']);
    expect(planReminders([task(1, 30)], now, { shown }).map((reminder) => reminder.title)).toEqual([
      'Due now',
    ]);
    expect(planReminders([task(1, 25 * 60)], now)).toEqual([]);
    expect(planReminders([task(1, 25 * 60)], now, { horizonMs: 48 * 60 * MINUTE })).toHaveLength(2);
  });

  it('keys reminders by due time, so moving a task plans it afresh', () => {
    const before = planReminders([task(1, 30)], now);
    const moved = planReminders([task(1, 40)], now, { shown: new Set(before.map((r) => r.key)) });
    expect(moved).toHaveLength(2);
  });

  it('supports other lead times', () => {
    const plan = planReminders([task(1, 120)], now, { leadMinutes: [60, 5] });
    expect(plan.map((reminder) => reminder.title)).toEqual(['Due in 1 hour', 'Due in 5 minutes']);
  });

  it('delays until the reminder time', () => {
    const [reminder] = planReminders([task(1, 30)], now);
    expect(reminder && delayUntil(reminder, now)).toBe(15 * MINUTE);
  });
});
