import { describe, expect, it } from 'vitest';
import { groupSubtasks, openSubtaskCount, subtaskProgress } from '@/lib/tasks/subtasks';
import { taskFixture } from '../../support/task-fixture';

const parent = taskFixture({ id: 1, title: 'Trip', subtask_count: 3, completed_subtask_count: 1 });
const first = taskFixture({ id: 2, parent_id: 1, completed: true });
const second = taskFixture({ id: 3, parent_id: 1 });
const placeholder = taskFixture({ id: -4, parent_id: 1 });
const orphan = taskFixture({ id: 5, parent_id: 99 });
const alone = taskFixture({ id: 6 });

describe('groupSubtasks', () => {
  it('lists top-level rows and nests each subtask under its listed parent, unsaved last', () => {
    const { top, children } = groupSubtasks([placeholder, parent, second, alone, first, orphan]);
    expect(top.map((task) => task.id)).toEqual([1, 6, 5]);
    expect(children.get(1)?.map((task) => task.id)).toEqual([2, 3, -4]);
    expect(children.has(6)).toBe(false);
  });
});

describe('subtaskProgress', () => {
  it('counts the listed subtasks, which follow each change at once', () => {
    expect(subtaskProgress(parent, [first, second])).toEqual({ done: 1, total: 2 });
    expect(openSubtaskCount(parent, [first, second])).toBe(1);
  });

  it('falls back on the backend’s counts, and has none for a task without subtasks', () => {
    expect(subtaskProgress(parent, undefined)).toEqual({ done: 1, total: 3 });
    expect(openSubtaskCount(parent, [])).toBe(2);
    expect(subtaskProgress(alone, undefined)).toBeNull();
    expect(openSubtaskCount(alone, undefined)).toBe(0);
  });
});
