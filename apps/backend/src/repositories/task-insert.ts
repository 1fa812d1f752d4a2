import type { ReminderInput, UpdateTaskBody } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { inArray } from 'drizzle-orm';
import type { ReminderJobs } from '../notifications/queue.js';
import {
  checkReminders,
  defaultReminders,
  insertReminders,
  syncReminders,
} from '../notifications/reminder-schedule.js';
import type { Transaction } from './restored-occurrence.js';
import { type Placement, type PlacementRequest, resolvePlacement } from './task-placement.js';
import { type CountedTaskRow, taskColumns } from './task-row.js';
import { replacementValues, type TaskValues } from './task-values.js';

const { tasks } = schema;

/** A task about to be inserted: its column values and its reminders, checked. */
export interface NewTask {
  body: UpdateTaskBody;
  /** Mutable: an import adds its import key (and a completion time) before inserting. */
  values: TaskValues;
  reminders: ReminderInput[];
}

/** A new task and where it goes, checked against the rules (resolvePlacement). */
export interface PlacedTask {
  task: NewTask;
  place: Placement;
}

/**
 * The values and reminders of a new task: absent fields take their defaults, a completed one is
 * completed now, and without reminders named a task with a due time gets the user's default
 * reminder. A bad rule, zone or reminder is refused (422) before anything is written.
 */
export async function newTask(
  runner: Database | Transaction,
  userId: string,
  body: UpdateTaskBody,
): Promise<NewTask> {
  const values = replacementValues(body);
  if (values.completed) values.completedAt = new Date();
  const dueAt = values.dueAt ?? null;
  const reminders = body.reminders ?? (await defaultReminders(runner, userId, dueAt));
  checkReminders(reminders, dueAt);
  return { body, values, reminders };
}

/** The project and parent a create or PUT names; what it leaves out takes its default. */
export const replacementPlacement = (body: UpdateTaskBody): PlacementRequest => ({
  projectId: body.project_id,
  parentId: body.parent_id ?? null,
});

const rowOf = (userId: string, { task, place }: PlacedTask) => ({
  ...task.values,
  userId,
  title: task.body.title,
  projectId: place.projectId,
  parentId: place.parentId,
});

/** Inserts one task without reminders in one statement (the create's common case). */
export async function insertRow(
  runner: Database | Transaction,
  userId: string,
  placed: PlacedTask,
): Promise<CountedTaskRow> {
  const [row] = await runner.insert(tasks).values(rowOf(userId, placed)).returning(taskColumns);
  if (!row) throw new Error('The insert returned no row');
  return row;
}

/**
 * Inserts placed tasks in the caller's transaction in one statement, writes their reminders and
 * queues their jobs; answers the rows in the order given. The one insert path of the task routes
 * (one task) and of an import (many): the placement must come from resolvePlacement, or be
 * known to follow its rules.
 */
export async function insertTasks(
  tx: Transaction,
  jobs: ReminderJobs,
  userId: string,
  batch: readonly PlacedTask[],
): Promise<CountedTaskRow[]> {
  if (batch.length === 0) return [];
  const rows = await tx
    .insert(tasks)
    .values(batch.map((placed) => rowOf(userId, placed)))
    .returning(taskColumns);
  // PostgreSQL returns the rows of an INSERT … VALUES in the order of the VALUES.
  const named = batch.flatMap(({ task }, index) => {
    const row = rows[index];
    return row && task.reminders.length > 0 ? [{ task: row, inputs: task.reminders }] : [];
  });
  if (named.length === 0) return rows;
  await insertReminders(tx, named);
  const ids = named.map(({ task }) => task.id);
  await syncReminders(tx, jobs, ids);
  const written = new Map(
    (await tx.select(taskColumns).from(tasks).where(inArray(tasks.id, ids))).map((row) => [
      row.id,
      row,
    ]),
  );
  return rows.map((row) => written.get(row.id) ?? row);
}

/**
 * Inserts a task in the caller's transaction, as creating one through the API does: its project
 * and parent checked against the rules, its reminders written and their jobs queued.
 */
export async function insertTask(
  tx: Transaction,
  jobs: ReminderJobs,
  userId: string,
  task: NewTask,
  inbox: () => Promise<number>,
): Promise<CountedTaskRow> {
  const place = await resolvePlacement(tx, userId, replacementPlacement(task.body), null, inbox);
  const [row] = await insertTasks(tx, jobs, userId, [{ task, place }]);
  if (!row) throw new Error('The insert returned no row');
  return row;
}
