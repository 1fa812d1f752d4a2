import type { ImportItem, ImportSummary } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { and, eq, inArray } from 'drizzle-orm';
import type { ReminderJobs } from '../notifications/queue.js';
import { addProject, lockProjects } from '../repositories/projects-repository.js';
import type { Transaction } from '../repositories/restored-occurrence.js';
import { insertTask, newTask } from '../repositories/task-insert.js';
import { inTransaction } from '../repositories/transaction.js';
import type { ImportPlan, PlannedTask } from './import-plan.js';

const { tasks } = schema;

/** Ends a dry run's transaction: it rolls back, and its summary is the answer. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/** The tasks this user already imported under these keys: key → id. */
async function importedTasks(tx: Transaction, userId: string, keys: string[]) {
  const found = new Map<string, number>();
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
  const ordered = [
    ...plan.tasks.filter((task) => task.parentKey === null),
    ...plan.tasks.filter((task) => task.parentKey !== null),
  ];
  const projectNameOf = new Map<string, string>();
  const taskItems = new Map<PlannedTask, ImportItem>();
  for (const planned of ordered) {
    const project = planned.parentKey
      ? (projectNameOf.get(planned.parentKey) ?? inboxRow.name)
      : (projectOf.get(planned.projectKey ?? '')?.name ?? inboxRow.name);
    projectNameOf.set(planned.key, project);
    const existing = taskIds.get(planned.key);
    if (existing === undefined) taskIds.set(planned.key, await insertPlanned(planned));
    taskItems.set(planned, {
      line: planned.line,
      kind: planned.parentKey ? 'subtask' : 'task',
      title: planned.body.title,
      project,
      action: existing === undefined ? 'create' : 'skip',
    });
    if (existing === undefined) summary.created[planned.parentKey ? 'subtasks' : 'tasks']++;
  }
  // Listed in the file's order, not in the order of insertion.
  for (const planned of plan.tasks) {
    const entry = taskItems.get(planned);
    if (entry) item(entry);
  }
  return summary;

  async function insertPlanned(planned: PlannedTask): Promise<number> {
    const parentId = planned.parentKey ? taskIds.get(planned.parentKey) : undefined;
    const projectId = planned.projectKey ? projectOf.get(planned.projectKey)?.id : undefined;
    const task = await newTask(tx, userId, {
      ...planned.body,
      ...(parentId !== undefined
        ? { parent_id: parentId }
        : projectId !== undefined
          ? { project_id: projectId }
          : {}),
    });
    task.values.importKey = planned.key;
    if (planned.completedAt && task.values.completed) {
      task.values.completedAt = new Date(planned.completedAt);
    }
    const row = await insertTask(tx, jobs, userId, task, inbox);
    return row.id;
  }
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
