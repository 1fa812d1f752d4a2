'use client';

import { PencilIcon, TrashIcon } from '@/components/ui/icons';
import type { ListedTask } from '@/lib/tasks/optimistic';
import { TaskMeta } from './task-meta';

/** One row of the list: a checkbox, the title and details, edit and delete. */
export function TaskItem({
  task,
  now,
  timeZone,
  onToggle,
  onEdit,
  onDelete,
}: {
  task: ListedTask;
  now: Date;
  timeZone: string;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  // A new task cannot be changed before it exists; a saving one can (the next change queues).
  const unsaved = task.id < 0;
  return (
    <div
      className={`task${task.completed ? ' task-done' : ''}`}
      aria-busy={task.saving || undefined}
    >
      <input
        type="checkbox"
        aria-label={`Mark “${task.title}” as done`}
        className="task-check"
        checked={task.completed}
        disabled={unsaved}
        onChange={onToggle}
      />
      <div className="task-body">
        <p className="task-title">
          {task.completed ? <span className="visually-hidden">Done: </span> : null}
          {task.title}
        </p>
        {task.description ? <p className="task-description">{task.description}</p> : null}
        <TaskMeta task={task} now={now} timeZone={timeZone} />
      </div>
      <div className="task-actions">
        <button
          type="button"
          className="icon-button"
          id={`task-${task.id}-edit`}
          aria-label={`Edit “${task.title}”`}
          title="Edit"
          disabled={unsaved}
          onClick={onEdit}
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          aria-label={`Delete “${task.title}”`}
          title="Delete"
          disabled={unsaved}
          onClick={onDelete}
        >
          <TrashIcon />
        </button>
      </div>
    </div>
  );
}
