import type { Task } from '@todo/contract';

/**
 * What the task list keeps of a task: what its rows show and what edit, move, delete and undo
 * send back. The page serialises every listed task for the client list, so the rest of a
 * `Task` (owner, timestamps, the legacy `recurrence` the backend derives from `repeat`) would be
 * a third of the page's payload that no row reads.
 */
export type RowTask = Pick<
  Task,
  | 'id'
  | 'title'
  | 'description'
  | 'completed'
  | 'priority'
  | 'tags'
  | 'due_at'
  | 'repeat'
  | 'time_zone'
  | 'project_id'
  | 'parent_id'
  | 'subtask_count'
  | 'completed_subtask_count'
  | 'reminders'
  | 'version'
>;

/** The fields of a task the list keeps, named one by one so that new fields stay on the server. */
export function rowTask(task: Task): RowTask {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    completed: task.completed,
    priority: task.priority,
    tags: task.tags,
    due_at: task.due_at,
    repeat: task.repeat,
    time_zone: task.time_zone,
    project_id: task.project_id,
    parent_id: task.parent_id,
    subtask_count: task.subtask_count,
    completed_subtask_count: task.completed_subtask_count,
    reminders: task.reminders,
    version: task.version,
  };
}
