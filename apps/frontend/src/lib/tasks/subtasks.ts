import type { RowTask } from '@/lib/tasks/row-task';

/** The listed tasks as the list draws them: top-level rows, each with its subtasks. */
export interface TaskTree<T extends RowTask> {
  top: T[];
  children: ReadonlyMap<number, T[]>;
}

/**
 * Groups a flat list (the page's tasks plus the subtasks loaded for them) by parent. A subtask
 * whose parent is not listed stays a row of its own; subtasks keep the order they were added
 * in, one not saved yet last.
 */
export function groupSubtasks<T extends RowTask>(tasks: readonly T[]): TaskTree<T> {
  const ids = new Set(tasks.map((task) => task.id));
  const top: T[] = [];
  const children = new Map<number, T[]>();
  for (const task of tasks) {
    if (task.parent_id === null || !ids.has(task.parent_id)) top.push(task);
    else children.set(task.parent_id, [...(children.get(task.parent_id) ?? []), task]);
  }
  const order = (a: T, b: T) =>
    a.id < 0 === b.id < 0 ? Math.abs(a.id) - Math.abs(b.id) : a.id < 0 ? 1 : -1;
  for (const list of children.values()) list.sort(order);
  return { top, children };
}

export interface Progress {
  done: number;
  total: number;
}

/**
 * "2/5": counted from the subtasks listed, which follow every change at once, or from the
 * backend's counts when none were loaded. Null for a task without subtasks.
 */
export function subtaskProgress(
  task: RowTask,
  children: readonly RowTask[] | undefined,
): Progress | null {
  if (children && children.length > 0) {
    return { done: children.filter((child) => child.completed).length, total: children.length };
  }
  return task.subtask_count > 0
    ? { done: task.completed_subtask_count, total: task.subtask_count }
    : null;
}

/** How many subtasks completing this task would leave open. */
export function openSubtaskCount(task: RowTask, children: readonly RowTask[] | undefined): number {
  const progress = subtaskProgress(task, children);
  return progress ? progress.total - progress.done : 0;
}
