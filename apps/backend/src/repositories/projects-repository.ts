import type {
  CreateProjectBody,
  ListProjectsQuery,
  PatchProjectBody,
  Project,
  ProjectList,
} from '@todo/contract';
import { PROJECT_LIMITS } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, asc, eq, getTableColumns, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { isUniqueViolation } from '../lib/database-errors.js';
import {
  type Placed,
  type PlaceRange,
  placeProject,
  withoutProject,
} from '../lib/project-order.js';
import { refused } from '../lib/refused.js';
import type { ReminderJobs } from '../notifications/queue.js';
import { cancelRemindersOf } from '../notifications/reminder-schedule.js';
import { inboxId } from './inbox.js';
import { type Observe, observed, unobserved } from './observed.js';
import { type ProjectRow, toProject } from './project-row.js';
import type { Transaction } from './restored-occurrence.js';
import { inTransaction } from './transaction.js';

const { projects, tasks } = schema;

type StoredProject = typeof projects.$inferSelect;

/** The versions a write may apply to (its If-Match); null: any. */
type Versions = readonly number[] | null;

/** A write's outcome: the project as written, null when there is no such project, or 'stale'. */
export type ProjectWriteResult = Project | null | 'stale';

// Counted in the statement that reads the projects; tasks_project_completed_idx answers it.
// Spelled out: drizzle leaves a selected column unqualified, and "id" inside the subquery
// would be the task's.
const openCount = sql<number>`(
  select count(*) from ${tasks} as open_task
  where open_task.project_id = ${projects}.id and not open_task.completed
)`.mapWith(Number);
const withOpenCount = { ...getTableColumns(projects), openCount };

const placedOf = (project: StoredProject): Placed => ({
  id: project.id,
  isInbox: project.isInbox,
  archived: project.archivedAt !== null,
});

/** Stands for the project a create is about to insert: identity ids start at 1. */
const NEW_PROJECT = 0;

const outOfRange = ({ first, last }: PlaceRange) =>
  refused(
    422,
    `position: must be from ${first} to ${last} (the Inbox stays at 0, and archived projects ` +
      'come after the active ones)',
  );

/** The unique index on lower(name) decides what a duplicate is, as PostgreSQL lower-cases. */
const refuseDuplicate =
  (name: string | undefined) =>
  (error: unknown): never => {
    if (name !== undefined && isUniqueViolation(error, 'projects_user_name_idx')) {
      throw refused(409, `A project named “${name}” already exists`);
    }
    throw error;
  };

/** What the Inbox refuses: it keeps its name, its place and stays active; its colour may change. */
function refuseInboxChange(inbox: StoredProject, name: string | undefined, body: PatchProjectBody) {
  if (name !== undefined && name !== inbox.name) {
    throw refused(409, 'The Inbox cannot be renamed');
  }
  if (body.archived) throw refused(409, 'The Inbox cannot be archived');
  if (body.position !== undefined && body.position !== 0) {
    throw refused(409, 'The Inbox stays first, at position 0');
  }
}

/**
 * Locks the user's projects for a write and reads them in their order. Every project write
 * locks the user's Inbox first, so concurrent writes take turns and each reads the order the
 * previous one left (a statement after the lock sees what committed before it). NO KEY UPDATE
 * leaves tasks free to be added to the Inbox meanwhile: their foreign key takes KEY SHARE.
 */
export async function lockProjects(tx: Transaction, userId: string): Promise<StoredProject[]> {
  const inbox = await inboxId(tx, userId);
  await tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.id, inbox))
    .for('no key update');
  return tx
    .select()
    .from(projects)
    .where(eq(projects.userId, userId))
    .orderBy(asc(projects.position), asc(projects.id));
}

/** Stores the positions `ids` give, changing only the rows that moved (except `skip`). */
async function renumber(
  tx: Transaction,
  userId: string,
  order: readonly StoredProject[],
  ids: readonly number[],
  skip: number,
) {
  const before = new Map(order.map((project) => [project.id, project.position]));
  const moved = ids.flatMap((id, position) =>
    id !== skip && before.get(id) !== position ? [sql`(${id}::int, ${position}::int)`] : [],
  );
  if (moved.length === 0) return;
  // Its position is part of what a project's ETag stands for, so each moved one gets a version.
  await tx
    .update(projects)
    .set({
      position: sql`moved.position`,
      version: sql`${projects.version} + 1`,
      updatedAt: sql`now()`,
    })
    .from(sql`(values ${sql.join(moved, sql`, `)}) as moved(id, position)`)
    .where(and(eq(projects.userId, userId), sql`${projects.id} = moved.id`));
}

/** What an import sets beyond the API's fields: where the project came from, whether archived. */
export interface ImportedProjectColumns {
  importKey?: string;
  archived?: boolean;
}

/**
 * Adds a project to the user's locked `order` (lockProjects) in the caller's transaction: the
 * most a user may have, its place (the end of the active ones, or of the archived ones), the
 * others renumbered. Answers the new row; `order` is left as it was. The one insert path of the
 * project routes and of an import; a duplicate name is a unique violation for the caller.
 */
