import type { RepeatFrom } from '@todo/contract';
import { storedRule } from './api-fields.js';
import { wallTime } from './calendar.js';
import { afterCompletion, firstOnSchedule } from './occurrences.js';
import type { RepeatRule } from './rule.js';

/**
 * The one place that decides what completing a repeating task does. The repository hands it the
 * task as stored (column names as in the Drizzle schema) and writes what it answers; nothing
 * about repeats is decided anywhere else.
 */
export interface PlannerTask {
  /** Canonical RRULE value; null: the task does not repeat. */
  rrule: string | null;
  repeatFrom: RepeatFrom;
  /** IANA zone the dates are counted in. */
  timeZone: string;
  dueAt: Date | null;
  /** The series' first due date (see seriesAnchor). */
  recurrenceAnchorAt: Date | null;
  /** This task's place in its series, 1 first. */
  occurrence: number;
  /** Whether the task was already completed before this completion. */
  completed: boolean;
  nextOccurrenceId: number | null;
}

/**
 * Completing a task needs the planner unless one of these holds. Listed as data so the toggle's
 * one-statement SQL fast path tests exactly these columns, as `or(...)` of `is null`, `is true`
 * and `is not null`; needsPlanner and planCompletion read the same list.
 */
export const PLANNER_NOT_NEEDED_WHEN = [
  { column: 'rrule', is: 'null', reason: 'no-repeat' },
  { column: 'completed', is: 'true', reason: 'already-completed' },
  { column: 'nextOccurrenceId', is: 'not null', reason: 'already-planned' },
] as const satisfies readonly {
  column: keyof PlannerTask;
  is: 'null' | 'true' | 'not null';
  reason: string;
}[];

type PlannerColumn = (typeof PLANNER_NOT_NEEDED_WHEN)[number]['column'];

/** The first condition of PLANNER_NOT_NEEDED_WHEN the task meets, if any. */
function plannerNotNeeded(task: Pick<PlannerTask, PlannerColumn>) {
  return PLANNER_NOT_NEEDED_WHEN.find(({ column, is }) => {
    const value = task[column];
    return is === 'null' ? value === null : is === 'true' ? value === true : value !== null;
  });
}

/** Whether completing this task may create a next occurrence (the opposite of the fast path). */
export function needsPlanner(task: Pick<PlannerTask, PlannerColumn>): boolean {
  return plannerNotNeeded(task) === undefined;
}

/**
 * What the next occurrence takes from the completed task (Drizzle column names), besides the
 * owner and what the plan sets: its due date, anchor and occurrence number.
 */
export const COPIED_FIELDS = [
  'title',
  'description',
  'priority',
  'tags',
  'projectId',
  'parentId',
  'rrule',
  'repeatFrom',
  'timeZone',
] as const;

export type CopiedField = (typeof COPIED_FIELDS)[number];

/** The copied fields of a task, for the next occurrence's insert. */
export function copiedFields<T extends Record<CopiedField, unknown>>(
  task: T,
): Pick<T, CopiedField> {
  return Object.fromEntries(COPIED_FIELDS.map((field) => [field, task[field]])) as Pick<
    T,
    CopiedField
  >;
}

export interface NextOccurrence {
  dueAt: Date;
  recurrenceAnchorAt: Date | null;
  occurrence: number;
}

export type CompletionPlan =
  | {
      create: false;
      reason:
        | 'no-repeat'
        | 'already-completed'
        | 'already-planned'
        | 'invalid-rule'
        | 'series-ended';
    }
  | {
      create: true;
      next: NextOccurrence;
      /** The next date lies after this instant: the completion, or a later due date. */
      after: Date;
      /** Fixed schedule: the next date follows from the anchor, not from this completion. */
      fixedSchedule: boolean;
    };

/** PostgreSQL takes no date after the year 9999 from us, so a series that reaches it ends. */
const LAST_YEAR = 9999;

/**
 * Decides whether completing `task` at `completedAt` creates a next occurrence, and its dates.
 * From the due date: the first date of the rule, counted from the anchor, after both the
 * completion and the current due date (an overdue task does not spawn an already-late copy).
 * From the completion: interval units after the completion's date, at the due time of day. No
 * due date: one interval after the completion. COUNT counts the series' tasks, so dates an
 * overdue completion skips do not use it up; UNTIL and the year 9999 end it by date.
 */
export function planCompletion(task: PlannerTask, completedAt: Date): CompletionPlan {
  const skipped = plannerNotNeeded(task);
  if (skipped) return { create: false, reason: skipped.reason };
  const rule = storedRule(task);
  if (!rule) return { create: false, reason: 'invalid-rule' };
  const { dueAt, after, fixedSchedule } = nextDate(rule, task, completedAt);
  const anchor = task.recurrenceAnchorAt ?? task.dueAt;
  const occurrence = task.occurrence + 1;
  const ended =
    (rule.count !== null && occurrence > rule.count) ||
    (rule.until !== null && dueAt > rule.until) ||
    dueAt.getUTCFullYear() > LAST_YEAR;
  if (ended) return { create: false, reason: 'series-ended' };
  return {
    create: true,
    next: { dueAt, recurrenceAnchorAt: anchor, occurrence },
    after,
    fixedSchedule,
  };
}

function nextDate(rule: RepeatRule, task: PlannerTask, completedAt: Date) {
  const due = task.dueAt;
  if (rule.from === 'due' && due !== null) {
    const anchor = task.recurrenceAnchorAt ?? due;
    const after = due > completedAt ? due : completedAt;
    const dueAt = firstOnSchedule(rule, anchor, task.timeZone, after);
    return { dueAt, after, fixedSchedule: true };
  }
  const time = wallTime(due ?? completedAt, task.timeZone);
  const dueAt = afterCompletion(rule, completedAt, time, task.timeZone);
  return { dueAt, after: completedAt, fixedSchedule: false };
}
