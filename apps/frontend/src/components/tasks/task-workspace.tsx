'use client';

import type { Project, TagCount, Task } from '@todo/contract';
import { useMemo, useOptimistic, useState } from 'react';
import { UNAVAILABLE_MESSAGE } from '@/lib/backend/result';
import type { TaskFilters } from '@/lib/tasks/filters';
import { applyOptimistic } from '@/lib/tasks/optimistic';
import { Banner } from '../ui/banner';
import { ToastProvider } from '../ui/toaster';
import { FilterBar, SEARCH_INPUT_ID } from './filter-bar';
import { NewTaskForm, QUICK_ADD_INPUT_ID } from './new-task-form';
import { Reminders } from './reminders';
import { TaskList } from './task-list';
import { useShortcuts } from './use-shortcuts';

export interface TaskWorkspaceProps {
  /** The page's top-level tasks and the subtasks of those that have any. */
  tasks: Task[];
  total: number;
  filters: TaskFilters;
  tags: TagCount[];
  projects: Project[];
  upcoming: Task[];
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

export function TaskWorkspace(props: TaskWorkspaceProps) {
  return (
    <ToastProvider>
      <Workspace {...props} />
    </ToastProvider>
  );
}

function Workspace({
  tasks,
  total,
  filters,
  tags,
  projects,
  upcoming,
  timeZone,
  serverNow,
  loadProblem,
}: TaskWorkspaceProps) {
  const [optimisticTasks, applyChange] = useOptimistic(tasks, applyOptimistic);
  const [actionDown, setActionDown] = useState(false);
  const suggestions = useMemo(() => tags.map((tag) => tag.tag), [tags]);
  const projectRefs = useMemo(() => projects.map(({ id, name }) => ({ id, name })), [projects]);
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
            projects={projectRefs}
            onOptimistic={(change) => applyChange(change)}
            onOutcome={onOutcome}
          />
          <div className="side-tools">
            <Reminders tasks={upcoming} />
          </div>
        </div>
        <div className="workspace-main">
          <FilterBar filters={filters} tags={tags} />
          <TaskList
            tasks={optimisticTasks}
            total={total}
            filters={filters}
            timeZone={timeZone}
            serverNow={serverNow}
            suggestions={suggestions}
            projects={projectRefs}
            showProject
            unavailable={loadProblem !== null}
            applyChange={applyChange}
            onOutcome={onOutcome}
          />
        </div>
      </div>
    </div>
  );
}
