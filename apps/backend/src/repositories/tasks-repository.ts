import type {
  CreateTaskBody,
  ListTasksQuery,
  PatchTaskBody,
  SortField,
  TagCount,
  Task,
  TaskList,
} from '@todo/contract';
import { TASK_LIMITS } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isConnectionLost } from '../lib/database-errors.js';
import { nextDueAt } from '../lib/recurrence.js';
import { normalizeTags } from '../lib/tags.js';
import { restoredOccurrence, type Transaction } from './restored-occurrence.js';
import { type TaskRow, toTask } from './task-row.js';

const { tasks } = schema;

type TaskValues = Partial<typeof tasks.$inferInsert>;

/**
 * The versions a write may apply to (the If-Match of the request); null: any. A task at another
 * version is left alone and the write answers 'stale'.
 */
export type Versions = readonly number[] | null;

/** A write's outcome: the task as written, null when there is no such task, or 'stale'. */
export type WriteResult = Task | null | 'stale';

const versionIn = (versions: Versions) =>
  versions ? inArray(tasks.version, [...versions]) : undefined;

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

const SORT_COLUMNS: Record<SortField, SQL | AnyPgColumn> = {
  created: tasks.createdAt,
  due: tasks.dueAt,
  priority: tasks.priority,
  title: sql`lower(${tasks.title})`,
};
const DEFAULT_ORDER: Record<SortField, 'asc' | 'desc'> = {
  created: 'desc',
  due: 'asc',
  priority: 'desc',
  title: 'asc',
};

function filters(userId: string, query: ListTasksQuery): SQL[] {
  const where: SQL[] = [eq(tasks.userId, userId)];
  if (query.status === 'pending') where.push(eq(tasks.completed, false));
  if (query.status === 'completed') where.push(eq(tasks.completed, true));
  if (query.priority?.length) where.push(inArray(tasks.priority, query.priority));
  if (query.tag?.length) {
    where.push(arrayContains(tasks.tags, normalizeTags(query.tag)));
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    const match = or(ilike(tasks.title, pattern), ilike(tasks.description, pattern));
    if (match) where.push(match);
  }
  if (query.due_before) where.push(lt(tasks.dueAt, new Date(query.due_before)));
  if (query.due_after) where.push(gte(tasks.dueAt, new Date(query.due_after)));
  if (query.overdue) where.push(eq(tasks.completed, false), lt(tasks.dueAt, sql`now()`));
  if (query.has_due === true) where.push(isNotNull(tasks.dueAt));
  if (query.has_due === false) where.push(isNull(tasks.dueAt));
  return where;
}

/** Column values for a create or a full replacement (PUT): absent fields take their defaults. */
function replacementValues(body: CreateTaskBody): TaskValues {
  return {
    title: body.title,
    description: body.description ?? null,
    priority: body.priority ?? 'medium',
    tags: normalizeTags(body.tags ?? []),
    dueAt: body.due_at ? new Date(body.due_at) : null,
    recurrence: body.recurrence ?? 'none',
    completed: body.completed ?? false,
  };
}

/** Column values for a partial update (PATCH): only the fields named. */
function patchValues(body: PatchTaskBody): TaskValues {
  const values: TaskValues = {};
  if (body.title !== undefined) values.title = body.title;
  if (body.description !== undefined) values.description = body.description;
  if (body.priority !== undefined) values.priority = body.priority;
  if (body.tags !== undefined) values.tags = normalizeTags(body.tags);
  if (body.due_at !== undefined) values.dueAt = body.due_at ? new Date(body.due_at) : null;
  if (body.recurrence !== undefined) values.recurrence = body.recurrence;
  if (body.completed !== undefined) values.completed = body.completed;
  return values;
}

/**
 * postgres.js answers a failed transaction with ROLLBACK on the same connection; when that
 * connection is gone, the write throws outside any promise and kills the process
 * (porsager/postgres#1208). PostgreSQL has rolled back already, and db.transaction rejects by
 * itself when the connection closes: so the callback stays unsettled and sends nothing more.
 */
function holdIfConnectionLost<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (isConnectionLost(error)) return new Promise<never>(() => {});
    throw error;
  });
}

