import { expect } from 'vitest';
import { type PlannerTask, parseRRule, planCompletion, type RepeatRule } from '../../src/index.js';

export const at = (iso: string) => new Date(iso);

/** A pending task of a new series: occurrence 1, anchored on its due date, in UTC unless said. */
export function plannerTask(
  fields: Partial<PlannerTask> & Pick<PlannerTask, 'rrule'>,
): PlannerTask {
  return {
    repeatFrom: 'due',
    timeZone: 'UTC',
    dueAt: null,
    recurrenceAnchorAt: null,
    occurrence: 1,
    completed: false,
    nextOccurrenceId: null,
    ...fields,
  };
}

/** A new series due at `due` in `timeZone`. */
export const task = (
  rrule: string,
  due: string,
  timeZone = 'UTC',
  repeatFrom: 'due' | 'completion' = 'due',
) => plannerTask({ rrule, dueAt: at(due), timeZone, repeatFrom });

/** Each occurrence completed an hour before it is due. */
export const onTime = (due: Date) => new Date(due.getTime() - 3_600_000);

/** The next due date (ISO) completing the task at `completedAt` plans, or the reason there is none. */
export function nextDue(task: PlannerTask, completedAt: string): string {
  const plan = planCompletion(task, at(completedAt));
  return plan.create ? plan.next.dueAt.toISOString() : plan.reason;
}

/** Completes each occurrence in turn at `completedAt(due)`: the series' due dates, the first included. */
export function series(first: PlannerTask, completedAt: (due: Date) => Date, limit = 20): string[] {
  const dues: string[] = [];
  let task: PlannerTask | null = first;
  while (task?.dueAt && dues.length < limit) {
    dues.push(task.dueAt.toISOString());
    const plan = planCompletion(task, completedAt(task.dueAt));
    task = plan.create ? { ...task, ...plan.next } : null;
  }
  return dues;
}

export function rule(rrule: string, from: RepeatRule['from'] = 'due'): RepeatRule {
  const parsed = parseRRule(rrule, from);
  expect(parsed, rrule).toMatchObject({ ok: true });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.rule;
}
