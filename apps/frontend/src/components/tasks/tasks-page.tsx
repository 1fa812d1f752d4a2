import 'server-only';
import type { ListTasksQuery } from '@todo/contract';
import type { Session } from '@/lib/auth/session';
import { backendFor } from '@/lib/backend/client';
import { loadTags } from '@/lib/backend/per-request';
import { failure, UNAVAILABLE_MESSAGE } from '@/lib/backend/result';
import { DEFAULT_FILTERS, type TaskFilters } from '@/lib/tasks/filters';
import { loadSubtasks } from '@/lib/tasks/load-subtasks';
import { toListQuery } from '@/lib/tasks/query';
import { rowTask } from '@/lib/tasks/row-task';
import type { ViewKind } from '@/lib/tasks/views';
import { userTimeZone } from '@/lib/time-zone/server';
import { TaskWorkspace } from './task-workspace';

export interface TasksView {
  kind: ViewKind;
  /** The page's heading: "All tasks", "Today", a project's name. */
  title: string;
  /** The project a project's (or the Inbox's) view lists: where quick add puts a task. */
  projectId?: number | undefined;
  /** The view's list (null: it cannot be known now, an outage); `all` reads the filters. */
  query?: (now: Date, timeZone: string) => ListTasksQuery | null;
}

/** A view of the tasks: loads its list and the tags in parallel. */
export async function TasksPage({
  session,
  view,
  filters = DEFAULT_FILTERS,
}: {
  session: Session;
  view: TasksView;
  filters?: TaskFilters;
}) {
  const timeZone = await userTimeZone();
  const now = new Date();
  const backend = backendFor(session.user.id);
  const query = view.query ? view.query(now, timeZone) : toListQuery(filters, now, timeZone);
  const [list, tags] = await Promise.all([
    query ? backend.listTasks(query) : failure('unavailable', UNAVAILABLE_MESSAGE),
    loadTags(session.user.id),
  ]);
  // The subtasks of the listed parents come in the same render, one call after the list.
  const subtasks = list.ok ? await loadSubtasks(backend, list.data.items) : [];

  return (
    <>
      <h1 className="visually-hidden">{view.title}</h1>
      <TaskWorkspace
        view={{ kind: view.kind, title: view.title, projectId: view.projectId }}
        tasks={list.ok ? [...list.data.items, ...subtasks].map(rowTask) : []}
        total={list.ok ? list.data.total : 0}
        filters={filters}
        tags={tags.ok ? tags.data.items : []}
        timeZone={timeZone}
        serverNow={now.toISOString()}
        loadProblem={list.ok ? null : { reason: list.reason, message: list.message }}
      />
    </>
  );
}
