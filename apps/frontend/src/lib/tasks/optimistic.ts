import type { PatchTaskBody, Repeat, RepeatInput, Task } from '@todo/contract';
import { ruleFromInput, toRepeat } from '@todo/schedule';
import type { TaskBody } from '@/lib/tasks/draft';
import type { RowTask } from '@/lib/tasks/row-task';

/** A task as listed: `saving` marks a change the backend has not confirmed yet. */
export type ListedTask = RowTask & { saving?: boolean };

/** Changes shown immediately, before the backend confirms them; React drops them afterwards. */
export type OptimisticChange =
  | { type: 'add'; task: RowTask }
  /** An edit shows only the fields it sends: the others keep what the list had. */
  | { type: 'update'; id: number; changes: PatchTaskBody }
  /** `subtasks`: completing a parent completes its open subtasks too. */
  | { type: 'toggle'; id: number; subtasks?: boolean }
  /** Removes the task and its subtasks (the backend deletes them with their parent). */
  | { type: 'remove'; id: number };

/** A rule as a client sends it, shown as the API will answer it (with its summary). */
function shownRepeat(input: RepeatInput | null, timeZone: string): Repeat | null {
  if (!input) return null;
  const rule = ruleFromInput(input);
  return rule.ok ? toRepeat(rule.rule, timeZone) : null;
}

function completed(task: ListedTask, done: boolean): ListedTask {
  return { ...task, completed: done, saving: true };
}

export function applyOptimistic(tasks: ListedTask[], change: OptimisticChange): ListedTask[] {
  switch (change.type) {
    case 'add':
      return [{ ...change.task, saving: true }, ...tasks];
    case 'update': {
      // Reminders are shown as the server answers them (with their fire times), not guessed.
      const { repeat, recurrence: _legacy, reminders: _reminders, ...fields } = change.changes;
      return tasks.map((task) =>
        task.id === change.id
          ? {
              ...task,
              ...fields,
              ...(repeat === undefined
                ? {}
                : { repeat: shownRepeat(repeat, fields.time_zone ?? task.time_zone) }),
              saving: true,
            }
          : task,
      );
    }
    case 'toggle': {
      const target = tasks.find((task) => task.id === change.id);
      if (!target) return tasks;
      const done = !target.completed;
      return tasks.map((task) => {
        if (task.id === change.id) return completed(task, done);
        if (done && change.subtasks && task.parent_id === change.id && !task.completed) {
          return completed(task, true);
        }
        return task;
      });
    }
    case 'remove':
      return tasks.filter((task) => task.id !== change.id && task.parent_id !== change.id);
  }
}

/** What a placeholder is made from: a checked draft, and where the task goes. */
export type PlaceholderFields = TaskBody & { project_id?: number; parent_id?: number | null };

let nextTemporaryId = 0;

/** A placeholder task for an optimistic add; negative ids never collide with real ones. */
export function temporaryTask(fields: PlaceholderFields, now: string): Task {
  nextTemporaryId -= 1;
  // Reminders are shown as the server answers them (with their fire times), not guessed.
  const { repeat, project_id = 0, parent_id = null, reminders: _reminders, ...rest } = fields;
  return {
    ...rest,
    recurrence: 'none',
    repeat: shownRepeat(repeat, fields.time_zone),
    project_id,
    parent_id,
    subtask_count: 0,
    completed_subtask_count: 0,
    reminders: [],
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
