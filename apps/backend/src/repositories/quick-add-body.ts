import type { QuickAddTaskBody, UpdateTaskBody } from '@todo/contract';
import { TASK_LIMITS } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { parseQuickAdd } from '@todo/schedule';
import { eq } from 'drizzle-orm';
import { refused } from '../lib/refused.js';
import { timeZoneOf } from './task-values.js';

const { projects } = schema;

/**
 * The task a quick-add line stands for: `text` read by the same parser as the web app's input,
 * in the body's time zone (UTC when left out), with `#Project` looked up among the user's
 * projects, ignoring case; its reminders (`!30m`, `remind me at 5pm`) in `reminders`. A field the
 * body also names wins over what the line says. An unknown
 * project or a line with no title left is refused, and nothing is created.
 */
export async function quickAddBody(
  db: Database,
  userId: string,
  body: QuickAddTaskBody,
): Promise<UpdateTaskBody> {
  const { text, ...fields } = body;
  const timeZone = timeZoneOf(fields.time_zone ?? 'UTC');
  const known = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(eq(projects.userId, userId));
  const parsed = parseQuickAdd(text, {
    now: new Date(),
    timeZone,
    projects: known.map((project) => project.name),
  });
  if (!parsed.title) {
    throw refused(
      422,
      'text: no title is left once the date, repeat, priority, project and tags are read; ' +
        'add a few words, or put a word in double quotes to keep it as text',
    );
  }
  if ([...parsed.title].length > TASK_LIMITS.titleMax) {
    throw refused(422, `text: the title it leaves is over ${TASK_LIMITS.titleMax} characters`);
  }
  const ruleGiven = fields.repeat !== undefined || fields.recurrence !== undefined;
  return {
    title: parsed.title,
    ...(parsed.priority ? { priority: parsed.priority } : {}),
    ...(parsed.tags.length > 0 ? { tags: parsed.tags } : {}),
    ...(parsed.dueAt ? { due_at: parsed.dueAt } : {}),
    ...(parsed.repeat && !ruleGiven ? { repeat: parsed.repeat } : {}),
    ...(parsed.reminders.length > 0 ? { reminders: parsed.reminders } : {}),
    ...(parsed.project && fields.project_id === undefined
      ? { project_id: projectNamed(known, parsed.project) }
      : {}),
    ...fields,
    time_zone: timeZone,
  };
}

function projectNamed(known: { id: number; name: string }[], name: string): number {
  const wanted = name.toLowerCase();
  const found = known.find((project) => project.name.toLowerCase() === wanted);
  if (!found) {
    throw refused(
      422,
      `text: there is no project named “${name}”; create it first, or leave out #${name}`,
    );
  }
  return found.id;
}
