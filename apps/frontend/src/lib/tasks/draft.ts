import type { ReminderInput, RepeatRuleFields } from '@todo/contract';
import {
  normalizeTags,
  type PatchTaskBody,
  PRIORITIES,
  type Priority,
  TASK_LIMITS,
  type UpdateTaskBody,
} from '@todo/contract';
import { canonicalTimeZone, fromDateTimeLocal, toDateTimeLocal } from '@todo/schedule';
import type { FieldErrors } from '@/lib/forms/field-errors';
import { reminderInputs, sameReminders } from '@/lib/tasks/reminders';
import {
  type RepeatDraft,
  type RepeatErrors,
  repeatDraftFromTask,
  sameRepeat,
  validateRepeat,
} from '@/lib/tasks/repeat-draft';
import type { RowTask } from '@/lib/tasks/row-task';

/** What the add/edit form holds: strings as typed, the due date as a datetime-local value. */
export interface TaskDraft {
  title: string;
  description: string;
  priority: Priority;
  tags: string[];
  /** `YYYY-MM-DDTHH:mm` in `timeZone`, or '' for no due date. */
  due: string;
  /** The repeat rule as the editor holds it; null: the task does not repeat. */
  repeat: RepeatDraft | null;
  /** The task's reminders; null: not chosen, so a new task with a due time gets the default. */
  reminders: ReminderInput[] | null;
  /**
   * The zone the form was rendered in, which `due` is wall time in. It travels with the draft:
   * read from the tz cookie at save time instead, a zone changed meanwhile (another tab, a trip)
   * shifted the due date.
   */
  timeZone: string;
}

export type DraftErrors = FieldErrors<keyof TaskDraft> & RepeatErrors;

/**
 * The body validateDraft makes: every field of a task a person edits, the rule as structured
 * fields, and the zone the due date and rule were written in.
 */
export type TaskBody = Required<
  Pick<UpdateTaskBody, 'title' | 'description' | 'priority' | 'tags' | 'due_at' | 'time_zone'>
> & { repeat: RepeatRuleFields | null; reminders?: ReminderInput[] };

export function emptyDraft(timeZone: string): TaskDraft {
  return {
    title: '',
    description: '',
    priority: 'medium',
    tags: [],
    due: '',
    repeat: null,
    reminders: null,
    timeZone,
  };
}

export function draftFromTask(task: RowTask, timeZone: string): TaskDraft {
  return {
    title: task.title,
    description: task.description ?? '',
    priority: task.priority,
    tags: task.tags,
    due: task.due_at ? toDateTimeLocal(task.due_at, timeZone) : '',
    repeat: repeatDraftFromTask(task, timeZone),
    reminders: reminderInputs(task.reminders),
    timeZone,
  };
}

/** Adds a typed tag to a list: trimmed, lower-case, no duplicates, within the limits. */
export function addTag(tags: string[], typed: string): { tags: string[]; error?: string } {
  const [tag] = normalizeTags([typed]);
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
): { ok: true; body: TaskBody } | { ok: false; errors: DraftErrors } {
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
  const tags = normalizeTags(draft.tags);
  if (tags.length > TASK_LIMITS.tagsMax) {
    errors.tags = `A task can have at most ${TASK_LIMITS.tagsMax} tags.`;
  } else if (tags.some((tag) => tag.length > TASK_LIMITS.tagMax)) {
    errors.tags = `Keep tags to ${TASK_LIMITS.tagMax} characters.`;
  }
  const zone = canonicalTimeZone(typeof draft.timeZone === 'string' ? draft.timeZone : '');
  let dueAt: string | null = null;
  if (draft.due) {
    const instant = zone ? fromDateTimeLocal(draft.due, zone) : null;
    if (instant) dueAt = instant.toISOString();
    else errors.due = 'Enter a valid date and time.';
  }
  const repeat = validateRepeat(draft.repeat, zone ?? 'UTC', dueAt);
  if (!repeat.ok) Object.assign(errors, repeat.errors);
  if (!repeat.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      title,
      description: description || null,
      priority: draft.priority,
      tags,
      due_at: dueAt,
      repeat: repeat.fields,
      time_zone: zone ?? 'UTC',
      ...(draft.reminders ? { reminders: draft.reminders } : {}),
    },
  };
}

const sameTags = (a: string[], b: string[]) =>
  a.length === b.length && a.every((tag, index) => tag === b[index]);

/**
 * The fields `edited` changes from `base`: what a save sends, so that a field the person did not
 * touch is not written back (a due time with seconds set through the API keeps them, and a
 * change made elsewhere to another field survives).
 */
export function changedFields(base: TaskBody, edited: TaskBody): PatchTaskBody {
  const changes: PatchTaskBody = {};
  if (edited.title !== base.title) changes.title = edited.title;
  if (edited.description !== base.description) changes.description = edited.description;
  if (edited.priority !== base.priority) changes.priority = edited.priority;
  if (!sameTags(edited.tags, base.tags)) changes.tags = edited.tags;
  if (edited.due_at !== base.due_at) changes.due_at = edited.due_at;
  if (!sameRepeat(edited.repeat, base.repeat)) changes.repeat = edited.repeat;
  if (edited.reminders && !sameReminders(edited.reminders, base.reminders ?? [])) {
    changes.reminders = edited.reminders;
  }
  // The due time and the rule are wall time in the zone they were written in: a new one of
  // either moves the task to the editor's zone, and nothing else does.
  if ('due_at' in changes || 'repeat' in changes) changes.time_zone = edited.time_zone;
  return changes;
}

/**
 * Validates an edited draft and names what it changes from the draft the editor was opened
 * with. Runs in the browser (to skip a save that changes nothing) and in the Server Action.
 */
export function draftChanges(
  base: TaskDraft,
  edited: TaskDraft,
): { ok: true; changes: PatchTaskBody } | { ok: false; errors: DraftErrors } {
  const checked = validateDraft(edited);
  if (!checked.ok) return checked;
  const before = validateDraft(base);
  // A base that does not validate (a task stored by another client) cannot be compared with.
  return { ok: true, changes: before.ok ? changedFields(before.body, checked.body) : checked.body };
}
