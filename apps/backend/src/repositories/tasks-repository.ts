import type {
  CreateTaskBody,
  ListTasksQuery,
  PatchTaskBody,
  TagCount,
  Task,
  TaskList,
  UpdateTaskBody,
} from '@todo/contract';
import { DEFAULT_SORT_ORDER, TASK_LIMITS } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { nextDueAt, ruleOf } from '../lib/recurrence.js';
import { createInboxCache } from './inbox-cache.js';
import { restoredOccurrence, type Transaction } from './restored-occurrence.js';
import { filters, SORT_COLUMNS } from './task-filters.js';
import {
  type Existing,
  moveSubtasks,
  type PlacementRequest,
  resolvePlacement,
} from './task-placement.js';
import { type TaskRow, taskColumns, toTask } from './task-row.js';
import { patchValues, replacementValues, type TaskValues, unprocessable } from './task-values.js';
import { inTransaction } from './transaction.js';

const { tasks } = schema;

/**
 * The versions a write may apply to (the If-Match of the request); null: any. A task at another
 * version is left alone and the write answers 'stale'.
 */
export type Versions = readonly number[] | null;

/** A write's outcome: the task as written, null when there is no such task, or 'stale'. */
export type WriteResult = Task | null | 'stale';

/** What a write to an existing task does, worked out from the task as it is. */
interface Change {
  values: TaskValues;
  /** The project and parent asked for; left out when the write names neither. */
  placement?: { request: PlacementRequest; existing: Existing };
}

const versionIn = (versions: Versions) =>
  versions ? inArray(tasks.version, [...versions]) : undefined;

/** The project and parent a create or PUT names; what it leaves out takes its default. */
const replacementPlacement = (body: UpdateTaskBody): PlacementRequest => ({
  projectId: body.project_id,
  parentId: body.parent_id ?? null,
});

/** All task storage; every method is scoped to one user, so no query can reach another's rows. */
export function createTasksRepository(db: Database) {
  const inbox = createInboxCache(db);

  /**
   * Applies changes in one transaction with the row locked. Completing a recurring task stamps
   * completed_at and creates its next occurrence once (next_occurrence_id guards re-completion).
   */
  function change(
    userId: string,
    id: number,
    versions: Versions,
    changeFor: (current: TaskRow) => Change,
  ): Promise<WriteResult> {
    return inTransaction(db, async (tx) => {
      const [current] = await tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
        .for('update');
      if (!current) return null;
      if (versions && !versions.includes(current.version)) return 'stale';
      const { values, placement } = changeFor(current);
      const now = new Date();
      if (placement) {
        const place = await resolvePlacement(
          tx,
          userId,
          placement.request,
          placement.existing,
          () => inbox(userId),
        );
        Object.assign(values, place);
        if (place.projectId !== current.projectId) {
          await moveSubtasks(tx, id, place.projectId, now);
        }
      }
      const update: TaskValues = { ...values, updatedAt: now, version: current.version + 1 };
      if (values.completed !== undefined && values.completed !== current.completed) {
        update.completedAt = values.completed ? now : null;
      }
      const rrule = values.rrule === undefined ? current.rrule : values.rrule;
      const rule = ruleOf(rrule);
      const dueAt = values.dueAt === undefined ? current.dueAt : values.dueAt;
      // A new due date or rule starts a new series, anchored on that date.
      const dueChanged = (dueAt?.getTime() ?? null) !== (current.dueAt?.getTime() ?? null);
      const anchor =
        dueChanged || rrule !== current.rrule ? dueAt : (current.recurrenceAnchorAt ?? dueAt);
      update.recurrenceAnchorAt = rrule === null ? null : anchor;
      // The next occurrence is the first step of the series after both now and this due date.
      const after = dueAt && dueAt > now ? dueAt : now;
      const nextDue =
        values.completed === true && !current.completed && rule && !current.nextOccurrenceId
          ? nextDueAt(anchor, rule, after)
          : null;
      // A series whose next date would pass the year 9999 ends: PostgreSQL can't be sent that date.
      if (nextDue && nextDue.getUTCFullYear() <= 9999) {
        const occurrence = {
          userId,
          title: values.title ?? current.title,
          description: values.description === undefined ? current.description : values.description,
          priority: values.priority ?? current.priority,
          tags: values.tags ?? current.tags,
          projectId: values.projectId ?? current.projectId,
          parentId: values.parentId === undefined ? current.parentId : values.parentId,
          rrule,
          repeatFrom: values.repeatFrom ?? current.repeatFrom,
          timeZone: values.timeZone ?? current.timeZone,
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
        .returning(taskColumns);
      return row ? toTask(row) : null;
    });
  }

  return {
    async list(userId: string, query: ListTasksQuery): Promise<TaskList> {
      const limit = query.limit ?? TASK_LIMITS.pageDefault;
      const offset = query.offset ?? 0;
      const sort = query.sort ?? 'created';
      const direction = (query.order ?? DEFAULT_SORT_ORDER[sort]) === 'asc' ? asc : desc;
      const rows = await db
        .select({ ...taskColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
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
        items: rows.map(toTask),
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
        .select(taskColumns)
        .from(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId)));
      return row ? toTask(row) : null;
    },

    async create(userId: string, body: CreateTaskBody): Promise<Task> {
      if ('text' in body) throw unprocessable('Quick add (text) is not available yet');
      const values = replacementValues(body);
      if (values.completed) values.completedAt = new Date();
      const insert = async (runner: Database | Transaction, projectId: number) => {
        const [row] = await runner
          .insert(tasks)
          .values({ ...values, userId, title: body.title, projectId })
          .returning(taskColumns);
        if (!row) throw new Error('The insert returned no row');
        return toTask(row);
      };
      // The common case, a top-level task in the Inbox, is one statement.
      if (body.project_id === undefined && !body.parent_id) {
        return insert(db, await inbox(userId));
      }
      return inTransaction(db, async (tx) => {
        const place = await resolvePlacement(tx, userId, replacementPlacement(body), null, () =>
          inbox(userId),
        );
        values.parentId = place.parentId;
        return insert(tx, place.projectId);
      });
    },

    replace: (userId: string, id: number, body: UpdateTaskBody, versions: Versions = null) =>
      change(userId, id, versions, (current) => ({
        values: replacementValues(body),
        placement: {
          request: replacementPlacement(body),
          existing: { id, projectId: undefined, parentId: current.parentId },
        },
      })),

    patch: (userId: string, id: number, body: PatchTaskBody, versions: Versions = null) =>
      change(userId, id, versions, (current) => ({
        values: patchValues(body),
        ...(body.project_id !== undefined || body.parent_id !== undefined
          ? {
              placement: {
                request: { projectId: body.project_id, parentId: body.parent_id },
                existing: current,
              },
            }
          : {}),
      })),

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
            or(isNull(tasks.rrule), eq(tasks.completed, true), isNotNull(tasks.nextOccurrenceId)),
          ),
        )
        .returning(taskColumns);
      if (row) return toTask(row);
      // Missing, stale, or a recurring task to complete: the transaction tells which.
      return change(userId, id, versions, (current) => ({
        values: { completed: !current.completed },
      }));
    },

    /** Deletes a task and its subtasks (ON DELETE CASCADE); answers the task as it was. */
    async remove(userId: string, id: number, versions: Versions = null): Promise<WriteResult> {
      const [deleted] = await db
        .delete(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId), versionIn(versions)))
        .returning(taskColumns);
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
