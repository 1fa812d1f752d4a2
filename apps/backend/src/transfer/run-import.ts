import type { ImportItem, ImportSummary } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, eq, inArray } from 'drizzle-orm';
import type { ReminderJobs } from '../notifications/queue.js';
import { defaultReminders } from '../notifications/reminder-schedule.js';
import { addProject, lockProjects } from '../repositories/projects-repository.js';
import type { Transaction } from '../repositories/restored-occurrence.js';
import {
  insertTasks,
  type NewTask,
  newTask,
  type PlacedTask,
} from '../repositories/task-insert.js';
import { type Placement, resolvePlacement } from '../repositories/task-placement.js';
import { inTransaction } from '../repositories/transaction.js';
import type { ImportPlan, PlannedTask } from './import-plan.js';

const { tasks } = schema;

// Rows per INSERT: a few hundred keep each statement well under its parameter limit and timeout.
const BATCH = 250;

/** Ends a dry run's transaction: it rolls back, and its summary is the answer. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * The tasks this user already has under these keys: key → id. Those imported before, and for
 * the user's own JSON export (`json:<this user>:<id>`) the tasks it was written from, so
 * importing your own export back adds only what was deleted since.
 */
async function importedTasks(tx: Transaction, userId: string, keys: string[]) {
  const found = new Map<string, number>();
  const ownPrefix = `json:${userId}:`;
  const ownIds = keys.flatMap((key) =>
    key.startsWith(ownPrefix) ? [Number(key.slice(ownPrefix.length))] : [],
  );
  const validIds = ownIds.filter((id) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647);
  for (let start = 0; start < validIds.length; start += 1000) {
    const rows = await tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.userId, userId), inArray(tasks.id, validIds.slice(start, start + 1000))));
    for (const row of rows) found.set(`${ownPrefix}${row.id}`, row.id);
  }
  // Chunks keep each statement's parameter list small (at most 5,000 keys per file).
  for (let start = 0; start < keys.length; start += 1000) {
    const rows = await tx
      .select({ id: tasks.id, key: tasks.importKey })
      .from(tasks)
      .where(
        and(eq(tasks.userId, userId), inArray(tasks.importKey, keys.slice(start, start + 1000))),
      );
    for (const row of rows) if (row.key) found.set(row.key, row.id);
  }
  return found;
}

/**
 * Writes the plan in the caller's transaction through the repositories' own insert paths. The
 * user's projects are locked first, as every project write does: two imports of one file take
 * turns, and the second finds the first one's keys and adds nothing. A project of the same name
 * (ignoring case) is the same project. Top-level tasks first, so every subtask finds its parent.
 */
