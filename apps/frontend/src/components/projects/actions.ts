'use server';

import type { PatchProjectBody, Project, Task } from '@todo/contract';
import { refresh } from 'next/cache';
import { getSession } from '@/lib/auth/session';
import { type BackendClient, backendFor } from '@/lib/backend/client';
import type { BackendResult } from '@/lib/backend/result';
import { fieldErrorsFrom } from '@/lib/forms/field-errors';
import {
  type ProjectDraft,
  type ProjectDraftErrors,
  validateProjectDraft,
} from '@/lib/projects/draft';

/** What every project action answers: the dialog shows a failure, nothing is thrown at it. */
export type ProjectActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; reason: string; message: string; errors: ProjectDraftErrors };

const GONE = 'That project no longer exists. It may have been deleted elsewhere.';
const CHANGED = 'This project was changed elsewhere. Look again, then retry.';

function fromBackend<T>(
  result: BackendResult<T>,
  subject: 'project' | 'task',
): ProjectActionResult<T> {
  if (result.ok) return result;
  let message = result.message;
  if (subject === 'project' && result.reason === 'not-found') message = GONE;
  if (subject === 'project' && result.reason === 'conflict') message = CHANGED;
  const errors = fieldErrorsFrom<keyof ProjectDraft>(result.fieldErrors, {
    name: 'name',
    color: 'color',
  });
  return { ok: false, reason: result.reason, message, errors };
}

function refused(message: string, errors: ProjectDraftErrors = {}): ProjectActionResult<never> {
  return { ok: false, reason: 'invalid', message, errors };
}

function isId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

/**
 * Runs a call as the signed-in user, the session checked before anything else of the request
 * is read; on success (or a conflict, to show what won) the page re-renders with fresh data.
 */
async function asUser<T>(
  subject: 'project' | 'task',
  call: (client: BackendClient) => Promise<BackendResult<T> | ProjectActionResult<T>>,
): Promise<ProjectActionResult<T>> {
  const session = await getSession().catch(() => null);
  if (!session) {
    return {
      ok: false,
      reason: 'unauthorized',
      message: 'Your session has expired. Sign in again.',
      errors: {},
    };
  }
  const result = await call(backendFor(session.user.id));
  if (result.ok || result.reason === 'conflict') refresh();
  return 'errors' in result ? result : fromBackend(result, subject);
}

export async function createProjectAction(
  draft: ProjectDraft,
): Promise<ProjectActionResult<Project>> {
  return asUser('project', async (client) => {
    const checked = validateProjectDraft(draft);
    if (!checked.ok) return refused('Some fields need attention.', checked.errors);
    return client.createProject(checked.body);
  });
}

/** Renames or recolours a project as it was at `version`. */
export async function editProjectAction(
  id: number,
  version: number,
  draft: ProjectDraft,
): Promise<ProjectActionResult<Project>> {
  return asUser('project', async (client) => {
    if (!isId(id) || !isId(version)) return refused('That project cannot be changed.');
    const checked = validateProjectDraft(draft);
    if (!checked.ok) return refused('Some fields need attention.', checked.errors);
    return client.updateProject(id, checked.body, version);
  });
}

/** Moves a project to a place in the sidebar, or archives or unarchives it. */
export async function arrangeProjectAction(
  id: number,
  version: number,
  change: Pick<PatchProjectBody, 'position' | 'archived'>,
): Promise<ProjectActionResult<Project>> {
  return asUser('project', async (client) => {
    if (!isId(id) || !isId(version)) return refused('That project cannot be changed.');
    const body: PatchProjectBody = {};
    if (typeof change.archived === 'boolean') body.archived = change.archived;
    if (typeof change.position === 'number' && Number.isSafeInteger(change.position)) {
      body.position = change.position;
    }
    if (Object.keys(body).length === 0) return refused('Nothing to change.');
    return client.updateProject(id, body, version);
  });
}

/** Deletes a project with its tasks, or after moving them to `moveTasksTo`. */
export async function deleteProjectAction(
  id: number,
  version: number,
  moveTasksTo: number | null,
): Promise<ProjectActionResult<null>> {
  return asUser('project', async (client) => {
    if (!isId(id) || !isId(version) || (moveTasksTo !== null && !isId(moveTasksTo))) {
      return refused('That project cannot be deleted.');
    }
    if (moveTasksTo === id) return refused('Choose another project for its tasks.');
    return client.deleteProject(id, { version, ...(moveTasksTo ? { moveTasksTo } : {}) });
  });
}

/** Moves a task, as the list showed it (`version`), into another project. */
export async function moveTaskAction(
  id: number,
  version: number,
  projectId: number,
): Promise<ProjectActionResult<Task>> {
  return asUser('task', async (client) => {
    if (!isId(id) || !isId(version) || !isId(projectId))
      return refused('That task cannot be moved.');
    return client.updateTask(id, { project_id: projectId }, version);
  });
}
