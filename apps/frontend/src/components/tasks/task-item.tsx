'use client';

import type { Project } from '@todo/contract';
import { ChevronIcon } from '@/components/ui/icons';
import { MenuButton } from '@/components/ui/menu-button';
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

/** The list's heading: focus goes there when the last row of a list leaves it. */
export const TASK_LIST_HEADING_ID = 'task-list-heading';

/** The id of a row's actions button: where focus goes back to when its editor or form closes. */
export const rowActionsId = (taskId: number) => `task-${taskId}-actions`;

/**
 * One row of the list: a checkbox, the title and details, subtasks, and one menu for edit, add
 * subtask, move and delete (one button per row instead of four, each labelled with the title,
 * which were 40% of the row's markup).
 */
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
        // `m` anywhere in the row (its checkbox, its menu button) opens the project chooser.
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
              {`${progress.done}/${progress.total}`}
            </button>
          ) : null}
        </TaskMeta>
      </div>
      <MenuButton
        id={rowActionsId(task.id)}
        label={`Actions for “${task.title}”`}
        disabled={unsaved}
        items={[
          { label: 'Edit', onSelect: onEdit },
          ...(subtasks ? [{ label: 'Add subtask', onSelect: subtasks.onAdd }] : []),
          ...(onMove ? [{ label: 'Move to…', onSelect: onMove, shortcut: 'm' }] : []),
          { label: 'Delete', onSelect: onDelete, danger: true },
        ]}
      />
    </div>
  );
}
