import type { PatchTaskBody, UpdateTaskBody } from '@todo/contract';
import { normalizeTags } from '@todo/contract';
import type { schema } from '@todo/db/client';
import {
  canonicalTimeZone,
  type RuleColumns,
  ruleColumns,
  ruleFromInput,
  ruleFromRecurrence,
} from '@todo/schedule';
import { refused } from '../lib/refused.js';

export type TaskValues = Partial<typeof schema.tasks.$inferInsert>;

type RuleFields = Pick<UpdateTaskBody, 'recurrence' | 'repeat'>;

/** The stored rule of `repeat` or the legacy `recurrence` (one of them), undefined when neither. */
function ruleValues({ recurrence, repeat }: RuleFields): RuleColumns | undefined {
  if (recurrence !== undefined && repeat !== undefined) {
    throw refused(422, 'Send repeat or recurrence, not both (recurrence is the older form)');
  }
  if (recurrence !== undefined) return ruleColumns(ruleFromRecurrence(recurrence));
  if (repeat === null) return ruleColumns(null);
  if (repeat === undefined) return undefined;
  const result = ruleFromInput(repeat);
  if (!result.ok) throw refused(422, `repeat: ${result.problem}`);
  return ruleColumns(result.rule);
}

/** The canonical IANA name of a zone the body names; an unknown one is refused. */
export function timeZoneOf(timeZone: string): string {
  const canonical = canonicalTimeZone(timeZone);
  if (!canonical) throw refused(422, `time_zone: "${timeZone}" is not an IANA time zone`);
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
    ...(ruleValues(body) ?? ruleColumns(null)),
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
