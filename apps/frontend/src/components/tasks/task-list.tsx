'use client';

import type { Task } from '@todo/contract';
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
import type { ProjectRef } from '@/lib/tasks/quick-add';
import { groupSubtasks, openSubtaskCount, subtaskProgress } from '@/lib/tasks/subtasks';
import type { TaskActionResult } from './actions';
import { EmptyState } from './empty-state';
import { SubtaskForm } from './subtask-form';
import { TaskEditor } from './task-editor';
import { TaskItem } from './task-item';
import { type PendingQuestion, TaskQuestion } from './task-question';
import { useNow } from './use-now';
import { useTaskActions } from './use-task-actions';
import './subtasks.css';

/**
 * The list with optimistic complete, edit and delete; a refusal rolls back with a message.
 * Top-level tasks expand to show their subtasks (loaded with the page) and take new ones.
 */
export function TaskList({
  tasks,
  total,
  filters,
  timeZone,
  serverNow,
  suggestions,
  projects,
  showProject,
  unavailable,
  applyChange,
  onOutcome,
}: {
  /** The page's top-level tasks and the subtasks of those that have any. */
  tasks: ListedTask[];
  total: number;
  filters: TaskFilters;
  timeZone: string;
  serverNow: string;
  suggestions: string[];
  projects: readonly ProjectRef[];
  /** The view mixes projects: each row names its own. */
  showProject: boolean;
  unavailable: boolean;
  applyChange: (change: OptimisticChange) => void;
  onOutcome: (result: TaskActionResult<unknown>) => void;
}) {
  const now = useNow(serverNow);
  const actions = useTaskActions({ timeZone, applyChange, onOutcome });
  const { editing, setEditing } = actions;
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [addingTo, setAddingTo] = useState<number | null>(null);
  const [question, setQuestion] = useState<PendingQuestion | null>(null);
  const { top, children } = useMemo(() => groupSubtasks(tasks), [tasks]);
  const projectNames = useMemo(
    () => new Map(projects.map((project) => [project.id, project.name])),
    [projects],
  );

  const expand = (id: number, open: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const toggle = (task: Task) => {
    const open = task.completed ? 0 : openSubtaskCount(task, children.get(task.id));
    if (open > 0) setQuestion({ kind: 'complete', task, open });
    else actions.toggle(task);
  };

  const remove = (task: Task) => {
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
      <li key={task.id} className={`task-row priority-${task.priority}`}>
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
            projectName={showProject && !isSubtask ? projectNames.get(task.project_id) : undefined}
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
                projects={projects}
                onOptimistic={applyChange}
                onOutcome={onOutcome}
                onClose={() => {
                  setAddingTo(null);
                  requestAnimationFrame(() =>
                    document.getElementById(`task-${task.id}-edit`)?.focus(),
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
  const shown = top.length;
  const hasNext = first + shown < total;

  return (
    <section className="task-section" aria-labelledby="task-list-heading">
      <div className="list-header">
        <h2 id="task-list-heading" className="list-title">
          {isFiltered(filters) ? 'Matching tasks' : 'All tasks'}
        </h2>
        {!unavailable ? (
          <p className="list-count" aria-live="polite">
            {total === 0
              ? 'No tasks'
              : total <= PAGE_SIZE
                ? `${total} ${total === 1 ? 'task' : 'tasks'}`
                : `${first + 1}–${first + shown} of ${total}`}
          </p>
        ) : null}
      </div>
      {unavailable ? (
        <EmptyState kind="unavailable" />
      ) : top.length === 0 ? (
        <EmptyState kind={isFiltered(filters) ? 'no-match' : 'no-tasks'} />
      ) : (
        <ul className="task-list">{top.map((task) => row(task, false))}</ul>
      )}
      {question ? (
        <TaskQuestion
          question={question}
          onClose={() => setQuestion(null)}
          onComplete={(task, withSubtasks) => actions.toggle(task, withSubtasks)}
          onDelete={(task, subtasks) => actions.remove(task, subtasks)}
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
