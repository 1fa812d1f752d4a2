import type { ListTasksQuery, TaskList } from '@todo/contract';
import { createDatabase, schema } from '@todo/db/client';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filters } from '../../src/repositories/task-filters.js';
import { listJson, listOrder, taskJson } from '../../src/repositories/task-json.js';
import { taskColumns, toTask } from '../../src/repositories/task-row.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

// The JSON path (PostgreSQL writes the answer's text) against the row path (rows mapped by toTask,
// as every write still answers) on varied data: every kind of repeat rule, a rule that no longer
// parses, subtasks, reminders, tags, nulls, microsecond timestamps, unicode and escapes; every
// filter, sort and page. Both must answer the same values of the same types.

const { tasks } = schema;
const USER = 'json-alice';
const OTHER = 'json-bob';

let t: TestApp;
let database: ReturnType<typeof createDatabase>;
let inbox: number;
let work: number;
const ids: number[] = [];

/** The row path of a list page: the same statement's rows through toTask. */
async function rowPage(userId: string, query: ListTasksQuery): Promise<TaskList> {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const rows = await database.db
    .select({ ...taskColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(tasks)
    .where(and(...filters(userId, query)))
    .orderBy(...listOrder(query))
    .limit(limit)
    .offset(offset);
  const [counted] = await database.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(tasks)
    .where(and(...filters(userId, query)));
  const total = counted?.total ?? 0;
  return {
    items: rows.map(toTask),
    total,
    limit,
    offset,
    next_offset: offset + rows.length < total ? offset + rows.length : null,
  };
}

const RULES: (string | null)[] = [
  null,
  'FREQ=DAILY',
  'FREQ=WEEKLY',
  'FREQ=MONTHLY',
  'FREQ=YEARLY',
  'FREQ=DAILY;INTERVAL=3',
  'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
  'FREQ=MONTHLY;BYMONTHDAY=-1',
  'FREQ=MONTHLY;BYMONTHDAY=15;COUNT=1',
  'FREQ=YEARLY;COUNT=5',
  // The end date reads as 1 Jan in Tokyo and 31 Dec in New York: the summary follows the zone.
  'FREQ=WEEKLY;UNTIL=20311231T200000Z',
  // A hand-edited rule that no longer parses answers as no rule.
  'FREQ=HOURLY',
];
const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Europe/Berlin'];
const TITLES = [
  'Buy milk',
  'Ünïcödé ✓ 🚀 日本語',
  'Quote " and backslash \\ and 50% off_sale',
  'line\u2028separator',
  'zebra',
  'Apple',
];

beforeAll(async () => {
  t = await buildTestApp();
  database = createDatabase(t.database.url, { max: 2 });
  await t.createUsers(USER, OTHER);
  inbox = await t.inboxId(USER);
  const [project] = await t.sql`
    insert into projects (user_id, name, position) values (${USER}, 'Work', 1) returning id`;
  work = project?.id;
  for (let i = 0; i < 60; i++) {
    const rule = RULES[i % RULES.length] ?? null;
    const completed = i % 4 === 0;
    const [row] = await t.sql`
      insert into tasks (user_id, title, description, completed, completed_at, priority, tags,
        due_at, project_id, rrule, repeat_from, time_zone, created_at, updated_at, version)
      values (${USER}, ${`${TITLES[i % TITLES.length]} ${i}`},
        ${i % 3 === 0 ? null : `notes ${i}\n"quoted" \\ tab\t ✓`}, ${completed},
        ${completed ? '2026-02-03 04:05:06.789999+00' : null},
        ${['low', 'medium', 'high'][i % 3] ?? 'medium'}::task_priority,
        ${i % 5 === 0 ? [] : ['home', `tag-${i % 4}`, 'ünï'].slice(0, 1 + (i % 3))},
        ${i % 5 === 1 ? null : `2026-0${1 + (i % 9)}-1${i % 10} 1${i % 10}:30:00.${String(i * 16_661).padStart(6, '0')}+00`},
        ${i % 2 ? inbox : work}, ${rule}, ${i % 7 === 3 ? 'completion' : 'due'}::task_repeat_from,
        ${ZONES[i % ZONES.length] ?? 'UTC'},
        now() - ${`${i} hours`}::interval, now() - ${`${i} minutes`}::interval, ${1 + (i % 4)})
      returning id`;
    ids.push(row?.id);
  }
  // Subtasks under two parents, one of them completed; reminders of every kind on a few tasks.
  const idAt = (index: number) => ids[index] ?? 0;
  for (const [parent, n] of [
    [idAt(2), 3],
    [idAt(5), 1],
  ] as const) {
    for (let k = 0; k < n; k++) {
      await t.sql`
        insert into tasks (user_id, title, project_id, parent_id, completed)
        values (${USER}, ${`sub ${k}`}, ${work}, ${parent}, ${k === 0})`;
    }
  }
  for (const id of [idAt(1), idAt(2), idAt(7)]) {
    await t.sql`
      insert into reminders (user_id, task_id, kind, minutes_before, at, fire_at) values
        (${USER}, ${id}, 'due', null, null, '2026-05-01 10:00:00.123456+00'),
        (${USER}, ${id}, 'before', 30, null, null),
        (${USER}, ${id}, 'at', null, '2026-04-30 08:00:00.5+00', '2026-04-30 08:00:00.5+00')`;
  }
  await t.sql`insert into tasks (user_id, title, project_id) values (${OTHER}, 'not yours', ${await t.inboxId(OTHER)})`;
});
afterAll(async () => {
  await database?.close();
  await t?.close();
});

function queries(): ListTasksQuery[] {
  const out: ListTasksQuery[] = [];
  for (const status of [undefined, 'all', 'pending', 'completed'] as const) {
    for (const sort of [undefined, 'created', 'due', 'priority', 'title'] as const) {
      for (const order of [undefined, 'asc', 'desc'] as const) {
        out.push({
          ...(status ? { status } : {}),
          ...(sort ? { sort } : {}),
          ...(order ? { order } : {}),
        });
      }
    }
  }
  out.push(
    { project: [work] },
    { project: [inbox, work], sort: 'due' },
    { parent: [ids[2] ?? 0] },
    { top_level: true, sort: 'title' },
    { top_level: false },
    { priority: ['high', 'low'] },
    { tag: ['home'] },
    { tag: ['ÜNÏ', 'home'] },
    { q: '50%' },
    { q: 'ünïcödé' },
    { q: 'no such text' },
    { due_before: '2026-05-01T00:00:00Z', sort: 'due' },
    { due_after: '2026-05-01T00:00:00Z', due_before: '2026-08-01T00:00:00Z' },
    { overdue: true },
    { has_due: true },
    { has_due: false, sort: 'due', order: 'desc' },
    { limit: 7 },
    { limit: 7, offset: 7, sort: 'priority' },
    { limit: 100, offset: 60 },
    { offset: 1000 },
    { status: 'pending', sort: 'due', project: [work], limit: 50 },
  );
  return out;
}

describe('the JSON path answers as the row path does', () => {
  it('for every filter, sort and page of the list', async () => {
    const all = queries();
    for (const query of all) {
      const text = await listJson(database.db, USER, query);
      expect(JSON.parse(text), JSON.stringify(query)).toEqual(await rowPage(USER, query));
    }
    // The data reaches every case the list is meant to cover.
    const everything = JSON.parse(await listJson(database.db, USER, { limit: 100 })) as TaskList;
    expect(everything.total).toBe(64);
    const recurrences = new Set(everything.items.map((task) => task.recurrence));
    expect([...recurrences].sort()).toEqual([
      'custom',
      'daily',
      'monthly',
      'none',
      'weekly',
      'yearly',
    ]);
    expect(everything.items.some((task) => task.reminders.length === 3)).toBe(true);
    expect(everything.items.some((task) => task.subtask_count === 3)).toBe(true);
    expect(everything.items.some((task) => task.repeat?.summary.includes('until 1 Jan'))).toBe(
      true,
    );
  });

  it('for one task, with its version', async () => {
    const [subtask] = await t.sql`select id from tasks where parent_id is not null limit 1`;
    for (const id of [...ids, subtask?.id]) {
      const [row] = await database.db
        .select(taskColumns)
        .from(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.userId, USER)));
      const answer = await taskJson(database.db, USER, id);
      expect(row).toBeDefined();
      expect(answer?.version).toBe(row?.version);
      expect(JSON.parse(answer?.json ?? 'null'), String(id)).toEqual(row && toTask(row));
    }
  });

  it('answers nothing of another user', async () => {
    expect(await taskJson(database.db, OTHER, ids[0] ?? 0)).toBeNull();
    const page = JSON.parse(await listJson(database.db, OTHER, {})) as TaskList;
    expect(page.items.map((task) => task.title)).toEqual(['not yours']);
  });
});
