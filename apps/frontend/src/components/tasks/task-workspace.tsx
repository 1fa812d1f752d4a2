'use client';

import type { TagCount } from '@todo/contract';
import { useMemo, useOptimistic, useState } from 'react';
import { UNAVAILABLE_MESSAGE } from '@/lib/backend/result';
import type { TaskFilters } from '@/lib/tasks/filters';
import { applyOptimistic } from '@/lib/tasks/optimistic';
import type { RowTask } from '@/lib/tasks/row-task';
import { Banner } from '../ui/banner';
import { FilterBar, SEARCH_INPUT_ID } from './filter-bar';
import { NewTaskForm, QUICK_ADD_INPUT_ID } from './new-task-form';
import { TaskList, type TaskView } from './task-list';
import { useShortcuts } from './use-shortcuts';

export interface TaskWorkspaceProps {
  view: TaskView;
  /** The view's tasks and the subtasks of those that have any. */
  tasks: RowTask[];
  total: number;
  filters: TaskFilters;
  tags: TagCount[];
  timeZone: string;
  serverNow: string;
  /** Set when the list could not be loaded (the backend is down). */
  loadProblem: { reason: string; message: string } | null;
}

function focusById(id: string) {
  const element = document.getElementById(id);
  if (element instanceof HTMLInputElement) {
    element.focus();
    element.select();
  }
}

/** One view's tasks: the add form, (on All tasks) the filters, and the list. */
export function TaskWorkspace({
  view,
  tasks,
  total,
  filters,
  tags,
  timeZone,
  serverNow,
  loadProblem,
}: TaskWorkspaceProps) {
  const [optimisticTasks, applyChange] = useOptimistic(tasks, applyOptimistic);
  const [actionDown, setActionDown] = useState(false);
  const suggestions = useMemo(() => tags.map((tag) => tag.tag), [tags]);
  const shortcuts = useMemo(
    () => ({ n: () => focusById(QUICK_ADD_INPUT_ID), '/': () => focusById(SEARCH_INPUT_ID) }),
    [],
  );
  useShortcuts(shortcuts);

  const onOutcome = (result: { ok: boolean; reason?: string }) => {
    if (result.ok) setActionDown(false);
    else if (result.reason === 'unavailable') setActionDown(true);
  };
  const down = loadProblem !== null || actionDown;

  return (
    <div className="workspace">
      {down ? (
        <Banner
          title={
            actionDown || loadProblem?.reason === 'unavailable'
              ? 'The task service is unavailable'
              : 'Your tasks could not be loaded'
          }
        >
          {loadProblem && !actionDown ? loadProblem.message : UNAVAILABLE_MESSAGE}
        </Banner>
      ) : null}
      <div className="workspace-grid">
        <div className="workspace-side">
          <NewTaskForm
            timeZone={timeZone}
            suggestions={suggestions}
            defaults={{ projectId: view.projectId ?? null, dueToday: view.kind === 'today' }}
            onOptimistic={(change) => applyChange(change)}
            onOutcome={onOutcome}
          />
        </div>
        <div className="workspace-main">
          {view.kind === 'all' ? <FilterBar filters={filters} tags={tags} /> : null}
          <TaskList
            view={view}
            tasks={optimisticTasks}
            total={total}
            filters={filters}
            timeZone={timeZone}
            serverNow={serverNow}
            suggestions={suggestions}
            unavailable={loadProblem !== null}
            applyChange={applyChange}
            onOutcome={onOutcome}
          />
        </div>
      </div>
    </div>
  );
}
