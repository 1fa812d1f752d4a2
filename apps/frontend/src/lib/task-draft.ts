import {
  type CreateTaskBody,
  PRIORITIES,
  type Priority,
  RECURRENCES,
  type Recurrence,
  TASK_LIMITS,
  type Task,
} from '@todo/contract';
import type { FieldErrors } from './field-errors';
import { normaliseTag } from './task-filters';
import { fromDateTimeLocal, toDateTimeLocal } from './zoned-time';

/** What the add/edit form holds: strings as typed, the due date as a datetime-local value. */
export interface TaskDraft {
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  /** `YYYY-MM-DDTHH:mm` in the user's zone, or '' for no due date. */
  due: string;
  recurrence: Recurrence;
}

export type DraftErrors = FieldErrors<keyof TaskDraft>;

export const EMPTY_DRAFT: TaskDraft = {
  title: '',
  description: '',
  priority: 'medium',
  tags: [],
  due: '',
  recurrence: 'none',
};

export function draftFromTask(task: Task, timeZone: string): TaskDraft {
  return {
    title: task.title,
    description: task.description ?? '',
    priority: task.priority,
    tags: task.tags,
    due: task.due_at ? toDateTimeLocal(task.due_at, timeZone) : '',
    recurrence: task.recurrence,
  };
}

/** Adds a typed tag to a list: trimmed, lower-case, no duplicates, within the limits. */
export function addTag(tags: string[], typed: string): { tags: string[]; error?: string } {
  const tag = normaliseTag(typed);
  if (!tag) return { tags };
  if (tag.length > TASK_LIMITS.tagMax) {
    return { tags, error: `Keep tags to ${TASK_LIMITS.tagMax} characters.` };
  }
  if (tags.includes(tag)) return { tags };
  if (tags.length >= TASK_LIMITS.tagsMax) {
    return { tags, error: `A task can have at most ${TASK_LIMITS.tagsMax} tags.` };
  }
  return { tags: [...tags, tag] };
}

/**
 * Checks a draft and turns it into the backend's body. The same function runs in the browser
 * (instant messages) and in the Server Action (the browser is not trusted).
 */
export function validateDraft(
  draft: TaskDraft,
  timeZone: string,
):
  | { ok: true; body: Required<Omit<CreateTaskBody, 'completed'>> }
  | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'Give the task a title.';
  else if (title.length > TASK_LIMITS.titleMax) {
    errors.title = `Keep the title to ${TASK_LIMITS.titleMax} characters (it has ${title.length}).`;
  }
  const description = draft.description.trim();
  if (description.length > TASK_LIMITS.descriptionMax) {
    errors.description = `Keep the description to ${TASK_LIMITS.descriptionMax} characters (it has ${description.length}).`;
  }
  if (!PRIORITIES.includes(draft.priority)) errors.priority = 'Choose low, medium or high.';
  if (!RECURRENCES.includes(draft.recurrence)) errors.recurrence = 'Choose how the task repeats.';
  const tags = draft.tags.map(normaliseTag).filter((tag) => tag.length > 0);
  if (tags.length > TASK_LIMITS.tagsMax) {
    errors.tags = `A task can have at most ${TASK_LIMITS.tagsMax} tags.`;
  } else if (tags.some((tag) => tag.length > TASK_LIMITS.tagMax)) {
    errors.tags = `Keep tags to ${TASK_LIMITS.tagMax} characters.`;
  }
  let dueAt: string | null = null;
  if (draft.due) {
    const instant = fromDateTimeLocal(draft.due, timeZone);
    if (instant) dueAt = instant.toISOString();
    else errors.due = 'Enter a valid date and time.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title,
      description: description || null,
      priority: draft.priority,
      tags: [...new Set(tags)],
      due_at: dueAt,
      recurrence: draft.recurrence,
    },
  };
}
