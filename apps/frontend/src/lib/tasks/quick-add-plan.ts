// The quick-add parser and planner: chrono-node, the repeat rules and the draft checks. Pages load
// it on demand (quick-add-parser.ts), as it is the largest piece of their JavaScript.
import { normalizeTags, TASK_LIMITS } from '@todo/contract';
import {
  fromDateTimeLocal,
  parseQuickAdd,
  type QuickAddResult,
  toDateTimeLocal,
} from '@todo/schedule';
import { type DraftErrors, type TaskBody, type TaskDraft, validateDraft } from '@/lib/tasks/draft';
import { findProject, type ProjectRef, type QuickAddDefaults } from '@/lib/tasks/quick-add';
import { addReminder } from '@/lib/tasks/reminders';

export function parseLine(
  text: string,
  now: Date,
  timeZone: string,
  projects: readonly ProjectRef[],
): QuickAddResult {
  return parseQuickAdd(text, { now, timeZone, projects: projects.map((project) => project.name) });
}

/** The body quick add sends, and a project it must create first. */
export interface QuickAddPlan {
  body: TaskBody & { project_id?: number; parent_id?: number };
  /** A `#Name` the person does not have yet: created, then the task goes into it. */
  newProject: string | null;
}

const EMPTY_TITLE =
  'Add what the task is: the line has only a date, repeat, priority, project or tags.';

/** 23:59 today in the zone, as a date without a time is due (see docs/quick-add.md). */
function endOfToday(now: Date, timeZone: string): string | null {
  const today = toDateTimeLocal(now.toISOString(), timeZone).slice(0, 10);
  return fromDateTimeLocal(`${today}T23:59`, timeZone)?.toISOString() ?? null;
}

/**
 * Turns a quick-add line into the task's fields. What the line says wins over the "More options"
 * fields (`details`; their title is ignored), which win over the view's defaults. The same
 * function runs in the browser and again in the Server Action, which trusts no browser's parse.
 */
export function planQuickAdd(
  parsed: QuickAddResult,
  details: TaskDraft,
  context: {
    projects: readonly ProjectRef[];
    defaults: QuickAddDefaults;
    now: Date;
    parentId?: number;
  },
): { ok: true; plan: QuickAddPlan } | { ok: false; errors: DraftErrors } {
  if (!parsed.title) return { ok: false, errors: { title: EMPTY_TITLE } };
  const checked = validateDraft({ ...details, title: parsed.title });
  if (!checked.ok) return checked;
  const body: QuickAddPlan['body'] = { ...checked.body };
  if (parsed.priority) body.priority = parsed.priority;
  if (parsed.repeat) body.repeat = parsed.repeat;
  if (parsed.dueAt) body.due_at = parsed.dueAt;
  else if (!body.due_at && context.defaults.dueToday && !context.parentId) {
    body.due_at = endOfToday(context.now, body.time_zone);
  }
  const tags = normalizeTags([...body.tags, ...parsed.tags]);
  if (tags.length > TASK_LIMITS.tagsMax) {
    return { ok: false, errors: { tags: `A task can have at most ${TASK_LIMITS.tagsMax} tags.` } };
  }
  body.tags = tags;
  let newProject: string | null = null;
  if (parsed.project) {
    const known = findProject(context.projects, parsed.project);
    if (known) body.project_id = known.id;
    else newProject = parsed.project;
  } else if (context.defaults.projectId !== null && !context.parentId) {
    body.project_id = context.defaults.projectId;
  }
  if (context.parentId) body.parent_id = context.parentId;
  if (parsed.reminders.length > 0) {
    // The line's reminders join those chosen in "More options" (each once, up to the limit).
    let reminders = body.reminders ?? [];
    for (const reminder of parsed.reminders) reminders = addReminder(reminders, reminder).reminders;
    body.reminders = reminders;
  }
  return { ok: true, plan: { body, newProject } };
}
