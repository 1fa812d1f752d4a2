import type { Task } from '@todo/contract';
import { describe, expect, it } from 'vitest';
import { applyOptimistic, temporaryTask } from '@/lib/tasks/optimistic';

const base = temporaryTask(
  { title: 'A', description: null, priority: 'low', tags: [], due_at: null, recurrence: 'none' },
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
    const placeholder = temporaryTask({ ...a, title: 'New' }, '2025-06-02T00:00:00.000Z');
    expect(placeholder.id).toBeLessThan(0);
    expect(
      applyOptimistic([a], { type: 'add', task: placeholder }).map((t) => [t.title, t.saving]),
    ).toEqual([
      ['New', true],
      ['A', undefined],
    ]);
  });

  it('toggles completion both ways', () => {
    const [doneA, openB] = applyOptimistic(
      applyOptimistic([a, b], { type: 'toggle', id: 1, at: 'now' }),
      { type: 'toggle', id: 2, at: 'now' },
    );
    expect(doneA).toMatchObject({ completed: true, completed_at: 'now', saving: true });
    expect(openB).toMatchObject({ completed: false, completed_at: null, saving: true });
  });

  it('updates and removes by id, leaving the others untouched', () => {
    const updated = applyOptimistic([a, b], { type: 'update', id: 2, changes: { title: 'B2' } });
    expect(updated[0]).toBe(a);
    expect(updated[1]).toMatchObject({ title: 'B2', saving: true });
    expect(applyOptimistic([a, b], { type: 'remove', id: 1 })).toEqual([b]);
  });

  it('gives every placeholder its own id', () => {
    const first = temporaryTask(a, 'now');
    const second = temporaryTask(a, 'now');
    expect(first.id).not.toBe(second.id);
  });
});
