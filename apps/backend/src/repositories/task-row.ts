import type { Task } from '@todo/contract';
import { schema } from '@todo/db/client';
import { repeatFields } from '@todo/schedule';
import { getTableColumns, sql } from 'drizzle-orm';

const { tasks } = schema;

// "tasks".id spelled out: drizzle writes a bare "id" in a select list, which inside the subquery
// would name the subtask's own id. Every statement that answers tasks names the table "tasks".
const subtasks = sql`from ${tasks} as subtask where subtask.parent_id = "tasks"."id"`;

/**
 * The columns of every task answer: the row and its subtasks' progress, counted in the same
 * statement (the index on parent_id serves both counts).
 */
export const taskColumns = {
  ...getTableColumns(tasks),
  subtaskCount: sql<number>`(select count(*)::int ${subtasks})`,
  completedSubtaskCount: sql<number>`(select count(*)::int ${subtasks} and subtask.completed)`,
};

export type TaskRow = typeof tasks.$inferSelect;
export type CountedTaskRow = TaskRow & { subtaskCount: number; completedSubtaskCount: number };

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
    subtask_count: row.subtaskCount,
    completed_subtask_count: row.completedSubtaskCount,
    next_occurrence_id: row.nextOccurrenceId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    version: row.version,
  };
}