async function applyPlan(
  tx: Transaction,
  jobs: ReminderJobs,
  userId: string,
  plan: ImportPlan,
  dryRun: boolean,
): Promise<ImportSummary> {
  let order = await lockProjects(tx, userId);
  const inboxRow = order.find((project) => project.isInbox);
  if (!inboxRow) throw new Error('lockProjects found no Inbox');
  const inbox = async () => inboxRow.id;
  const summary: ImportSummary = {
    dry_run: dryRun,
    created: { projects: 0, tasks: 0, subtasks: 0 },
    skipped: 0,
    items: [],
    warnings: plan.warnings,
  };
  const item = (entry: ImportItem) => {
    summary.items.push(entry);
    if (entry.action === 'skip') summary.skipped++;
  };

  const projectOf = new Map<string, { id: number; name: string }>();
  for (const planned of plan.projects) {
    if (planned.isInbox) {
      projectOf.set(planned.key, { id: inboxRow.id, name: inboxRow.name });
      continue;
    }
    const found =
      order.find((project) => project.importKey === planned.key) ??
      order.find((project) => project.name.toLowerCase() === planned.name.trim().toLowerCase());
    if (!found) {
      const row = await addProject(
        tx,
        userId,
        order,
        { name: planned.name, ...(planned.color ? { color: planned.color } : {}) },
        { importKey: planned.key, archived: planned.archived },
      );
      order = await lockProjects(tx, userId);
      summary.created.projects++;
      projectOf.set(planned.key, { id: row.id, name: row.name });
    } else projectOf.set(planned.key, { id: found.id, name: found.name });
    item({
      line: planned.line,
      kind: 'project',
      title: planned.name,
      project: planned.name,
      action: found ? 'skip' : 'create',
    });
  }

  const taskIds = await importedTasks(
    tx,
    userId,
    plan.tasks.map((task) => task.key),
  );
  const defaults = await defaultReminders(tx, userId, new Date());
  /** A planned task as the API's create would store it, under its import key. */
  const prepare = async (planned: PlannedTask): Promise<NewTask> => {
    const named = planned.body.reminders ?? (planned.body.due_at ? defaults : []);
    const task = await newTask(tx, userId, { ...planned.body, reminders: named });
    task.values.importKey = planned.key;
    if (planned.completedAt && task.values.completed) {
      task.values.completedAt = new Date(planned.completedAt);
    }
    return task;
  };
  // Where each task of the file is: its project's id and name (a subtask's are its parent's).
  const placeOf = new Map<string, { projectId: number; project: string; existing: boolean }>();
  const taskItems = new Map<PlannedTask, ImportItem>();
  const fresh: { planned: PlannedTask; placed: PlacedTask }[] = [];
  const insertFresh = async () => {
    for (let start = 0; start < fresh.length; start += BATCH) {
      const chunk = fresh.slice(start, start + BATCH);
      const rows = await insertTasks(
        tx,
        jobs,
        userId,
        chunk.map((entry) => entry.placed),
      );
      chunk.forEach(({ planned }, index) => {
        const row = rows[index];
        if (row?.importKey !== planned.key)
          throw new Error('The inserted rows came back out of order');
        taskIds.set(planned.key, row.id);
      });
    }
    fresh.length = 0;
  };

  // Top-level tasks first, so that every subtask finds its parent's id.
  for (const subtasks of [false, true]) {
    for (const planned of plan.tasks) {
      if ((planned.parentKey !== null) !== subtasks) continue;
      const existing = taskIds.get(planned.key);
      let place: Placement;
      let project: string;
      const parent = planned.parentKey ? placeOf.get(planned.parentKey) : undefined;
      if (planned.parentKey === null) {
        const own = projectOf.get(planned.projectKey ?? '');
        place = { projectId: own?.id ?? inboxRow.id, parentId: null };
        project = own?.name ?? inboxRow.name;
      } else if (parent && !parent.existing) {
        // A parent this import creates: top-level by construction, in a project of this user.
        place = { projectId: parent.projectId, parentId: taskIds.get(planned.parentKey) ?? null };
        project = parent.project;
      } else {
        // A parent imported before: the rules of any create decide (it may have moved or changed).
        const parentId = taskIds.get(planned.parentKey) ?? null;
        place =
          existing === undefined
            ? await resolvePlacement(tx, userId, { parentId }, null, inbox)
            : { projectId: inboxRow.id, parentId };
        project = parent?.project ?? inboxRow.name;
      }
      placeOf.set(planned.key, {
        projectId: place.projectId,
        project,
        existing: existing !== undefined,
      });
      taskItems.set(planned, {
        line: planned.line,
        kind: subtasks ? 'subtask' : 'task',
        title: planned.body.title,
        project,
        action: existing === undefined ? 'create' : 'skip',
      });
      if (existing !== undefined) continue;
      fresh.push({ planned, placed: { task: await prepare(planned), place } });
      summary.created[subtasks ? 'subtasks' : 'tasks']++;
    }
    await insertFresh();
  }
  // Listed in the file's order, not in the order of insertion.
  for (const planned of plan.tasks) {
    const entry = taskItems.get(planned);
    if (entry) item(entry);
  }
  return summary;
}

/**
 * Imports the plan in ONE transaction: all of it, or nothing when anything fails. A dry run does
 * exactly the same and rolls back, so the preview cannot disagree with the import it previews.
 */
export async function runImport(
  db: Database,
  jobs: ReminderJobs,
  userId: string,
  plan: ImportPlan,
  dryRun: boolean,
): Promise<ImportSummary> {
  try {
    return await inTransaction(db, async (tx) => {
      const summary = await applyPlan(tx, jobs, userId, plan, dryRun);
      if (dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}
