import type { Project } from '@todo/contract';
import type { schema } from '@todo/db/client';

/** A projects row with the number of its tasks not completed, counted in the same statement. */
export type ProjectRow = typeof schema.projects.$inferSelect & { openCount: number };

/** The API's snake_case view of a row. */
export function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    user_id: row.userId,
    name: row.name,
    color: row.color,
    position: row.position,
    is_inbox: row.isInbox,
    archived: row.archivedAt !== null,
    open_count: row.openCount,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    version: row.version,
  };
}
