'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import {
  filtersHref,
  isFiltered,
  PAGE_SIZE,
  type TaskFilters,
  withFilters,
} from '@/lib/tasks/filters';
import type { ListedTask, OptimisticChange } from '@/lib/tasks/optimistic';
import type { RowTask } from '@/lib/tasks/row-task';
import { groupSubtasks, openSubtaskCount, subtaskProgress } from '@/lib/tasks/subtasks';
import { groupTasks, type ViewKind } from '@/lib/tasks/views';
import { MoveTaskDialog } from '../projects/move-task-dialog';
import { useProjects } from '../projects/projects-context';
import type { TaskActionResult } from './actions';
import { EmptyState } from './empty-state';
import { SubtaskForm } from './subtask-form';
import { TaskEditor } from './task-editor';
import { rowActionsId, TASK_LIST_HEADING_ID, TaskItem } from './task-item';
import { type PendingQuestion, TaskQuestion } from './task-question';
import { useNow } from './use-now';
import { useTaskActions } from './use-task-actions';
import './subtasks.css';

export interface TaskView {
  kind: ViewKind;
  title: string;
  /** The project a project's (or the Inbox's) view lists: where quick add puts a task. */
  projectId?: number | undefined;
}

/** Views whose rows come from several projects, so each row names its own. */
const MIXED_VIEWS: readonly ViewKind[] = ['all', 'today', 'upcoming'];

/**
 * The list with optimistic complete, edit, move and delete; a refusal rolls back with a
 * message. Today and Upcoming show it in groups by day. Top-level tasks expand to show their
 * subtasks (loaded with the page) and take new ones.
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
  /** The view's tasks and the subtasks of those that have any. */
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
  const projects = useProjects();
  const leavesOnMove = view.kind === 'inbox' || view.kind === 'project';
  const actions = useTaskActions({ timeZone, leavesOnMove, applyChange, onOutcome });
  const { editing, setEditing } = actions;
  const [moving, setMoving] = useState<RowTask | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [addingTo, setAddingTo] = useState<number | null>(null);
  const [question, setQuestion] = useState<PendingQuestion | null>(null);
  const { top, children } = useMemo(() => groupSubtasks(tasks), [tasks]);
  const projectsById = useMemo(
    () => new Map([...projects.active, ...projects.archived].map((p) => [p.id, p])),
    [projects],
  );
  const showProject = MIXED_VIEWS.includes(view.kind);

  const expand = (id: number, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const toggle = (task: RowTask) => {
    const open = task.completed ? 0 : openSubtaskCount(task, children.get(task.id));
    if (open > 0) setQuestion({ kind: 'complete', task, open });
    else actions.toggle(task);
  };

  const remove = (task: RowTask) => {
    const subtasks = children.get(task.id) ?? [];
    const count = Math.max(subtasks.length, task.subtask_count);
    if (count > 0) setQuestion({ kind: 'delete', task, subtasks, count });
    else actions.remove(task, []);
  };

  const row = (task: ListedTask, isSubtask: boolean) => {
    const listId = `subtasks-${task.id}`;
    const own = children.get(task.id);
    const isOpen = expanded.has(task.id) || addingTo === task.id;
    return (
      <li key={task.id} className={`task-row priority-${task.priority}`} data-task-id={task.id}>
        {editing?.id === task.id ? (
          <TaskEditor
            state={editing}
            suggestions={suggestions}
            onChange={(draft) => setEditing({ ...editing, draft })}
            onSave={() => actions.save(editing)}
            onCancel={() => actions.close(task.id)}
          />
        ) : (
          <TaskItem
            task={task}
            now={now}
            timeZone={timeZone}
            project={showProject && !isSubtask ? projectsById.get(task.project_id) : undefined}
            subtasks={
              isSubtask
                ? undefined
                : {
                    progress: subtaskProgress(task, own),
                    expanded: isOpen,
                    listId,
                    onExpand: () => expand(task.id, !isOpen),
                    onAdd: () => {
                      expand(task.id, true);
                      setAddingTo(task.id);
                    },
                  }
            }
            onToggle={() => toggle(task)}
            onEdit={() => actions.open(task)}
            onDelete={() => remove(task)}
            onMove={isSubtask ? undefined : () => setMoving(task)}
          />
        )}
        {!isSubtask && isOpen ? (
          <div className="subtasks">
            {own && own.length > 0 ? (
              <ul
                id={listId}
                className="task-list subtask-list"
                aria-label={`Subtasks of “${task.title}”`}
              >
                {own.map((subtask) => row(subtask, true))}
              </ul>
            ) : null}
            {addingTo === task.id ? (
              <SubtaskForm
                parent={task}
                timeZone={timeZone}
                onOptimistic={applyChange}
                onOutcome={onOutcome}
                onClose={() => {
                  setAddingTo(null);
                  requestAnimationFrame(() =>
                    document.getElementById(rowActionsId(task.id))?.focus(),
                  );
                }}
              />
            ) : null}
          </div>
        ) : null}
      </li>
    );
  };

  const first = (filters.page - 1) * PAGE_SIZE;
  const paged = view.kind === 'all';
  const hasNext = paged && first + top.length < total;
  const groups = groupTasks(view.kind, top, now, timeZone);
  const empty = view.kind === 'all' ? (isFiltered(filters) ? 'no-match' : 'no-tasks') : view.kind;

  return (
    <section className="task-section" aria-labelledby={TASK_LIST_HEADING_ID}>
      <div className="list-header">
        <h2 id={TASK_LIST_HEADING_ID} className="list-title" tabIndex={-1}>
          {view.kind === 'all' && isFiltered(filters) ? 'Matching tasks' : view.title}
        </h2>
        {!unavailable ? (
          <p className="list-count" aria-live="polite">
            {total === 0
              ? 'No tasks'
              : total <= PAGE_SIZE
                ? `${total} ${total === 1 ? 'task' : 'tasks'}`
                : `${first + 1}–${first + top.length} of ${total}`}
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
            <ul className="task-list">{group.tasks.map((task) => row(task, false))}</ul>
          </section>
        ))
      )}
      {question ? (
        <TaskQuestion
          question={question}
          onClose={() => setQuestion(null)}
          onComplete={(task, withSubtasks) => actions.toggle(task, withSubtasks)}
          onDelete={(task, subtasks) => actions.remove(task, subtasks)}
        />
      ) : null}
      {moving ? (
        <MoveTaskDialog
          task={moving}
          projects={projects.active}
          onMove={(projectId) => {
            setMoving(null);
            if (projectId !== moving.project_id) {
              actions.move(moving, projectId, projectsById.get(projectId)?.name);
            }
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
