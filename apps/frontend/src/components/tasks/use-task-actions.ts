'use client';

import { startTransition, useState } from 'react';
import { draftChanges, draftFromTask } from '@/lib/tasks/draft';
import { describeDue } from '@/lib/tasks/format-due';
import type { OptimisticChange } from '@/lib/tasks/optimistic';
import type { RowTask } from '@/lib/tasks/row-task';
import { moveTaskAction } from '../projects/actions';
import { useToast } from '../ui/toaster';
import {
  deleteTaskAction,
  restoreTaskAction,
  type TaskActionResult,
  toggleTaskAction,
  updateTaskAction,
} from './actions';
import type { EditState } from './task-editor';
import { rowActionsId, TASK_LIST_HEADING_ID } from './task-item';

function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * Focus for when a row leaves the list (deleted, moved out of the view): the next row's actions
 * button, else the previous row's, else the list's heading. Chosen now, while the row is still
 * there to find its neighbours, and given once the list has re-rendered.
 */
function focusAfterLeaving(taskId: number) {
  const row = document.querySelector(`[data-task-id="${taskId}"]`);
  const neighbour = (row?.nextElementSibling ?? row?.previousElementSibling)?.getAttribute(
    'data-task-id',
  );
  focusSoon(neighbour ? rowActionsId(Number(neighbour)) : TASK_LIST_HEADING_ID);
}

/**
 * What a row can do: complete, edit, delete and undo, each shown at once and rolled back with a
 * message when the backend refuses it.
 */
export function useTaskActions({
  timeZone,
  leavesOnMove,
  applyChange,
  onOutcome,
}: {
  timeZone: string;
  /** The view lists one project: a task moved elsewhere leaves it. */
  leavesOnMove: boolean;
  applyChange: (change: OptimisticChange) => void;
  onOutcome: (result: TaskActionResult<unknown>) => void;
}) {
  const toast = useToast();
  const [editing, setEditing] = useState<EditState | null>(null);

  const refused = (what: string, result: TaskActionResult<unknown>) => {
    if (!result.ok) toast({ tone: 'error', message: `Could not ${what}. ${result.message}` });
  };

  /** `completeSubtasks`: the person chose to complete a parent's open subtasks with it. */
  const toggle = (task: RowTask, completeSubtasks = false) =>
    startTransition(async () => {
      applyChange({ type: 'toggle', id: task.id, subtasks: completeSubtasks });
      const result = await toggleTaskAction(task.id, completeSubtasks);
      onOutcome(result);
      if (!result.ok) return refused(`update “${task.title}”`, result);
      const next = result.data.next;
      if (next?.due_at) {
        const due = describeDue(next.due_at, new Date(), timeZone).text;
        toast({ tone: 'success', message: `Done. The next “${next.title}” is due ${due}.` });
      }
    });

  const restore = (task: RowTask, subtasks: RowTask[]) =>
    startTransition(async () => {
      applyChange({ type: 'add', task });
      for (const subtask of subtasks) applyChange({ type: 'add', task: subtask });
      const result = await restoreTaskAction(task, subtasks);
      onOutcome(result);
      if (result.ok) toast({ tone: 'success', message: `Restored “${task.title}”` });
      else refused(`restore “${task.title}”`, result);
    });

  /** Deletes the task; its subtasks go with it, and Undo brings all of them back. */
  const remove = (task: RowTask, subtasks: RowTask[]) =>
    startTransition(async () => {
      focusAfterLeaving(task.id);
      applyChange({ type: 'remove', id: task.id });
      const result = await deleteTaskAction(task.id, task.version);
      onOutcome(result);
      if (!result.ok) return refused(`delete “${task.title}”`, result);
      toast({
        message: `Deleted “${task.title}”`,
        action: { label: 'Undo', onAction: () => restore(task, subtasks) },
      });
    });

  /** Moves the task (and, on the backend, its subtasks) to another project. */
  const move = (task: RowTask, projectId: number, projectName: string | undefined) =>
    startTransition(async () => {
      if (leavesOnMove) focusAfterLeaving(task.id);
      applyChange(
        leavesOnMove
          ? { type: 'remove', id: task.id }
          : { type: 'update', id: task.id, changes: { project_id: projectId } },
      );
      const moved = await moveTaskAction(task.id, task.version, projectId);
      const result = moved.ok ? moved : { ...moved, errors: {} };
      onOutcome(result);
      if (!result.ok) return refused(`move “${task.title}”`, result);
      toast({
        tone: 'success',
        message: `Moved “${task.title}” to “${projectName ?? 'the project'}”`,
      });
    });

  const close = (id: number) => {
    setEditing(null);
    focusSoon(rowActionsId(id));
  };

  const open = (task: RowTask) => {
    const draft = draftFromTask(task, timeZone);
    setEditing({ id: task.id, version: task.version, base: draft, draft, errors: {} });
  };

  const save = (state: EditState) => {
    // After a conflict, saving keeps mine: over the version that won, what differs from it.
    const edit: EditState = state.conflict
      ? {
          ...state,
          version: state.conflict.version,
          base: draftFromTask(state.conflict, state.draft.timeZone),
          conflict: undefined,
        }
      : state;
    const checked = draftChanges(edit.base, edit.draft);
    if (!checked.ok) {
      setEditing({ ...state, errors: checked.errors, message: undefined });
      return;
    }
    close(edit.id);
    if (Object.keys(checked.changes).length === 0) return;
    startTransition(async () => {
      applyChange({ type: 'update', id: edit.id, changes: checked.changes });
      const { version, base, draft } = edit;
      const result = await updateTaskAction(edit.id, { version, base, draft });
      onOutcome(result);
      if (result.ok) return;
      // Reopen the editor with what the user typed, so nothing is lost.
      if (result.latest) {
        setEditing({ ...edit, errors: {}, message: undefined, conflict: result.latest });
        return;
      }
      setEditing({ ...edit, errors: result.errors, message: result.message });
      refused('save your changes', result);
    });
  };

  return { editing, setEditing, toggle, remove, move, open, close, save };
}
