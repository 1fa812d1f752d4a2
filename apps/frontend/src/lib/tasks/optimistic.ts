import type { PatchTaskBody, Task } from '@todo/contract';

/** A task as listed: `saving` marks a change the backend has not confirmed yet. */
export type ListedTask = Task & { saving?: boolean };

/** Changes shown immediately, before the backend confirms them; React drops them afterwards. */
export type OptimisticChange =
  | { type: 'add'; task: Task }
  /** An edit shows only the fields it sends: the others keep what the list had. */
  | { type: 'update'; id: number; changes: Omit<PatchTaskBody, 'repeat'> }
  | { type: 'toggle'; id: number; at: string }
  | { type: 'remove'; id: number };

export function applyOptimistic(tasks: ListedTask[], change: OptimisticChange): ListedTask[] {
  switch (change.type) {
    case 'add':
      return [{ ...change.task, saving: true }, ...tasks];
    case 'update':
      return tasks.map((task) =>
        task.id === change.id ? { ...task, ...change.changes, saving: true } : task,
      );
    case 'toggle':
      return tasks.map((task) =>
        task.id === change.id
          ? {
              ...task,
              completed: !task.completed,
              completed_at: task.completed ? null : change.at,
              saving: true,
            }
          : task,
      );
    case 'remove':
      return tasks.filter((task) => task.id !== change.id);
  }
}

type TaskFields = Pick<Task, 'title' | 'description' | 'priority' | 'tags' | 'due_at'> & {
  recurrence: Task['recurrence'];
};

let nextTemporaryId = 0;

/** A placeholder task for an optimistic add; negative ids never collide with real ones. */
export function temporaryTask(fields: TaskFields, now: string): Task {
  nextTemporaryId -= 1;
  return {
    ...fields,
    repeat: null,
    time_zone: 'UTC',
    project_id: 0,
    parent_id: null,
    subtask_count: 0,
    completed_subtask_count: 0,
    id: nextTemporaryId,
    user_id: '',
    completed: false,
    completed_at: null,
    next_occurrence_id: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}
