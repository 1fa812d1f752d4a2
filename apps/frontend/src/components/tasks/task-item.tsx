'use client';

import type { Project } from '@todo/contract';
import { ChevronIcon, MoveIcon, PencilIcon, PlusIcon, TrashIcon } from '@/components/ui/icons';
import type { ListedTask } from '@/lib/tasks/optimistic';
import type { Progress } from '@/lib/tasks/subtasks';
import { TaskMeta } from './task-meta';
import { isTyping } from './use-shortcuts';

/** A parent's subtasks: their progress, whether they are shown, and how to add one. */
export interface SubtaskControls {
  progress: Progress | null;
  expanded: boolean;
  listId: string;
  onExpand: () => void;
  onAdd: () => void;
}

/** One row of the list: a checkbox, the title and details, subtasks, edit, move and delete. */
export function TaskItem({
  task,
  now,
  timeZone,
  project,
  subtasks,
  onToggle,
  onEdit,
  onDelete,
  onMove,
}: {
  task: ListedTask;
  now: Date;
  timeZone: string;
  /** Shown where the view mixes projects. */
  project?: Pick<Project, 'name' | 'color'> | undefined;
  /** Top-level tasks only: subtasks have none (one level). */
  subtasks?: SubtaskControls | undefined;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
  /** Top-level tasks only: a subtask stays in its parent's project, and moves with it. */
  onMove?: (() => void) | undefined;
}) {
  // A new task cannot be changed before it exists; a saving one can (the next change queues).
  const unsaved = task.id < 0;
  const progress = subtasks?.progress;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: `m` bubbles up from the row's own controls; the row is no control itself
    <div
      className={`task${task.completed ? ' task-done' : ''}`}
      aria-busy={task.saving || undefined}
      onKeyDown={(event) => {
        // `m` anywhere in the row (its checkbox, its buttons) opens the project chooser.
        if (event.key !== 'm' || !onMove || unsaved) return;
        if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
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
        <TaskMeta task={task} now={now} timeZone={timeZone} project={project}>
          {subtasks && progress ? (
            <button
              type="button"
              className="subtask-toggle"
              aria-expanded={subtasks.expanded}
              aria-controls={subtasks.listId}
              aria-label={`Subtasks of “${task.title}”: ${progress.done} of ${progress.total} done`}
              onClick={subtasks.onExpand}
            >
              <ChevronIcon className="subtask-chevron" />
              {progress.done}/{progress.total}
            </button>
          ) : null}
        </TaskMeta>
      </div>
      <div className="task-actions">
        {subtasks ? (
          <button
            type="button"
            className="icon-button"
            aria-label={`Add a subtask to “${task.title}”`}
            title="Add subtask"
            disabled={unsaved}
            onClick={subtasks.onAdd}
          >
            <PlusIcon />
          </button>
        ) : null}
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
        {onMove ? (
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
        ) : null}
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
