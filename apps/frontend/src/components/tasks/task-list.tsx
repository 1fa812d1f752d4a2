'use client';

import type { Task } from '@todo/contract';
import Link from 'next/link';
import { startTransition, useState } from 'react';
import { draftChanges, draftFromTask } from '@/lib/tasks/draft';
import {
  filtersHref,
  isFiltered,
  PAGE_SIZE,
  type TaskFilters,
  withFilters,
} from '@/lib/tasks/filters';
import { describeDue } from '@/lib/tasks/format-due';
import type { ListedTask, OptimisticChange } from '@/lib/tasks/optimistic';
import { groupTasks, type ViewKind } from '@/lib/tasks/views';
import { moveTaskAction } from '../projects/actions';
import { MoveTaskDialog } from '../projects/move-task-dialog';
import { useProjects } from '../projects/projects-context';
import { useToast } from '../ui/toaster';
import {
  deleteTaskAction,
  restoreTaskAction,
  type TaskActionResult,
  toggleTaskAction,
  updateTaskAction,
} from './actions';
import { EmptyState } from './empty-state';
import { type EditState, TaskEditor } from './task-editor';
import { TaskItem } from './task-item';
import { useNow } from './use-now';

function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export interface TaskView {
  kind: ViewKind;
  title: string;
}

/**
 * The list with optimistic complete, edit, move and delete; a refusal rolls back with a
 * message. Today and Upcoming show it in groups by day.
 */
export function TaskList({
  view,
  tasks,
  total,
  filters,
  timeZone,
  serverNow,
  suggestions,
  unavailable,
  applyChange,
  onOutcome,
}: {
  view: TaskView;
  tasks: ListedTask[];
  total: number;
  filters: TaskFilters;
  timeZone: string;
  serverNow: string;
  suggestions: string[];
  unavailable: boolean;
  applyChange: (change: OptimisticChange) => void;
  onOutcome: (result: TaskActionResult<unknown>) => void;
}) {
  const now = useNow(serverNow);
  const toast = useToast();
  const [editing, setEditing] = useState<EditState | null>(null);
  const [moving, setMoving] = useState<Task | null>(null);
  const projects = useProjects();

  const refused = (what: string, result: TaskActionResult<unknown>) => {
    if (!result.ok) toast({ tone: 'error', message: `Could not ${what}. ${result.message}` });
  };

  const toggle = (task: Task) =>
    startTransition(async () => {
      applyChange({ type: 'toggle', id: task.id, at: new Date().toISOString() });
      const result = await toggleTaskAction(task.id);
      onOutcome(result);
      if (!result.ok) return refused(`update “${task.title}”`, result);
      const next = result.data.next;
      if (next?.due_at) {
        const due = describeDue(next.due_at, new Date(), timeZone).text;
        toast({ tone: 'success', message: `Done. The next “${next.title}” is due ${due}.` });
      }
    });

  const restore = (task: Task) =>
    startTransition(async () => {
      applyChange({ type: 'add', task });
      const result = await restoreTaskAction(task);
      onOutcome(result);
      if (result.ok) toast({ tone: 'success', message: `Restored “${task.title}”` });
      else refused(`restore “${task.title}”`, result);
    });

  const remove = (task: Task) =>
    startTransition(async () => {
      applyChange({ type: 'remove', id: task.id });
      const result = await deleteTaskAction(task.id, task.version);
      onOutcome(result);
      if (!result.ok) return refused(`delete “${task.title}”`, result);
      toast({
        message: `Deleted “${task.title}”`,
        action: { label: 'Undo', onAction: () => restore(task) },
      });
    });

  const move = (task: Task, projectId: number) =>
    startTransition(async () => {
      const target = projects.active.find((project) => project.id === projectId);
      // Out of a project's list it goes; elsewhere it stays, with its new project.
      const leaves = view.kind === 'inbox' || view.kind === 'project';
      applyChange(
        leaves
          ? { type: 'remove', id: task.id }
          : { type: 'update', id: task.id, changes: { project_id: projectId } },
      );
      const moved = await moveTaskAction(task.id, task.version, projectId);
      const result = moved.ok ? moved : { ...moved, errors: {} };
      onOutcome(result);
      if (!result.ok) return refused(`move “${task.title}”`, result);
      toast({
        tone: 'success',
        message: `Moved “${task.title}” to “${target?.name ?? 'the project'}”`,
      });
    });

  const close = (id: number) => {
    setEditing(null);
    focusSoon(`task-${id}-edit`);
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

  const first = (filters.page - 1) * PAGE_SIZE;
  const paged = view.kind === 'all';
  const hasNext = paged && first + tasks.length < total;
  const groups = groupTasks(view.kind, tasks, now, timeZone);
  const empty = view.kind === 'all' ? (isFiltered(filters) ? 'no-match' : 'no-tasks') : view.kind;

  return (
    <section className="task-section" aria-labelledby="task-list-heading">
      <div className="list-header">
        <h2 id="task-list-heading" className="list-title">
          {view.kind === 'all' && isFiltered(filters) ? 'Matching tasks' : view.title}
        </h2>
        {!unavailable ? (
          <p className="list-count" aria-live="polite">
            {total === 0
              ? 'No tasks'
              : total <= PAGE_SIZE
                ? `${total} ${total === 1 ? 'task' : 'tasks'}`
                : `${first + 1}–${first + tasks.length} of ${total}`}
          </p>
        ) : null}
      </div>
      {unavailable ? (
        <EmptyState kind="unavailable" />
      ) : groups.length === 0 ? (
        <EmptyState kind={empty} />
      ) : (
        groups.map((group) => (
          <section
            key={group.key}
            className="task-group"
            aria-labelledby={group.title ? `group-${group.key}` : undefined}
          >
            {group.title ? (
              <h3 id={`group-${group.key}`} className="group-title">
                {group.title}
              </h3>
            ) : null}
            <ul className="task-list">
              {group.tasks.map((task) => (
                <li key={task.id} className={`task-row priority-${task.priority}`}>
                  {editing?.id === task.id ? (
                    <TaskEditor
                      state={editing}
                      suggestions={suggestions}
                      onChange={(draft) => setEditing({ ...editing, draft })}
                      onSave={() => save(editing)}
                      onCancel={() => close(task.id)}
                    />
                  ) : (
                    <TaskItem
                      task={task}
                      now={now}
                      timeZone={timeZone}
                      onToggle={() => toggle(task)}
                      onEdit={() => {
                        const draft = draftFromTask(task, timeZone);
                        setEditing({
                          id: task.id,
                          version: task.version,
                          base: draft,
                          draft,
                          errors: {},
                        });
                      }}
                      onDelete={() => remove(task)}
                      onMove={() => setMoving(task)}
                    />
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {moving ? (
        <MoveTaskDialog
          task={moving}
          projects={projects.active}
          onMove={(projectId) => {
            setMoving(null);
            if (projectId !== moving.project_id) move(moving, projectId);
          }}
          onClose={() => setMoving(null)}
        />
      ) : null}
      {filters.page > 1 || hasNext ? (
        <nav className="pagination" aria-label="Pages">
          {filters.page > 1 ? (
            <Link href={filtersHref(withFilters(filters, { page: filters.page - 1 }))}>
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          {hasNext ? (
            <Link href={filtersHref(withFilters(filters, { page: filters.page + 1 }))}>Next →</Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
