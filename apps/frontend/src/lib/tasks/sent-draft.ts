import { ReminderInput } from '@todo/contract';
import Value from 'typebox/value';
import type { TaskDraft } from '@/lib/tasks/draft';
import { isRepeatDraft } from '@/lib/tasks/repeat-draft';

// Shape checks of what a browser sent to a Server Action. They use TypeBox's checker, which the
// forms do not need: kept apart from the drafts' module so the browser's JavaScript stays
// without it (docs/benchmarks.md, "JavaScript per route").

/**
 * Whether a value sent by a browser has a draft's shape, so the checks that follow can read it:
 * a Server Action's arguments are whatever the request says.
 */
export function isTaskDraft(value: unknown): value is TaskDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<keyof TaskDraft, unknown>;
  return (
    ['title', 'description', 'priority', 'due', 'timeZone'].every(
      (key) => typeof draft[key as keyof TaskDraft] === 'string',
    ) &&
    Array.isArray(draft.tags) &&
    draft.tags.every((tag) => typeof tag === 'string') &&
    (draft.repeat === null || isRepeatDraft(draft.repeat)) &&
    (draft.reminders === null || isReminderList(draft.reminders))
  );
}

/** Whether a browser sent a list of reminders in the contract's shape. */
export function isReminderList(value: unknown): value is ReminderInput[] {
  return Array.isArray(value) && value.every((each) => Value.Check(ReminderInput, each));
}
