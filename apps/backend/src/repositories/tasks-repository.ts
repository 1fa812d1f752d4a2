import type {
  CreateTaskBody,
  ListTasksQuery,
  PatchTaskBody,
  ReminderInput,
  TagCount,
  Task,
  UpdateTaskBody,
} from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import {
  copiedFields,
  PLANNER_NOT_NEEDED_WHEN,
  planCompletion,
  seriesAnchor,
} from '@todo/schedule';
import { and, asc, eq, inArray, isNotNull, isNull, notExists, or, sql } from 'drizzle-orm';
import type { ReminderJobs } from '../notifications/queue.js';
import {
  cancelRemindersOf,
  checkReminders,
  copyReminders,
  replaceReminders,
  syncReminders,
} from '../notifications/reminder-schedule.js';
import { createInboxCache } from './inbox-cache.js';
import { type Observe, observed, unobserved } from './observed.js';
import { quickAddBody } from './quick-add-body.js';
import { restoredOccurrence, type Transaction } from './restored-occurrence.js';
import { insertRow, insertTask, newTask, replacementPlacement } from './task-insert.js';
import { countTasks, listJson, taskJson } from './task-json.js';
import {
  type Existing,
  moveSubtasks,
  type PlacementRequest,
  resolvePlacement,
} from './task-placement.js';
import { type CountedTaskRow, type TaskRow, taskColumns, toTask } from './task-row.js';
import { patchValues, replacementValues, type TaskValues } from './task-values.js';
import { inTransaction } from './transaction.js';

const { tasks, reminders } = schema;

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
  /** Completing the task completes its open subtasks too. */
  withSubtasks?: boolean;
  /** The task's reminders as the write names them (replacing them all); left out: kept. */
  reminders?: ReminderInput[] | undefined;
}

const versionIn = (versions: Versions) =>
  versions ? inArray(tasks.version, [...versions]) : undefined;

/** The reminders with a queued job of task `id` and its subtasks. */
const queuedReminders = (userId: string, id: number) =>
  sql`(select 1 from ${reminders} join ${tasks} as family on family.id = ${reminders.taskId}
    where ${reminders.jobId} is not null and family.user_id = ${userId}
      and (family.id = ${id} or family.parent_id = ${id}))`;

/** A task with reminders: completing or un-completing it moves their jobs. */
const hasNoReminders = notExists(
  sql`(select 1 from ${reminders} where ${reminders.taskId} = ${tasks.id})`,
);

/**
 * The toggle's one-statement fast path: completing or un-completing creates no occurrence. The
 * planner's own list of conditions, so SQL and planner cannot disagree.
 */
const plannerNotNeeded = or(
  ...PLANNER_NOT_NEEDED_WHEN.map(({ column, is }) =>
    is === 'null'
      ? isNull(tasks[column])
      : is === 'true'
        ? eq(tasks[column], true)
        : isNotNull(tasks[column]),
  ),
);

/**
 * Writes `values` over the locked row `current`: the series' anchor and place follow the planner,
 * and completing a repeating task creates its next occurrence once, as the planner says, with
 * copies of the task's reminders. The reminders' jobs follow the task in the same transaction.
 */
async function writeTask(
  tx: Transaction,
  jobs: ReminderJobs,
  current: TaskRow,
  values: TaskValues,
  now: Date,
): Promise<CountedTaskRow | undefined> {
  const next = { ...current, ...values };
  const series = seriesAnchor(current, next);
  const update: TaskValues = {
    ...values,
    ...series,
    updatedAt: now,
    version: current.version + 1,
  };
  if (values.completed !== undefined && values.completed !== current.completed) {
    update.completedAt = values.completed ? now : null;
  }
  if (values.completed === true) {
    const plan = planCompletion({ ...next, ...series, completed: current.completed }, now);
    if (plan.create) {
      const occurrence = { userId: current.userId, ...copiedFields(next), ...plan.next };
      const restored = await restoredOccurrence(tx, current.id, occurrence, plan);
      const [created] = restored
        ? [restored]
        : await tx.insert(tasks).values(occurrence).returning({ id: tasks.id });
      update.nextOccurrenceId = created?.id ?? null;
      if (created && !restored && next.dueAt && plan.next.dueAt) {
        const shift = plan.next.dueAt.getTime() - next.dueAt.getTime();
        await copyReminders(tx, current.id, created.id, shift);
        await syncReminders(tx, jobs, [created.id], now);
      }
    }
  }
  const [row] = await tx
    .update(tasks)
    .set(update)
    .where(eq(tasks.id, current.id))
    .returning(taskColumns);
  // The answer lists the reminders: read again when their fire times changed with the write.
  if (!row || (await syncReminders(tx, jobs, [current.id], now)) === 0) return row;
  const [reread] = await tx.select(taskColumns).from(tasks).where(eq(tasks.id, current.id));
  return reread;
}

/**
 * Completes the open subtasks of `parentId` with it: in one statement those whose completion
 * creates nothing, one by one through the planner those that repeat.
 */
