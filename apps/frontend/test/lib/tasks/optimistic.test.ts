import type { Task } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { applyOptimistic, temporaryTask } from '@/lib/tasks/optimistic';

const base = temporaryTask(
  {
    title: 'A',
    description: null,
    priority: 'low',
    tags: [],
    due_at: null,
    repeat: null,
    time_zone: 'UTC',
  },
  '2025-06-01T00:00:00.000Z',
);
const a: Task = { ...base, id: 1 };
const b: Task = {
  ...base,
  id: 2,
  title: 'B',
  completed: true,
  completed_at: '2025-06-01T00:00:00Z',
};

describe('applyOptimistic', () => {
  it('adds a placeholder on top, marked as saving', () => {
    const placeholder = temporaryTask(
      { ...a, title: 'New', repeat: null, reminders: [] },
      '2025-06-02T00:00:00.000Z',
    );
    expect(placeholder.id).toBeLessThan(0);
    expect(
      applyOptimistic([a], { type: 'add', task: placeholder }).map((t) => [t.title, t.saving]),
    ).toEqual([
      ['New', true],
      ['A', undefined],
    ]);
  });

  it('toggles completion both ways', () => {
    const [doneA, openB] = applyOptimistic(applyOptimistic([a, b], { type: 'toggle', id: 1 }), {
      type: 'toggle',
      id: 2,
    });
    expect(doneA).toMatchObject({ completed: true, saving: true });
    expect(openB).toMatchObject({ completed: false, saving: true });
  });

  it('updates and removes by id, leaving the others untouched', () => {
    const updated = applyOptimistic([a, b], { type: 'update', id: 2, changes: { title: 'B2' } });
    expect(updated[0]).toBe(a);
    expect(updated[1]).toMatchObject({ title: 'B2', saving: true });
    expect(applyOptimistic([a, b], { type: 'remove', id: 1 })).toEqual([b]);
  });

  it('gives every placeholder its own id', () => {
    const first = temporaryTask({ ...a, repeat: null, reminders: [] }, 'now');
    const second = temporaryTask({ ...a, repeat: null, reminders: [] }, 'now');
    expect(first.id).not.toBe(second.id);
  });

  it('shows a placeholder’s rule as the API will answer it, in its place', () => {
    const placeholder = temporaryTask(
      {
        ...a,
        reminders: [],
        repeat: { frequency: 'weekly', interval: 2, weekdays: ['mo', 'th'] },
        time_zone: 'Europe/Berlin',
        project_id: 7,
        parent_id: 1,
      },
      'now',
    );
    expect(placeholder).toMatchObject({
      project_id: 7,
      parent_id: 1,
      time_zone: 'Europe/Berlin',
      repeat: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', summary: 'Every 2 weeks on Mon, Thu' },
    });
  });

  it('shows an edited rule with its summary at once, and a cleared one as none', () => {
    const [edited] = applyOptimistic([a], {
      type: 'update',
      id: 1,
      changes: { repeat: { frequency: 'monthly', month_day: -1 }, time_zone: 'UTC' },
    });
    expect(edited?.repeat?.summary).toBe('Every month on the last day');
    const [cleared] = applyOptimistic([edited as Task], {
      type: 'update',
      id: 1,
      changes: { repeat: null },
    });
    expect(cleared?.repeat).toBeNull();
  });
});

describe('parents and subtasks', () => {
  const parent: Task = { ...base, id: 10, title: 'Trip' };
  const open: Task = { ...base, id: 11, parent_id: 10 };
  const done: Task = { ...base, id: 12, parent_id: 10, completed: true };
  const other: Task = { ...base, id: 13 };

  it('completing a parent with its subtasks completes the open ones, keeping the others', () => {
    const after = applyOptimistic([parent, open, done, other], {
      type: 'toggle',
      id: 10,
      subtasks: true,
    });
    expect(after.map((task) => [task.id, task.completed, task.saving ?? false])).toEqual([
      [10, true, true],
      [11, true, true],
      [12, true, false],
      [13, false, false],
    ]);
  });

  it('completing only the parent leaves its subtasks as they were', () => {
    const after = applyOptimistic([parent, open], { type: 'toggle', id: 10 });
    expect(after.map((task) => task.completed)).toEqual([true, false]);
  });

  it('removing a parent removes its subtasks with it', () => {
    expect(
      applyOptimistic([parent, open, done, other], { type: 'remove', id: 10 }).map((t) => t.id),
    ).toEqual([13]);
  });
});
