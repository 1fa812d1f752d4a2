import type { PatchTaskBody, RepeatInput, UpdateTaskBody } from '@todo/contract';
import { normalizeTags } from '@todo/contract';
import type { schema } from '@todo/db/client';
import { canonicalTimeZone } from '@todo/schedule';
import { rruleOf, ruleOf } from '../lib/recurrence.js';

export type TaskValues = Partial<typeof schema.tasks.$inferInsert>;

/** A request the task rules refuse: the error handler answers it 422 with this message. */
export function unprocessable(detail: string): Error {
  return Object.assign(new Error(detail), { statusCode: 422 });
}

type RuleFields = Pick<UpdateTaskBody, 'recurrence' | 'repeat'>;

/** The stored rule of `repeat` or the legacy `recurrence` (one of them), undefined when neither. */
function ruleValues({ recurrence, repeat }: RuleFields): TaskValues | undefined {
  if (recurrence !== undefined && repeat !== undefined) {
    throw unprocessable('Send repeat or recurrence, not both (recurrence is the older form)');
  }
  if (recurrence !== undefined) return { rrule: rruleOf(recurrence), repeatFrom: 'due' };
  if (repeat === null) return { rrule: null, repeatFrom: 'due' };
  if (repeat !== undefined) return repeatValues(repeat);
  return undefined;
}

// Temporary until the planner lands: only the rules the first version knew.
function repeatValues(repeat: RepeatInput): TaskValues {
  const rrule = 'rrule' in repeat ? repeat.rrule : `FREQ=${repeat.frequency.toUpperCase()}`;
  if (!ruleOf(rrule)) throw unprocessable('repeat: only FREQ=DAILY, WEEKLY, MONTHLY or YEARLY yet');
  return { rrule, repeatFrom: repeat.from ?? 'due' };
}

function timeZoneOf(timeZone: string): string {
  const canonical = canonicalTimeZone(timeZone);
  if (!canonical) throw unprocessable(`time_zone: "${timeZone}" is not an IANA time zone`);
  return canonical;
}

/** Column values for a create or a full replacement (PUT): absent fields take their defaults. */
export function replacementValues(body: UpdateTaskBody): TaskValues {
  return {
    title: body.title,
    description: body.description ?? null,
    priority: body.priority ?? 'medium',
    tags: normalizeTags(body.tags ?? []),
    dueAt: body.due_at ? new Date(body.due_at) : null,
    rrule: null,
    repeatFrom: 'due',
    ...ruleValues(body),
    timeZone: body.time_zone === undefined ? 'UTC' : timeZoneOf(body.time_zone),
    parentId: body.parent_id ?? null,
    completed: body.completed ?? false,
  };
}

/** Column values for a partial update (PATCH): only the fields named. */
export function patchValues(body: PatchTaskBody): TaskValues {
  const values: TaskValues = { ...ruleValues(body) };
  if (body.title !== undefined) values.title = body.title;
  if (body.description !== undefined) values.description = body.description;
  if (body.priority !== undefined) values.priority = body.priority;
  if (body.tags !== undefined) values.tags = normalizeTags(body.tags);
  if (body.due_at !== undefined) values.dueAt = body.due_at ? new Date(body.due_at) : null;
  if (body.time_zone !== undefined) values.timeZone = timeZoneOf(body.time_zone);
  if (body.project_id !== undefined) values.projectId = body.project_id;
  if (body.parent_id !== undefined) values.parentId = body.parent_id;
  if (body.completed !== undefined) values.completed = body.completed;
  return values;
}
