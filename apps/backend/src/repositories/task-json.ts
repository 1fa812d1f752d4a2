import type { ListTasksQuery } from '@todo/contract';
import { DEFAULT_SORT_ORDER, TASK_LIMITS } from '@todo/contract';
import type { Database } from '@todo/db/client';
import { schema } from '@todo/db/client';
import { repeatFields } from '@todo/schedule';
import { and, asc, desc, eq, type Query, type SQL, sql } from 'drizzle-orm';
import { filters, SORT_COLUMNS } from './task-filters.js';
import { isoText, reminderList, subtaskProgress } from './task-row.js';

const { tasks } = schema;

/**
 * The read path: PostgreSQL writes each task of an answer as JSON text, in the shape toTask
 * gives, and the route sends the text without parsing it (the way PostgREST works). Mapping 50
 * rows into objects and serialising them again was most of the list's CPU beyond the bare
 * reference (docs/benchmarks.md, "Issue 13"). task-json.test.ts checks both paths answer alike.
 *
 * Everything but `repeat` and `recurrence`: the rule's fields and summary come from
 * @todo/schedule, the one place rules are read (ruleJson below).
 */
// Also over a row that is not in the table: webhooks/dispatch.ts names a change event's
// jsonb_populate_record(null::tasks, data) "tasks", so a payload is the API's own JSON.
export const taskObject = sql<string>`(select row_to_json(answer)::text from (select
  "tasks"."id", "tasks"."user_id", "tasks"."title", "tasks"."description", "tasks"."completed",
  ${sql.raw(isoText('"tasks"."completed_at"'))} as completed_at, "tasks"."priority", "tasks"."tags",
  ${sql.raw(isoText('"tasks"."due_at"'))} as due_at, "tasks"."time_zone", "tasks"."project_id",
  "tasks"."parent_id", progress.counts[1] as subtask_count,
  progress.counts[2] as completed_subtask_count, ${reminderList} as reminders,
  "tasks"."next_occurrence_id", ${sql.raw(isoText('"tasks"."created_at"'))} as created_at,
  ${sql.raw(isoText('"tasks"."updated_at"'))} as updated_at, "tasks"."version"
  from (select ${subtaskProgress} as counts) as progress
) as answer)`;

/** The columns a JSON answer is read from: the text, the rule for ruleJson, the version. */
const jsonColumns = {
  json: taskObject,
  rrule: tasks.rrule,
  repeatFrom: tasks.repeatFrom,
  timeZone: tasks.timeZone,
  version: tasks.version,
};

type JsonRow = [
  json: string,
  rrule: string | null,
  repeatFrom: 'due' | 'completion',
  timeZone: string,
  version: number,
  total?: string,
];

const NO_RULE = '"recurrence":"none","repeat":null';
/** Rules repeat across tasks (a weekly one in many lists): each is read and summarised once. */
const ruleCache = new Map<string, string>();
const RULE_CACHE_MAX = 1000;

/** `"recurrence":…,"repeat":…` of a stored rule, as toTask answers them. */
function ruleJson(rrule: string | null, repeatFrom: 'due' | 'completion', timeZone: string) {
  if (rrule === null) return NO_RULE;
  const key = `${rrule}\n${repeatFrom}\n${timeZone}`;
  let text = ruleCache.get(key);
  if (text === undefined) {
    const { recurrence, repeat } = repeatFields({ rrule, repeatFrom, timeZone });
    text = `"recurrence":${JSON.stringify(recurrence)},"repeat":${JSON.stringify(repeat)}`;
    if (ruleCache.size >= RULE_CACHE_MAX) ruleCache.clear();
    ruleCache.set(key, text);
  }
  return text;
}

/** One task's JSON text: taskObject's text with the rule's fields added before its `}`. */
export const withRule = (
  json: string,
  rrule: string | null,
  repeatFrom: 'due' | 'completion',
  timeZone: string,
) => `${json.slice(0, -1)},${ruleJson(rrule, repeatFrom, timeZone)}}`;

const taskText = ([json, rrule, repeatFrom, timeZone]: JsonRow) =>
  withRule(json, rrule, repeatFrom, timeZone);

/**
 * Runs a statement drizzle built as a named prepared statement, planned once per connection
 * (drizzle sends unnamed ones, planned every time: ~0.5 ms of PostgreSQL's CPU for the list).
 */
async function run<Row extends unknown[]>(db: Database, query: { toSQL(): Query }): Promise<Row[]> {
  const { sql: text, params } = query.toSQL();
  const rows: unknown = await db.$client
    .unsafe(text, params as never[], { prepare: true })
    .values();
  return rows as Row[];
}

/** The list's conditions and order, shared by the page and by the row path of the tests. */
export function listOrder(query: ListTasksQuery): SQL[] {
  const sort = query.sort ?? 'created';
  const direction = (query.order ?? DEFAULT_SORT_ORDER[sort]) === 'asc' ? asc : desc;
  return [
    // Tasks without a due date come last whichever way due dates are sorted.
    ...(sort === 'due' ? [sql`${tasks.dueAt} is null`] : []),
    direction(SORT_COLUMNS[sort]),
    direction(tasks.id),
  ];
}

/** How many tasks match the list's filters. */
export async function countTasks(db: Database, userId: string, query: ListTasksQuery) {
  const [row] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(tasks)
    .where(and(...filters(userId, query)));
  return row?.total ?? 0;
}

/** A page of the list as the TaskList JSON text, page and total in one statement. */
export async function listJson(db: Database, userId: string, query: ListTasksQuery) {
  const limit = query.limit ?? TASK_LIMITS.pageDefault;
  const offset = query.offset ?? 0;
  const rows = await run<JsonRow>(
    db,
    db
      .select({ ...jsonColumns, total: sql`count(*) over ()` })
      .from(tasks)
      .where(and(...filters(userId, query)))
      .orderBy(...listOrder(query))
      .limit(limit)
      .offset(offset),
  );
  const first = rows[0];
  const total = first ? Number(first[5]) : offset > 0 ? await countTasks(db, userId, query) : 0;
  const next = offset + rows.length < total ? offset + rows.length : null;
  return `{"items":[${rows.map(taskText).join(',')}],"total":${total},"limit":${limit},"offset":${offset},"next_offset":${next}}`;
}

/** A task as JSON text, with its version for the ETag. */
export interface JsonAnswer {
  version: number;
  json: string;
}

/** One task as JSON text; null when the user has no such task. */
export async function taskJson(
  db: Database,
  userId: string,
  id: number,
): Promise<JsonAnswer | null> {
  const [row] = await run<JsonRow>(
    db,
    db
      .select(jsonColumns)
      .from(tasks)
      .where(and(eq(tasks.id, id), eq(tasks.userId, userId))),
  );
  return row ? { version: row[4], json: taskText(row) } : null;
}