/** All task storage; every method is scoped to one user, so no query can reach another's rows. */
export function createTasksRepository(db: Database) {
  /**
   * Applies changes in one transaction with the row locked. Completing a recurring task stamps
   * completed_at and creates its next occurrence once (next_occurrence_id guards re-completion).
   */
  async function change(
    userId: string,
    id: number,
    versions: Versions,
    valuesFor: (current: TaskRow) => TaskValues,
  ): Promise<WriteResult> {
    return db.transaction((tx) => holdIfConnectionLost(changeIn(tx)));

    async function changeIn(tx: Transaction) {
      const [current] = await tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
        .for('update');
      if (!current) return null;
      if (versions && !versions.includes(current.version)) return 'stale';
      const values = valuesFor(current);
      const now = new Date();
      const update: TaskValues = { ...values, updatedAt: now, version: current.version + 1 };
      if (values.completed !== undefined && values.completed !== current.completed) {
        update.completedAt = values.completed ? now : null;
      }
      const recurrence = values.recurrence ?? current.recurrence;
      const dueAt = values.dueAt === undefined ? current.dueAt : values.dueAt;
      // A new due date or rule starts a new series, anchored on that date.
      const dueChanged = (dueAt?.getTime() ?? null) !== (current.dueAt?.getTime() ?? null);
      const anchor =
        dueChanged || recurrence !== current.recurrence
          ? dueAt
          : (current.recurrenceAnchorAt ?? dueAt);
      update.recurrenceAnchorAt = recurrence === 'none' ? null : anchor;
      // The next occurrence is the first step of the series after both now and this due date.
      const after = dueAt && dueAt > now ? dueAt : now;
      const nextDue =
        values.completed === true &&
        !current.completed &&
        recurrence !== 'none' &&
        !current.nextOccurrenceId
          ? nextDueAt(anchor, recurrence, after)
          : null;
      // A series whose next date would pass the year 9999 ends: PostgreSQL can't be sent that date.
      if (nextDue && nextDue.getUTCFullYear() <= 9999) {
        const occurrence = {
          userId,
          title: values.title ?? current.title,
          description: values.description === undefined ? current.description : values.description,
          priority: values.priority ?? current.priority,
          tags: values.tags ?? current.tags,
          recurrence,
          dueAt: nextDue,
          recurrenceAnchorAt: anchor,
        };
        const restored = await restoredOccurrence(tx, id, occurrence, after);
        const [next] = restored
          ? [restored]
          : await tx.insert(tasks).values(occurrence).returning({ id: tasks.id });
        update.nextOccurrenceId = next?.id ?? null;
      }
      const [row] = await tx
        .update(tasks)
        .set(update)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
        .returning();
      return row ? toTask(row) : null;
    }
  }

  return {
    async list(userId: string, query: ListTasksQuery): Promise<TaskList> {
      const limit = query.limit ?? TASK_LIMITS.pageDefault;
      const offset = query.offset ?? 0;
      const sort = query.sort ?? 'created';
      const direction = (query.order ?? DEFAULT_ORDER[sort]) === 'asc' ? asc : desc;
      const rows = await db
        .select({ task: tasks, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(tasks)
        .where(and(...filters(userId, query)))
        .orderBy(
          // Tasks without a due date come last whichever way due dates are sorted.
          ...(sort === 'due' ? [sql`${tasks.dueAt} is null`] : []),
          direction(SORT_COLUMNS[sort]),
          direction(tasks.id),
        )
        .limit(limit)
        .offset(offset);
      const total = rows[0]?.total ?? (offset > 0 ? await this.count(userId, query) : 0);
      return {
        items: rows.map((row) => toTask(row.task)),
        total,
        limit,
        offset,
        next_offset: offset + rows.length < total ? offset + rows.length : null,
      };
    },

    async count(userId: string, query: ListTasksQuery): Promise<number> {
      const [row] = await db
        .select({ total: sql<number>`count(*)`.mapWith(Number) })
        .from(tasks)
        .where(and(...filters(userId, query)));
      return row?.total ?? 0;
    },

    async get(userId: string, id: number): Promise<Task | null> {
      const [row] = await db
        .select()
        .from(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId)));
      return row ? toTask(row) : null;
    },

    async create(userId: string, body: CreateTaskBody): Promise<Task> {
      const values = replacementValues(body);
      if (values.completed) values.completedAt = new Date();
      const [row] = (await db
        .insert(tasks)
        .values({ ...values, userId, title: body.title })
        .returning()) as [TaskRow];
      return toTask(row);
    },

    replace: (userId: string, id: number, body: CreateTaskBody, versions: Versions = null) =>
      change(userId, id, versions, () => replacementValues(body)),

    patch: (userId: string, id: number, body: PatchTaskBody, versions: Versions = null) =>
      change(userId, id, versions, () => patchValues(body)),

    async toggle(userId: string, id: number, versions: Versions = null): Promise<WriteResult> {
      // One statement unless completing a recurring task must create its next occurrence: the
      // transaction holds a pooled connection for four round trips (docs/benchmarks.md).
      const now = new Date();
      const [row] = await db
        .update(tasks)
        .set({
          completed: sql`not ${tasks.completed}`,
          completedAt: sql`case when ${tasks.completed} then null else ${now.toISOString()}::timestamptz end`,
          updatedAt: now,
          version: sql`${tasks.version} + 1`,
        })
        .where(
          and(
            eq(tasks.id, id),
            eq(tasks.userId, userId),
            versionIn(versions),
            or(
              eq(tasks.recurrence, 'none'),
              eq(tasks.completed, true),
              isNotNull(tasks.nextOccurrenceId),
            ),
          ),
        )
        .returning();
      if (row) return toTask(row);
      // Missing, stale, or a recurring task to complete: the transaction tells which.
      return change(userId, id, versions, (current) => ({ completed: !current.completed }));
    },

    /** Deletes a task; answers the task as it was. */
    async remove(userId: string, id: number, versions: Versions = null): Promise<WriteResult> {
      const [deleted] = await db
        .delete(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId), versionIn(versions)))
        .returning();
      if (deleted) return toTask(deleted);
      return versions && (await this.get(userId, id)) ? 'stale' : null;
    },

    async tags(userId: string): Promise<TagCount[]> {
      const rows = await db.execute<{ tag: string; count: number }>(sql`
        select tag, count(*)::int as count
        from ${tasks}, unnest(${tasks.tags}) as tag
        where ${tasks.userId} = ${userId}
        group by tag
        order by count desc, tag asc`);
      return rows.map((row) => ({ tag: row.tag, count: row.count }));
    },
  };
}

export type TasksRepository = ReturnType<typeof createTasksRepository>;
