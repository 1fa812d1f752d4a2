import { schema } from '@todo/db/client';
import { and, eq, sql } from 'drizzle-orm';
import { refused } from '../lib/refused.js';
import type { Transaction } from './restored-occurrence.js';

const { projects, tasks } = schema;

/** Where a task goes: its project and, for a subtask, its parent. */
export interface Placement {
  projectId: number;
  parentId: number | null;
}

/** What a write asks for; undefined: not named (PATCH), or the default still to decide. */
export interface PlacementRequest {
  projectId?: number | undefined;
  parentId?: number | null | undefined;
}

/**
 * The task being changed (null for a new one). A PUT leaves projectId undefined: it replaces the
 * task, so a project it does not name is the default one.
 */
export interface Existing {
  id: number;
  projectId: number | undefined;
  parentId: number | null;
}

// One answer for a project that does not exist and another user's: existence is never revealed.
const NO_SUCH_PROJECT = 'No such project';
const NO_SUCH_PARENT = 'parent_id: no such task';

async function ownProject(tx: Transaction, userId: string, projectId: number): Promise<void> {
  const [row] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.userId, userId)));
  if (!row) throw refused(422, NO_SUCH_PROJECT);
}

/**
 * The parent named. A new parent is locked FOR SHARE until the transaction ends: a concurrent
 * write that would make it a subtask waits, then sees this task under it, so no second level
 * can appear. The parent a subtask already has is only read (locking it would wait behind a
 * transaction that holds it and then locks its subtasks: a deadlock).
 */
async function parentOf(tx: Transaction, userId: string, parentId: number, isNew: boolean) {
  const query = tx
    .select({ id: tasks.id, projectId: tasks.projectId, parentId: tasks.parentId })
    .from(tasks)
    .where(and(eq(tasks.id, parentId), eq(tasks.userId, userId)));
  const [parent] = await (isNew ? query.for('share') : query);
  if (!parent) throw refused(422, NO_SUCH_PARENT);
  if (parent.parentId !== null) {
    throw refused(422, 'parent_id: that task is a subtask, and subtasks have none (one level)');
  }
  return parent;
}

async function hasSubtasks(tx: Transaction, id: number): Promise<boolean> {
  const [row] = await tx.execute<{ found: boolean }>(
    sql`select exists (select 1 from ${tasks} where ${tasks.parentId} = ${id}) as found`,
  );
  return row?.found ?? false;
}

/**
 * Checks a task's project and parent against the rules (the user's own project; a parent that is
 * the user's top-level task in the same project; one level) and answers where the task goes. A
 * subtask named with only its parent takes the parent's project. Otherwise a project left out
 * is the Inbox for a new or replaced (PUT) task, and stays as it was for a PATCH.
 */
export async function resolvePlacement(
  tx: Transaction,
  userId: string,
  request: PlacementRequest,
  existing: Existing | null,
  inbox: () => Promise<number>,
): Promise<Placement> {
  const parentId = request.parentId === undefined ? (existing?.parentId ?? null) : request.parentId;
  if (request.projectId !== undefined && request.projectId !== existing?.projectId) {
    await ownProject(tx, userId, request.projectId);
  }
  if (parentId === null) {
    const projectId = request.projectId ?? existing?.projectId ?? (await inbox());
    return { projectId, parentId };
  }
  if (existing && parentId === existing.id) {
    throw refused(422, 'parent_id: a task cannot be its own parent');
  }
  const isNewParent = existing?.parentId !== parentId;
  const parent = await parentOf(tx, userId, parentId, isNewParent);
  const projectId = request.projectId ?? parent.projectId;
  if (projectId !== parent.projectId) {
    throw refused(
      422,
      request.parentId === undefined
        ? 'project_id: a subtask stays in its parent’s project (move the parent, or send parent_id null)'
        : 'project_id: a subtask must be in its parent’s project (leave project_id out to follow it)',
    );
  }
  if (existing && isNewParent && (await hasSubtasks(tx, existing.id))) {
    throw refused(422, 'parent_id: this task has subtasks, so it cannot become one (one level)');
  }
  return { projectId, parentId };
}

/** Moves a parent's subtasks into its new project with it. */
export async function moveSubtasks(
  tx: Transaction,
  parentId: number,
  projectId: number,
  now: Date,
): Promise<void> {
  await tx
    .update(tasks)
    .set({ projectId, updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.parentId, parentId), sql`${tasks.projectId} <> ${projectId}`));
}
