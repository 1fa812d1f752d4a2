import { DEFAULT_SORT_ORDER, type ListTasksQuery } from '@todo/contract';
import { startOfZonedDay, zonedParts } from '@todo/schedule';
import { type DueFilter, PAGE_SIZE, type TaskFilters } from '@/lib/tasks/filters';

export interface DueRange {
  due_after?: string;
  due_before?: string;
  overdue?: boolean;
  has_due?: boolean;
}

/**
 * The backend query for a due filter, with day and week boundaries taken in the user's zone:
 * "today" is local midnight to the next midnight, "week" is Monday 00:00 to the next Monday.
 */
export function dueRange(due: DueFilter | null, now: Date, timeZone: string): DueRange {
  switch (due) {
    case null:
      return {};
    case 'overdue':
      return { overdue: true };
    case 'none':
      return { has_due: false };
    case 'today':
      return {
        due_after: startOfZonedDay(now, timeZone).toISOString(),
        due_before: startOfZonedDay(now, timeZone, 1).toISOString(),
      };
    case 'week': {
      const sinceMonday = zonedParts(now, timeZone).weekday - 1;
      return {
        due_after: startOfZonedDay(now, timeZone, -sinceMonday).toISOString(),
        due_before: startOfZonedDay(now, timeZone, 7 - sinceMonday).toISOString(),
      };
    }
  }
}

/** Filters from the URL → the query of GET /api/{user_id}/tasks. */
export function toListQuery(filters: TaskFilters, now: Date, timeZone: string): ListTasksQuery {
  const query: ListTasksQuery = {
    status: filters.status,
    sort: filters.sort,
    order: filters.order ?? DEFAULT_SORT_ORDER[filters.sort],
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
    // Subtasks are listed under their parent, not as rows of their own.
    top_level: true,
    ...dueRange(filters.due, now, timeZone),
  };
  if (filters.priorities.length > 0) query.priority = filters.priorities;
  if (filters.tags.length > 0) query.tag = filters.tags;
  if (filters.q) query.q = filters.q;
  return query;
}

/** Serialises a list query: arrays become repeated keys (`tag=a&tag=b`). */
export function listQueryString(query: ListTasksQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params.toString();
}