export async function addProject(
  tx: Transaction,
  userId: string,
  order: readonly StoredProject[],
  body: CreateProjectBody,
  imported: ImportedProjectColumns = {},
): Promise<StoredProject> {
  if (order.length >= PROJECT_LIMITS.projectsMax) {
    throw refused(
      409,
      `There are ${PROJECT_LIMITS.projectsMax} projects already, the most one person can ` +
        'have (archived ones count): delete one to make room',
    );
  }
  const archived = imported.archived ?? false;
  const placed = placeProject(
    order.map(placedOf),
    { id: NEW_PROJECT, isInbox: false, archived },
    body.position,
  );
  if ('range' in placed) throw outOfRange(placed.range);
  const [row] = (await tx
    .insert(projects)
    .values({
      userId,
      name: body.name.trim(),
      color: body.color ?? 'grey',
      position: placed.ids.indexOf(NEW_PROJECT),
      ...(archived ? { archivedAt: sql`now()` } : {}),
      ...(imported.importKey ? { importKey: imported.importKey } : {}),
    })
    .returning()) as [StoredProject];
  await renumber(tx, userId, order, placed.ids, NEW_PROJECT);
  return row;
}

/** All project storage; every method is scoped to one user, so no query can reach another's rows. */
export function createProjectsRepository(
  db: Database,
  jobs: ReminderJobs,
  observe: Observe = unobserved,
) {
  const userProjects = (userId: string, ...where: SQL[]) =>
    and(eq(projects.userId, userId), ...where);

  /** Runs a write with the user's projects locked and read in their order (lockProjects). */
  const locked = <T>(
    userId: string,
    work: (tx: Transaction, order: StoredProject[]) => Promise<T>,
  ): Promise<T> => inTransaction(db, async (tx) => work(tx, await lockProjects(tx, userId)));

  const methods = {
    async list(userId: string, query: ListProjectsQuery): Promise<ProjectList> {
      const archived = query.archived ?? false;
      const read = () =>
        db
          .select(withOpenCount)
          .from(projects)
          .where(
            userProjects(
              userId,
              archived ? isNotNull(projects.archivedAt) : isNull(projects.archivedAt),
            ),
          )
          .orderBy(asc(projects.position), asc(projects.id));
      let rows: ProjectRow[] = await read();
      // A user who signed up after migration 0004 sees an Inbox from the first list on.
      if (!archived && !rows.some((row) => row.isInbox)) {
        await inboxId(db, userId);
        rows = await read();
      }
      return { items: rows.map(toProject) };
    },

    async get(userId: string, id: number): Promise<Project | null> {
      const [row] = await db
        .select(withOpenCount)
        .from(projects)
        .where(userProjects(userId, eq(projects.id, id)));
      return row ? toProject(row) : null;
    },

    create(userId: string, body: CreateProjectBody): Promise<Project> {
      const name = body.name.trim();
      return locked(userId, async (tx, order) => {
        const row = await addProject(tx, userId, order, body);
        return toProject({ ...row, openCount: 0 });
      }).catch(refuseDuplicate(name));
    },

    patch(
      userId: string,
      id: number,
      body: PatchProjectBody,
      versions: Versions = null,
    ): Promise<ProjectWriteResult> {
      const name = body.name?.trim();
      return locked(userId, async (tx, order) => {
        const current = order.find((project) => project.id === id);
        if (!current) return null;
        if (versions && !versions.includes(current.version)) return 'stale';
        if (current.isInbox) refuseInboxChange(current, name, body);
        const wasArchived = current.archivedAt !== null;
        const archived = body.archived ?? wasArchived;
        const placed = placeProject(
          order.map(placedOf),
          { ...placedOf(current), archived },
          body.position,
        );
        if ('range' in placed) throw outOfRange(placed.range);
        const [row] = await tx
          .update(projects)
          .set({
            ...(name === undefined ? {} : { name }),
            ...(body.color === undefined ? {} : { color: body.color }),
            ...(archived === wasArchived ? {} : { archivedAt: archived ? sql`now()` : null }),
            position: placed.ids.indexOf(id),
            version: current.version + 1,
            updatedAt: sql`now()`,
          })
          .where(userProjects(userId, eq(projects.id, id)))
          .returning(withOpenCount);
        await renumber(tx, userId, order, placed.ids, id);
        return row ? toProject(row) : null;
      }).catch(refuseDuplicate(name));
    },

    /**
     * Deletes a project with its tasks (the foreign key cascades), or first moves its tasks to
     * `moveTasksTo`, subtasks with their parents; answers the project as it was.
     */
    remove(
      userId: string,
      id: number,
      versions: Versions = null,
      moveTasksTo?: number,
    ): Promise<ProjectWriteResult> {
      return locked(userId, async (tx, order) => {
        const current = order.find((project) => project.id === id);
        if (!current) return null;
        if (versions && !versions.includes(current.version)) return 'stale';
        if (current.isInbox) {
          throw refused(409, 'The Inbox cannot be deleted; its tasks can be');
        }
        if (moveTasksTo !== undefined) {
          if (moveTasksTo === id || !order.some((project) => project.id === moveTasksTo)) {
            throw refused(422, 'move_tasks_to: must name another of your projects');
          }
          await tx
            .update(tasks)
            .set({
              projectId: moveTasksTo,
              version: sql`${tasks.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(and(eq(tasks.userId, userId), eq(tasks.projectId, id)));
        }
        // Its tasks go with it (the cascade): their reminders' jobs are cancelled first.
        await cancelRemindersOf(tx, jobs, and(eq(tasks.userId, userId), eq(tasks.projectId, id)));
        const [row] = await tx
          .delete(projects)
          .where(userProjects(userId, eq(projects.id, id)))
          .returning(withOpenCount);
        await renumber(tx, userId, order, withoutProject(order.map(placedOf), id), id);
        return row ? toProject(row) : null;
      });
    },
  };
  return observed(methods, observe);
}

export type ProjectsRepository = ReturnType<typeof createProjectsRepository>;
