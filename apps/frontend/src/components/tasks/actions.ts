'use server';

import { CreateTaskBody, type Project, TASK_LIMITS, type Task } from '@todo/contract';
import { canonicalTimeZone } from '@todo/schedule';
import { refresh } from 'next/cache';
import Value from 'typebox/value';
import { getSession } from '@/lib/auth/session';
import { type BackendClient, backendFor } from '@/lib/backend/client';
import { type BackendFailure, type BackendResult, failure } from '@/lib/backend/result';
import { fieldErrorsFrom } from '@/lib/forms/field-errors';
import { type DraftErrors, draftChanges, type TaskDraft } from '@/lib/tasks/draft';
import type { QuickAddDefaults } from '@/lib/tasks/quick-add';
import { parseLine, planQuickAdd } from '@/lib/tasks/quick-add-plan';
import { reminderInputs } from '@/lib/tasks/reminders';
import type { RowTask } from '@/lib/tasks/row-task';
import { isTaskDraft } from '@/lib/tasks/sent-draft';

/** What every task action answers: the form shows a failure, nothing is thrown at it. */
export type TaskActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      reason: string;
      message: string;
      errors: DraftErrors;
      /** On a conflict: the task as it is now, changed elsewhere, with its version. */
      latest?: Task;
    };

const DRAFT_FIELDS: Record<string, keyof TaskDraft> = {
  title: 'title',
  description: 'description',
  priority: 'priority',
  tags: 'tags',
  due_at: 'due',
  time_zone: 'due',
  repeat: 'repeat',
  recurrence: 'repeat',
  // Where the task goes comes from the quick-add line, so its problems show under it.
  project_id: 'title',
  parent_id: 'title',
  name: 'title',
};

/** A backend answer, and on a conflict the task as it is now. */
type Outcome<T> = BackendResult<T> | (BackendFailure & { latest: Task });

function fromBackend<T>(result: Outcome<T>): TaskActionResult<T> {
  if (result.ok) return result;
  return {
    ok: false,
    reason: result.reason,
    message: result.message,
    errors: fieldErrorsFrom(result.fieldErrors, DRAFT_FIELDS),
    ...('latest' in result ? { latest: result.latest } : {}),
  };
}

/**
 * Runs a call as the signed-in user; on success the page re-renders with fresh data. The session
 * is checked before the call reads anything else of the request (the draft, its time zone), so a
 * stranger costs one session lookup and nothing more.
 */
async function asUser<T>(
  call: (client: BackendClient) => Promise<Outcome<T> | TaskActionResult<T>>,
): Promise<TaskActionResult<T>> {
  const session = await getSession().catch(() => null);
  if (!session) {
    return fromBackend(failure('unauthorized', 'Your session has expired. Sign in again.'));
  }
  const result = await call(backendFor(session.user.id));
  // After a conflict too: the list then shows the version that won.
  if (result.ok || result.reason === 'conflict') refresh();
  return 'errors' in result ? result : fromBackend(result);
}

function invalid(errors: DraftErrors): TaskActionResult<never> {
  return { ok: false, reason: 'invalid', message: 'Some fields need attention.', errors };
}

function isId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

/** A quick-add line, the "More options" fields, the view's defaults and, for a subtask, its parent. */
export interface QuickAddRequest {
  text: string;
  details: TaskDraft;
  defaults: QuickAddDefaults;
  parentId?: number;
}

export interface QuickAddOutcome {
  task: Task;
  /** The project the line named and quick add created for it. */
  project: Project | null;
}

/**
 * Adds a task from a quick-add line. The line is parsed again here, in the draft's zone and
 * against the person's projects as the backend has them: the browser's preview is not trusted.
 * A `#Name` that is not a project yet creates it first.
 */
export async function quickAddAction(
  request: QuickAddRequest,
): Promise<TaskActionResult<QuickAddOutcome>> {
  return asUser(async (client) => {
    const { text, details, defaults, parentId } = request ?? {};
    if (typeof text !== 'string' || !isTaskDraft(details)) return invalid({});
    if (text.length > TASK_LIMITS.quickAddMax) {
      return invalid({ title: `Keep the line to ${TASK_LIMITS.quickAddMax} characters.` });
    }
    const zone = canonicalTimeZone(details.timeZone);
    if (!zone)
      return invalid({ due: 'Your time zone is not one this app knows. Reload the page.' });
    const projects = await client.listProjects();
    if (!projects.ok) return projects;
    const refs = projects.data.items.map(({ id, name }) => ({ id, name }));
    const now = new Date();
    const planned = planQuickAdd(parseLine(text, now, zone, refs), details, {
      projects: refs,
      defaults: {
        projectId: isId(defaults?.projectId) ? defaults.projectId : null,
        dueToday: defaults?.dueToday === true,
      },
      now,
      ...(isId(parentId) ? { parentId } : {}),
    });
    if (!planned.ok) return invalid(planned.errors);
    const { body, newProject } = planned.plan;
    let project: Project | null = null;
    if (newProject) {
      const created = await client.createProject({ name: newProject });
      if (!created.ok) return created;
      project = created.data;
      body.project_id = project.id;
    }
    const task = await client.createTask(body);
    return task.ok ? { ok: true, data: { task: task.data, project } } : task;
  });
}

