import type { Task, TaskList } from '@todo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, expectProblem, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const USER = 'lister';
const HOUR = 60 * 60 * 1000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** Titles of the tasks a list query answers, in order. */
async function titles(query: string): Promise<string[]> {
  const response = await list(query);
  return response.items.map((task) => task.title);
}

async function list(query: string): Promise<TaskList> {
  const response = await t.as(USER, { method: 'GET', url: `/api/${USER}/tasks?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TaskList>();
}

const sorted = (values: string[]) => [...values].sort();

// Created in this order, so creation order is A, B, C, D, E, F.
const FIXTURES = [
  {
    title: 'A alpha',
    description: 'Weekly report for the boss',
    priority: 'high',
    tags: ['work', 'urgent'],
    due_at: inHours(-48),
  },
  {
    title: 'b bravo',
    description: '50% discount_code inside',
    priority: 'low',
    tags: ['home'],
    due_at: inHours(24),
  },
  { title: 'C charlie', description: null, priority: 'medium', tags: ['work'], due_at: null },
  {
    title: 'd delta REPORT',
    priority: 'medium',
    tags: ['work', 'urgent', 'home'],
    due_at: inHours(-1),
    completed: true,
  },
  { title: 'E echo 50 percent', priority: 'low', tags: [], due_at: inHours(72) },
  { title: 'f foxtrot', priority: 'high', tags: ['home'], due_at: null, completed: true },
] as const;

let created: Task[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  await t.createUsers(USER, 'pager', 'nobody');
  created = [];
  for (const body of FIXTURES)
    created.push(await t.createTask(USER, { ...body, tags: [...body.tags] }));
});
afterAll(async () => t?.close());

describe('GET /api/:user_id/tasks filters', () => {
  it('answers every task by default, newest first', async () => {
    const body = await list('');
    expect(body.items.map((task) => task.title)).toEqual([
      'f foxtrot',
      'E echo 50 percent',
      'd delta REPORT',
      'C charlie',
      'b bravo',
      'A alpha',
    ]);
    expect(body).toMatchObject({ total: 6, limit: 50, offset: 0, next_offset: null });
    expect(body.items[0]).toEqual(created[5]);
  });

  it.each([
    [
      'all',
      ['A alpha', 'b bravo', 'C charlie', 'd delta REPORT', 'E echo 50 percent', 'f foxtrot'],
    ],
    ['pending', ['A alpha', 'b bravo', 'C charlie', 'E echo 50 percent']],
    ['completed', ['d delta REPORT', 'f foxtrot']],
  ])('filters by status=%s', async (status, expected) => {
    expect(sorted(await titles(`status=${status}`))).toEqual(sorted(expected));
  });

  it('filters by one priority or several (repeated parameter)', async () => {
    expect(sorted(await titles('priority=high'))).toEqual(['A alpha', 'f foxtrot']);
    expect(sorted(await titles('priority=high&priority=low'))).toEqual([
      'A alpha',
      'E echo 50 percent',
      'b bravo',
      'f foxtrot',
    ]);
  });

  it('filters by tag; repeated tags must all be present; tags are matched normalised', async () => {
    expect(sorted(await titles('tag=work'))).toEqual(['A alpha', 'C charlie', 'd delta REPORT']);
    expect(sorted(await titles('tag=work&tag=urgent'))).toEqual(['A alpha', 'd delta REPORT']);
    expect(sorted(await titles('tag=work&tag=urgent&tag=home'))).toEqual(['d delta REPORT']);
    expect(sorted(await titles('tag=%20WORK%20&tag=Urgent'))).toEqual([
      'A alpha',
      'd delta REPORT',
    ]);
    expect(await titles('tag=nothing')).toEqual([]);
  });

  it('searches q case-insensitively in the title or the description', async () => {
    expect(sorted(await titles('q=report'))).toEqual(['A alpha', 'd delta REPORT']);
    expect(sorted(await titles('q=CHARLIE'))).toEqual(['C charlie']);
    expect(await titles('q=boss')).toEqual(['A alpha']);
    expect(await titles('q=zzz')).toEqual([]);
  });

  it('takes the LIKE wildcards % and _ and the escape \\ literally in q', async () => {
    expect(await titles('q=50%25')).toEqual(['b bravo']);
    expect(await titles('q=t_c')).toEqual(['b bravo']);
    expect(await titles('q=%25')).toEqual(['b bravo']);
    expect(await titles('q=_')).toEqual(['b bravo']);
    expect(await titles('q=%5C')).toEqual([]);
  });

  it('filters by due_before (exclusive) and due_after (inclusive)', async () => {
    const now = new Date().toISOString();
    expect(sorted(await titles(`due_before=${encodeURIComponent(now)}`))).toEqual([
      'A alpha',
      'd delta REPORT',
    ]);
    expect(sorted(await titles(`due_after=${encodeURIComponent(now)}`))).toEqual([
      'E echo 50 percent',
      'b bravo',
    ]);
    const bravoDue = encodeURIComponent(created[1]?.due_at ?? '');
    expect(sorted(await titles(`due_after=${bravoDue}`))).toEqual(['E echo 50 percent', 'b bravo']);
    expect(await titles(`due_before=${bravoDue}&due_after=${encodeURIComponent(now)}`)).toEqual([]);
    expect(
      await titles(
        `due_after=${encodeURIComponent(inHours(-3))}&due_before=${encodeURIComponent(now)}`,
      ),
    ).toEqual(['d delta REPORT']);
  });

  it('filters overdue: pending tasks due before now', async () => {
    expect(await titles('overdue=true')).toEqual(['A alpha']);
    expect((await list('overdue=false')).total).toBe(6);
  });

  it('filters has_due both ways', async () => {
    expect(sorted(await titles('has_due=false'))).toEqual(['C charlie', 'f foxtrot']);
    expect(sorted(await titles('has_due=true'))).toEqual([
      'A alpha',
      'E echo 50 percent',
      'b bravo',
      'd delta REPORT',
    ]);
  });

  it('combines filters, and total counts what matches', async () => {
    const body = await list('status=pending&tag=work&priority=medium&priority=high&has_due=true');
    expect(body.items.map((task) => task.title)).toEqual(['A alpha']);
    expect(body.total).toBe(1);
  });

  it('answers an empty page for a user without tasks', async () => {
    const response = await t.as('nobody', { method: 'GET', url: '/api/nobody/tasks' });
    expect(response.json()).toEqual({
      items: [],
      total: 0,
      limit: 50,
      offset: 0,
      next_offset: null,
    });
  });
});

describe('GET /api/:user_id/tasks sorting', () => {
  it.each([
    ['sort=created', ['f', 'E', 'd', 'C', 'b', 'A']],
    ['sort=created&order=desc', ['f', 'E', 'd', 'C', 'b', 'A']],
    ['sort=created&order=asc', ['A', 'b', 'C', 'd', 'E', 'f']],
    // Tasks without a due date come last both ways; ties (both null) by id in the same direction.
    ['sort=due', ['A', 'd', 'b', 'E', 'C', 'f']],
    ['sort=due&order=asc', ['A', 'd', 'b', 'E', 'C', 'f']],
    ['sort=due&order=desc', ['E', 'b', 'd', 'A', 'f', 'C']],
    // By importance, not alphabetically: high, medium, low.
    ['sort=priority', ['f', 'A', 'd', 'C', 'E', 'b']],
    ['sort=priority&order=desc', ['f', 'A', 'd', 'C', 'E', 'b']],
    ['sort=priority&order=asc', ['b', 'E', 'C', 'd', 'A', 'f']],
    // Case-insensitive: A, b, C, d, E, f rather than A, C, E, b, d, f.
    ['sort=title', ['A', 'b', 'C', 'd', 'E', 'f']],
    ['sort=title&order=asc', ['A', 'b', 'C', 'd', 'E', 'f']],
    ['sort=title&order=desc', ['f', 'E', 'd', 'C', 'b', 'A']],
  ])('%s', async (query, expected) => {
    const initials = (await titles(query)).map((title) => title[0]);
    expect(initials).toEqual(expected);
  });

  it('sorts within a filter', async () => {
    expect(await titles('status=pending&sort=due&order=desc')).toEqual([
      'E echo 50 percent',
      'b bravo',
      'A alpha',
      'C charlie',
    ]);
  });
});

describe('GET /api/:user_id/tasks paging', () => {
  const PAGER = 'pager';
  let ids: number[] = [];

  beforeAll(async () => {
    // 120 tasks in one statement: more than the largest page.
    const rows = await t.sql<{ id: number }[]>`
      insert into tasks (user_id, project_id, title)
      select ${PAGER}, ${await t.inboxId(PAGER)}, 'task ' || lpad(n::text, 3, '0')
      from generate_series(1, 120) as n
      returning id`;
    ids = rows.map((row) => row.id).sort((a, b) => a - b);
  });

  async function page(query: string): Promise<TaskList> {
    const response = await t.as(PAGER, { method: 'GET', url: `/api/${PAGER}/tasks?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TaskList>();
  }

  it('answers 50 tasks by default, with the offset of the next page', async () => {
    const body = await page('sort=title');
    expect(body.items).toHaveLength(50);
    expect(body).toMatchObject({ total: 120, limit: 50, offset: 0, next_offset: 50 });
    expect(body.items[0]?.title).toBe('task 001');
    expect(body.items[49]?.title).toBe('task 050');
  });

  it('walks every page without gaps or repeats, ending with next_offset null', async () => {
    const seen: number[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      const body: TaskList = await page(`sort=created&order=asc&limit=45&offset=${offset}`);
      expect(body.total).toBe(120);
      seen.push(...body.items.map((task) => task.id));
      offset = body.next_offset;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it('answers the last page with next_offset null', async () => {
    const body = await page('sort=title&limit=100&offset=100');
    expect(body.items.map((task) => task.title)).toHaveLength(20);
    expect(body.items[19]?.title).toBe('task 120');
    expect(body).toMatchObject({ total: 120, limit: 100, offset: 100, next_offset: null });
  });

  it('accepts the maximum page size of 100', async () => {
    const body = await page('limit=100');
    expect(body.items).toHaveLength(100);
    expect(body.next_offset).toBe(100);
  });

  it('answers an empty page with the real total for an offset beyond the end', async () => {
    const body = await page('offset=500');
    expect(body).toEqual({ items: [], total: 120, limit: 50, offset: 500, next_offset: null });
  });

  it('answers total 0 for an offset beyond the end of an empty result', async () => {
    const body = await page('q=nothing-matches&offset=10');
    expect(body).toEqual({ items: [], total: 0, limit: 50, offset: 10, next_offset: null });
  });

  it.each(['limit=101', 'limit=0', 'limit=-1', 'limit=ten', 'offset=-1', 'offset=1.5'])(
    'refuses %s with 422',
    async (query) => {
      const response = await t.as(PAGER, { method: 'GET', url: `/api/${PAGER}/tasks?${query}` });
      const problem = expectProblem(response, 422);
      expect(problem.errors?.[0]?.path).toMatch(/^querystring\/(limit|offset)$/);
    },
  );
});
