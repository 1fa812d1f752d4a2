import type { ReminderInput, UpdateTaskBody } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { eq } from 'drizzle-orm';
import type { ReminderJobs } from '../notifications/queue.js';
import {
  checkReminders,
  defaultReminders,
  replaceReminders,
  syncReminders,
} from '../notifications/reminder-schedule.js';
import type { Transaction } from './restored-occurrence.js';
import { type PlacementRequest, resolvePlacement } from './task-placement.js';
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

/** Inserts the row as it is (its project already decided). */
export async function insertRow(
  runner: Database | Transaction,
  userId: string,
  task: NewTask,
  projectId: number,
): Promise<CountedTaskRow> {
  const [row] = await runner
    .insert(tasks)
    .values({ ...task.values, userId, title: task.body.title, projectId })
    .returning(taskColumns);
  if (!row) throw new Error('The insert returned no row');
  return row;
}

/**
 * Inserts a task in the caller's transaction, as creating one through the API does: its project
 * and parent checked against the rules, its reminders written and their jobs queued. The one
 * insert path of the task routes and of an import.
 */
export async function insertTask(
  tx: Transaction,
  jobs: ReminderJobs,
  userId: string,
  task: NewTask,
  inbox: () => Promise<number>,
): Promise<CountedTaskRow> {
  const place = await resolvePlacement(tx, userId, replacementPlacement(task.body), null, inbox);
  task.values.parentId = place.parentId;
  const row = await insertRow(tx, userId, task, place.projectId);
  if (task.reminders.length === 0) return row;
  await replaceReminders(tx, jobs, row, task.reminders);
  await syncReminders(tx, jobs, [row.id]);
  const [written] = await tx.select(taskColumns).from(tasks).where(eq(tasks.id, row.id));
  return written ?? row;
}
