import type { Task } from '@todo/contract';
import type { schema } from '@todo/db/client';

export type TaskRow = typeof schema.tasks.$inferSelect;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The API's snake_case view of a row. */
export function toTask(row: TaskRow): Task {
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
    recurrence: row.recurrence,
    next_occurrence_id: row.nextOccurrenceId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    version: row.version,
  };
}
