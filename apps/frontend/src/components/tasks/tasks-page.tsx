import 'server-only';
import type { Session } from '@/lib/auth/session';
import { backendFor } from '@/lib/backend/client';
import { parseFilters, type SearchParamsInput } from '@/lib/tasks/filters';
import { loadSubtasks } from '@/lib/tasks/load-subtasks';
import { toListQuery } from '@/lib/tasks/query';
import { userTimeZone } from '@/lib/time-zone/server';
import { AppHeader } from '../layout/app-header';
import { TaskWorkspace } from './task-workspace';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The signed-in home: reads the filters from the URL and loads the list, tags and reminders. */
export async function TasksPage({
  session,
  searchParams,
}: {
  session: Session;
  searchParams: SearchParamsInput;
}) {
  const timeZone = await userTimeZone();
  const now = new Date();
  const filters = parseFilters(searchParams);
  const backend = backendFor(session.user.id);
  const [list, tags, projects, upcoming] = await Promise.all([
    backend.listTasks(toListQuery(filters, now, timeZone)),
    backend.listTags(),
    backend.listProjects(),
    backend.listTasks({
      status: 'pending',
      due_after: new Date(now.getTime() - DAY_MS).toISOString(),
      due_before: new Date(now.getTime() + 2 * DAY_MS).toISOString(),
      sort: 'due',
      order: 'asc',
      limit: 100,
    }),
  ]);
  const subtasks = list.ok ? await loadSubtasks(backend, list.data.items) : [];

  return (
    <>
      <AppHeader user={{ name: session.user.name, email: session.user.email }} />
      <main id="main" className="page page-app">
        <h1 className="visually-hidden">Your tasks</h1>
        <TaskWorkspace
          tasks={list.ok ? [...list.data.items, ...subtasks] : []}
          total={list.ok ? list.data.total : 0}
          filters={filters}
          tags={tags.ok ? tags.data.items : []}
          projects={projects.ok ? projects.data.items : []}
          upcoming={upcoming.ok ? upcoming.data.items : []}
          timeZone={timeZone}
          serverNow={now.toISOString()}
          loadProblem={list.ok ? null : { reason: list.reason, message: list.message }}
        />
      </main>
    </>
  );
}