async function completeSubtasks(
  tx: Transaction,
  jobs: ReminderJobs,
  parentId: number,
  now: Date,
): Promise<void> {
  const open = and(eq(tasks.parentId, parentId), eq(tasks.completed, false));
  const completed = await tx
    .update(tasks)
    .set({ completed: true, completedAt: now, updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(and(open, plannerNotNeeded))
    .returning({ id: tasks.id });
  await syncReminders(
    tx,
    jobs,
    completed.map((subtask) => subtask.id),
    now,
  );
  const repeating = await tx.select().from(tasks).where(open).orderBy(asc(tasks.id)).for('update');
  for (const subtask of repeating) await writeTask(tx, jobs, subtask, { completed: true }, now);
}

/** All task storage; every method is scoped to one user, so no query can reach another's rows. */
export function createTasksRepository(
  db: Database,
  jobs: ReminderJobs,
  observe: Observe = unobserved,
) {
  const inbox = createInboxCache(db);

  /** Applies a change in one transaction with the row locked. */
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
      const { values, placement, withSubtasks, reminders: named } = changeFor(current);
      const now = new Date();
      if (named) {
        checkReminders(named, values.dueAt === undefined ? current.dueAt : values.dueAt);
        await replaceReminders(tx, jobs, current, named);
      }
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
      if (withSubtasks && values.completed === true && !current.completed) {
        await completeSubtasks(tx, jobs, id, now);
      }
      const row = await writeTask(tx, jobs, current, values, now);
      return row ? toTask(row) : null;
    });
  }

  const methods = {
    /** A page of the list, as the TaskList JSON text (task-json.ts). */
    list: (userId: string, query: ListTasksQuery): Promise<string> => listJson(db, userId, query),

    count: (userId: string, query: ListTasksQuery): Promise<number> =>
      countTasks(db, userId, query),

    /** One task as JSON text, with its version for the ETag; null when there is none. */
    getJson: (userId: string, id: number) => taskJson(db, userId, id),

    async get(userId: string, id: number): Promise<Task | null> {
      const [row] = await db
        .select(taskColumns)
        .from(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, userId)));
      return row ? toTask(row) : null;
    },

    async create(userId: string, created: CreateTaskBody): Promise<Task> {
      const body = 'text' in created ? await quickAddBody(db, userId, created) : created;
      const task = await newTask(db, userId, body);
      // The common case, a top-level task in the Inbox without reminders, is one statement.
      if (body.project_id === undefined && !body.parent_id && task.reminders.length === 0) {
        const place = { projectId: await inbox(userId), parentId: null };
        return toTask(await insertRow(db, userId, { task, place }));
      }
      return toTask(
        await inTransaction(db, (tx) => insertTask(tx, jobs, userId, task, () => inbox(userId))),
      );
    },

    replace: (userId: string, id: number, body: UpdateTaskBody, versions: Versions = null) =>
      change(userId, id, versions, (current) => ({
        values: replacementValues(body),
        reminders: body.reminders,
        placement: {
          request: replacementPlacement(body),
          existing: { id, projectId: undefined, parentId: current.parentId },
        },
      })),

    patch: (userId: string, id: number, body: PatchTaskBody, versions: Versions = null) =>
      change(userId, id, versions, (current) => ({
        values: patchValues(body),
        reminders: body.reminders,
        ...(body.project_id !== undefined || body.parent_id !== undefined
          ? {
              placement: {
                request: { projectId: body.project_id, parentId: body.parent_id },
                existing: current,
              },
            }
          : {}),
      })),

    /**
     * Toggles completion. With `withSubtasks`, completing the task completes its open subtasks in
     * the same transaction; un-completing never changes them.
     */
    async toggle(
      userId: string,
      id: number,
      versions: Versions = null,
      { withSubtasks = false } = {},
    ): Promise<WriteResult> {
      if (!withSubtasks) {
        // One statement unless completing a repeating task must create its next occurrence: the
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
              plannerNotNeeded,
              hasNoReminders,
            ),
          )
          .returning(taskColumns);
        if (row) return toTask(row);
      }
      // Missing, stale, a repeating task to complete, reminders to move, or subtasks too: the
      // transaction tells.
      return change(userId, id, versions, (current) => ({
        values: { completed: !current.completed },
        withSubtasks,
      }));
    },

    /**
     * Deletes a task and its subtasks (ON DELETE CASCADE) and cancels their reminders' jobs;
     * answers the task as it was.
     */
    async remove(userId: string, id: number, versions: Versions = null): Promise<WriteResult> {
      const matches = and(eq(tasks.id, id), eq(tasks.userId, userId), versionIn(versions));
      const family = and(eq(tasks.userId, userId), or(eq(tasks.id, id), eq(tasks.parentId, id)));
      // One statement when no queued job goes with it (a job that slips by finds its reminder
      // gone and sends nothing); otherwise the jobs are cancelled in the same transaction.
      const [quick] = await db
        .delete(tasks)
        .where(and(matches, notExists(queuedReminders(userId, id))))
        .returning(taskColumns);
      const deleted =
        quick ??
        (await inTransaction(db, async (tx) => {
          // Locked first, so the jobs cancelled are those of the reminders the cascade deletes.
          const [found] = await tx
            .select({ id: tasks.id })
            .from(tasks)
            .where(matches)
            .for('update');
          if (!found) return undefined;
          await cancelRemindersOf(tx, jobs, family);
          const [row] = await tx.delete(tasks).where(matches).returning(taskColumns);
          return row;
        }));
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
  return observed(methods, observe);
}

export type TasksRepository = ReturnType<typeof createTasksRepository>;
