import type { Reminder, Task } from '@todo/contract';
import { schema } from '@todo/db/client';
import { repeatFields } from '@todo/schedule';
import { getTableColumns, sql } from 'drizzle-orm';

const { tasks } = schema;

/**
 * The columns of every task answer: the row and its subtasks' progress as [all, completed],
 * counted in the same statement by one scan of the parent_id index. "tasks".id is spelled out:
 * drizzle writes a bare "id" in a select list, which inside the subquery would name the
 * subtask's own id. (Measured on the bench's data, 50 rows: 0.43 ms without counts, 0.60 ms
 * with this, 0.74 ms with a subquery per count.)
 */
const subtaskProgress = sql<[number, number]>`(
  select array[count(*), count(*) filter (where subtask.completed)]::int[]
  from ${tasks} as subtask where subtask.parent_id = "tasks"."id")`;

/** A timestamptz as Date.prototype.toISOString() writes it, so both paths answer alike. */
export const isoText = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The task's reminders as the API answers them, soonest first, built in the same statement. */
const reminderList = sql<Reminder[]>`coalesce((
  select json_agg(json_build_object(
    'id', r.id, 'kind', r.kind, 'minutes_before', r.minutes_before,
    'at', ${sql.raw(isoText('r.at'))}, 'fire_at', ${sql.raw(isoText('r.fire_at'))})
    order by r.fire_at nulls last, r.id)
  from reminders as r where r.task_id = "tasks"."id"), '[]'::json)`;

export const taskColumns = { ...getTableColumns(tasks), subtaskProgress, reminderList };

export type TaskRow = typeof tasks.$inferSelect;
export type CountedTaskRow = TaskRow & {
  subtaskProgress: [number, number];
  reminderList: Reminder[];
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The API's snake_case view of a row. */
export function toTask(row: CountedTaskRow): Task {
  return {
    id: row.id,
    user_id: row.userId,
    title: row.title,
    description: row.description,
    completed: row.completed,
    completed_at: iso(row.completedAt),
    priority: row.priority,
    tags: row.tags,
    due_at: iso(row.dueAt),
    ...repeatFields(row),
    time_zone: row.timeZone,
    project_id: row.projectId,
    parent_id: row.parentId,
    subtask_count: row.subtaskProgress[0],
    completed_subtask_count: row.subtaskProgress[1],
    reminders: row.reminderList,
    next_occurrence_id: row.nextOccurrenceId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    version: row.version,
  };
}