/** An edit: the draft the editor was opened with, from the task at `version`, and the result. */
export interface TaskEdit {
  version: number;
  base: TaskDraft;
  draft: TaskDraft;
}

/**
 * Saves the fields the edit changes, only if the task is still at the version the editor was
 * opened with. When it is not (changed in another tab), answers a conflict with the task as it
 * is now, so the person can choose.
 */
export async function updateTaskAction(
  id: number,
  edit: TaskEdit,
): Promise<TaskActionResult<Task>> {
  return asUser(async (client) => {
    if (!isId(id) || !isId(edit?.version) || !isTaskDraft(edit.base) || !isTaskDraft(edit.draft)) {
      return invalid({});
    }
    const checked = draftChanges(edit.base, edit.draft);
    if (!checked.ok) return invalid(checked.errors);
    if (Object.keys(checked.changes).length === 0) return client.getTask(id);
    const saved = await client.updateTask(id, checked.changes, edit.version);
    if (saved.ok || saved.reason !== 'conflict') return saved;
    const latest = await client.getTask(id);
    return latest.ok ? { ...saved, latest: latest.data } : saved;
  });
}

export interface ToggleOutcome {
  task: Task;
  /** The occurrence a completed recurring task created, with its due date. */
  next: Task | null;
}

/** Completes or reopens a task; `completeSubtasks` completes a parent's open subtasks too. */
export async function toggleTaskAction(
  id: number,
  completeSubtasks = false,
): Promise<TaskActionResult<ToggleOutcome>> {
  return asUser(async (client) => {
    if (!isId(id)) return invalid({});
    const toggled = await client.toggleComplete(
      id,
      completeSubtasks === true ? { subtasks: 'complete' } : {},
    );
    if (!toggled.ok) return toggled;
    const nextId = toggled.data.completed ? toggled.data.next_occurrence_id : null;
    const next = nextId ? await client.getTask(nextId) : null;
    return { ok: true, data: { task: toggled.data, next: next?.ok ? next.data : null } };
  });
}

/** Deletes the task as the list showed it (`version`); changed elsewhere since, it is kept. */
export async function deleteTaskAction(
  id: number,
  version: number,
): Promise<TaskActionResult<null>> {
  return asUser(async (client) =>
    isId(id) && isId(version) ? client.deleteTask(id, version) : invalid({}),
  );
}

function restoredBody(task: RowTask, parentId?: number): CreateTaskBody {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    due_at: task.due_at,
    ...(task.repeat ? { repeat: { rrule: task.repeat.rrule, from: task.repeat.from } } : {}),
    time_zone: task.time_zone,
    reminders: reminderInputs(task.reminders),
    project_id: task.project_id,
    ...(parentId ? { parent_id: parentId } : {}),
    completed: task.completed,
  };
}

/**
 * Undo of a delete: creates the task again from the snapshot the list still had (a subtask under
 * its parent), then its subtasks (deleted with it) under the new task's id.
 */
export async function restoreTaskAction(
  task: RowTask,
  subtasks: RowTask[] = [],
): Promise<TaskActionResult<Task>> {
  return asUser(async (client) => {
    const bodies = [task, ...subtasks].map((each) => restoredBody(each));
    if (!Array.isArray(subtasks) || !bodies.every((body) => Value.Check(CreateTaskBody, body))) {
      return invalid({});
    }
    // A subtask comes back under its parent; if the parent has gone meanwhile, at the top level.
    let parent = await client.createTask(restoredBody(task, task.parent_id ?? undefined));
    if (!parent.ok && parent.reason === 'invalid' && task.parent_id) {
      parent = await client.createTask(restoredBody(task));
    }
    if (!parent.ok) return parent;
    for (const subtask of subtasks) {
      const restored = await client.createTask(restoredBody(subtask, parent.data.id));
      if (!restored.ok) return restored;
    }
    return parent;
  });
}
