import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { asc, eq } from 'drizzle-orm';
import type { ProjectsRepository } from '../repositories/projects-repository.js';
import { taskColumns, toTask } from '../repositories/task-row.js';

const { tasks } = schema;

/**
 * Everything the user has, as the API shows it: every project (archived ones too) and every
 * task with its subtasks' parent_id, tags, repeat rule and reminders.
 */
export async function exportDocument(
  db: Database,
  projects: ProjectsRepository,
  userId: string,
): Promise<ExportDocument> {
  const [active, archived, rows] = await Promise.all([
    projects.list(userId, {}),
    projects.list(userId, { archived: true }),
    db.select(taskColumns).from(tasks).where(eq(tasks.userId, userId)).orderBy(asc(tasks.id)),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: new Date().toISOString(),
    projects: [...active.items, ...archived.items],
    tasks: rows.map(toTask),
  };
}
