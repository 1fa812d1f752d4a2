'use client';

import type { Task } from '@todo/contract';
import { PencilIcon, TrashIcon } from '@/components/ui/icons';
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
  task: Task;
  now: Date;
  timeZone: string;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const saving = task.id < 0;
  return (
    <div className={`task${task.completed ? ' task-done' : ''}`} aria-busy={saving || undefined}>
      <input
        type="checkbox"
        aria-label={`Mark “${task.title}” as done`}
        className="task-check"
        checked={task.completed}
        disabled={saving}
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
          disabled={saving}
          onClick={onEdit}
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          aria-label={`Delete “${task.title}”`}
          title="Delete"
          disabled={saving}
          onClick={onDelete}
        >
          <TrashIcon />
        </button>
      </div>
    </div>
  );
}
