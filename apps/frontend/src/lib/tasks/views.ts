import { type ListTasksQuery, TASK_LIMITS } from '@todo/contract';
import { formatInZone, startOfZonedDay } from '@todo/schedule';
import { dueRange } from '@/lib/tasks/query';
import type { RowTask } from '@/lib/tasks/row-task';

/** The lists the sidebar opens; `all` is `/` with its filter bar. */
export type ViewKind = 'all' | 'inbox' | 'project' | 'today' | 'upcoming';

/** Rows under one heading; `title` null for a list that is not grouped. */
export interface TaskGroup<T extends RowTask = RowTask> {
  key: string;
  title: string | null;
  tasks: T[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Upcoming shows this many days one by one (today first), then "Later". */
export const UPCOMING_DAYS = 7;

/** Open tasks in a due range, soonest first, as many as one page holds. */
function openByDue(range: Pick<ListTasksQuery, 'due_after' | 'due_before'>): ListTasksQuery {
  return { status: 'pending', ...range, sort: 'due', order: 'asc', limit: TASK_LIMITS.pageMax };
}

/** Open tasks due before tomorrow starts in the user's zone: the overdue and today's. */
export function todayQuery(now: Date, timeZone: string): ListTasksQuery {
  return openByDue({ due_before: dueRange('today', now, timeZone).due_before });
}

/** Open tasks due from the start of today on. */
export function upcomingQuery(now: Date, timeZone: string): ListTasksQuery {
  return openByDue({ due_after: dueRange('today', now, timeZone).due_after });
}

/** Whole days from today to the day of `dueAt`, both in `timeZone` (a DST day still counts one). */
function dayOffset(dueAt: string, now: Date, timeZone: string): number {
  const today = startOfZonedDay(now, timeZone).getTime();
  return Math.round((startOfZonedDay(new Date(dueAt), timeZone).getTime() - today) / DAY_MS);
}

function dayLabel(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone, { weekday: 'short', day: 'numeric', month: 'short' });
}

function nonEmpty<T extends RowTask>(groups: TaskGroup<T>[]): TaskGroup<T>[] {
  return groups.filter((group) => group.tasks.length > 0);
}

/** Today's view: "Overdue" (due on an earlier day), then "Today". Others are left out. */
export function groupToday<T extends RowTask>(
  tasks: T[],
  now: Date,
  timeZone: string,
): TaskGroup<T>[] {
  const overdue: T[] = [];
  const today: T[] = [];
  for (const task of tasks) {
    if (!task.due_at) continue;
    const offset = dayOffset(task.due_at, now, timeZone);
    if (offset < 0) overdue.push(task);
    else if (offset === 0) today.push(task);
  }
  return nonEmpty([
    { key: 'overdue', title: 'Overdue', tasks: overdue },
    { key: 'today', title: 'Today', tasks: today },
  ]);
}

/**
 * Upcoming: one group per day of the next seven that has tasks, headed "Today · Tue 2 Dec",
 * "Tomorrow · Wed 3 Dec", "Thu 4 Dec" …, then "Later". Tasks without a date or before today
 * are left out.
 */
export function groupUpcoming<T extends RowTask>(
  tasks: T[],
  now: Date,
  timeZone: string,
): TaskGroup<T>[] {
  const days: TaskGroup<T>[] = Array.from({ length: UPCOMING_DAYS }, (_, offset) => {
    const day = startOfZonedDay(now, timeZone, offset);
    const date = dayLabel(day, timeZone);
    const relative = offset === 0 ? 'Today · ' : offset === 1 ? 'Tomorrow · ' : '';
    return { key: `day-${offset}`, title: `${relative}${date}`, tasks: [] };
  });
  const later: TaskGroup<T> = { key: 'later', title: 'Later', tasks: [] };
  for (const task of tasks) {
    if (!task.due_at) continue;
    const offset = dayOffset(task.due_at, now, timeZone);
    if (offset < 0) continue;
    (days[offset] ?? later).tasks.push(task);
  }
  return nonEmpty([...days, later]);
}

/** The groups a view shows its (optimistic) tasks in. */
export function groupTasks<T extends RowTask>(
  view: ViewKind,
  tasks: T[],
  now: Date,
  timeZone: string,
): TaskGroup<T>[] {
  if (view === 'today') return groupToday(tasks, now, timeZone);
  if (view === 'upcoming') return groupUpcoming(tasks, now, timeZone);
  return tasks.length > 0 ? [{ key: 'all', title: null, tasks }] : [];
}

/** A project's open top-level tasks, newest first (subtasks are listed under them). */
export function projectQuery(projectId: number): ListTasksQuery {
  return {
    status: 'pending',
    project: [projectId],
    top_level: true,
    sort: 'created',
    order: 'desc',
    limit: TASK_LIMITS.pageMax,
  };
}
