import type { CompletionPlan, PlannerTask } from './planner.js';

type SeriesFields = Pick<PlannerTask, 'rrule' | 'timeZone' | 'dueAt'>;
type SeriesState = Pick<PlannerTask, 'recurrenceAnchorAt' | 'occurrence'>;

/**
 * The series a task belongs to after a write that may change its rule, zone or due date. A new
 * rule starts a new series: anchored on the new due date, counted from 1. A new due date or zone
 * re-anchors the series on that date (a series moved to the 15th stays on the 15th) but keeps
 * its count, so moving one occurrence of a five-times rule does not grant five more.
 */
export function seriesAnchor(current: SeriesFields & SeriesState, next: SeriesFields): SeriesState {
  if (next.rrule === null) return { recurrenceAnchorAt: null, occurrence: 1 };
  if (next.rrule !== current.rrule) return { recurrenceAnchorAt: next.dueAt, occurrence: 1 };
  const moved =
    next.timeZone !== current.timeZone ||
    (next.dueAt?.getTime() ?? null) !== (current.dueAt?.getTime() ?? null);
  return {
    recurrenceAnchorAt: moved ? next.dueAt : (current.recurrenceAnchorAt ?? next.dueAt),
    occurrence: current.occurrence,
  };
}

/**
 * Whether a pending task of the same series, due at `due`, already is the occurrence the plan
 * would create. Deleting an occurrence unlinks it and an undo restores it as a new task, so
 * completing the task before it again must find it rather than add a twin. A fixed schedule
 * has fixed dates, so only the planned date itself is; a series counted from completions may
 * have counted from an earlier one, so any date after `after` up to the planned one is.
 */
export function isNextOccurrence(
  due: Date,
  plan: Extract<CompletionPlan, { create: true }>,
): boolean {
  return plan.fixedSchedule
    ? due.getTime() === plan.next.dueAt.getTime()
    : due > plan.after && due <= plan.next.dueAt;
}
