'use client';

import { MoveIcon, PencilIcon, TrashIcon } from '@/components/ui/icons';
import type { ListedTask } from '@/lib/tasks/optimistic';
import { TaskMeta } from './task-meta';
import { isTyping } from './use-shortcuts';

/** One row of the list: a checkbox, the title and details, edit and delete. */
export function TaskItem({
  task,
  now,
  timeZone,
  onToggle,
  onEdit,
  onDelete,
  onMove,
}: {
  task: ListedTask;
  now: Date;
  timeZone: string;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onMove: () => void;
}) {
  // A new task cannot be changed before it exists; a saving one can (the next change queues).
  const unsaved = task.id < 0;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: `m` bubbles up from the row's own controls; the row is no control itself
    <div
      className={`task${task.completed ? ' task-done' : ''}`}
      aria-busy={task.saving || undefined}
      onKeyDown={(event) => {
        // `m` anywhere in the row (its checkbox, its buttons) opens the project chooser.
        if (event.key !== 'm' || unsaved || event.metaKey || event.ctrlKey || event.altKey) return;
        if (isTyping(event.target)) return;
        event.preventDefault();
        onMove();
      }}
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
          className="icon-button"
          aria-label={`Move “${task.title}” to another project`}
          aria-keyshortcuts="m"
          title="Move to… (m)"
          disabled={unsaved}
          onClick={onMove}
        >
          <MoveIcon />
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
